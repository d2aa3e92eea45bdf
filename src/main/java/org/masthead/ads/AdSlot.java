package org.masthead.ads;

/**
 * A named place for ads on the pages.
 *
 * @param placement where the site's templates put it: one of {@link AdSlots#PLACEMENTS}
 * @param width in CSS pixels, or null for the full width of its column
 * @param height in CSS pixels: the frame the creatives are shown in is this tall
 * @param active stopped slots show nothing, whatever their creatives
 */
public record AdSlot(long id, String name, String placement, Integer width, int height, boolean active) {

    /** The address of the frame that shows one of its creatives, chosen per view. */
    public String frameUrl() {
        return "/ad/slot/" + id;
    }
}
