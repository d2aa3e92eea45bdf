package org.masthead.ads;

/** What an ad slot shows changed (placed, replaced or cleared). */
public record AdSlotChanged(String slot) {}
