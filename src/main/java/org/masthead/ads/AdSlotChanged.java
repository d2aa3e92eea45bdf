package org.masthead.ads;

/**
 * What the pages show at a placement changed: a slot there was added, started, stopped, resized or
 * moved, or its first creative entered (or its last left) its schedule window. Changes inside a slot
 * that keeps showing something (a creative edited, re-weighted) change no page: the frame is chosen per view.
 */
public record AdSlotChanged(String placement) {}
