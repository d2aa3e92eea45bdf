package org.masthead.ads;

/** What an ad slot shows: text, an optional link and an optional image; all plain values, escaped when shown. */
public record AdCreative(String slot, String text, String linkUrl, String imageUrl) {}
