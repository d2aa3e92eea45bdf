package org.masthead.ads;

/**
 * A quick placement: "the slot named after this placement shows just this text (or image) ad", as the
 * demo content and tests place ads ({@link AdSlots#place}). Plain values, escaped when shown.
 *
 * @param slot the placement, also the name of the slot it creates or reuses
 */
public record AdCreative(String slot, String text, String linkUrl, String imageUrl) {}
