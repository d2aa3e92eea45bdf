package org.masthead.ads;

import java.time.Instant;

/**
 * One ad of a slot. The slot rotates among its creatives that are active and inside their schedule
 * window, each chosen with a probability proportional to its weight.
 *
 * @param title the text of a text ad, the alternative text of an image, the name of an HTML ad
 * @param linkUrl where a click leads (through {@code /ad/click/{id}}, which counts it); null for none
 * @param imageUrl the image of an image ad
 * @param html the sanitised HTML of an HTML ad (its own links removed: the whole ad is the one link)
 * @param startsAt shown from this instant on; null for "already"
 * @param endsAt shown until before this instant; null for "until stopped"
 */
public record Creative(long id, long slotId, CreativeKind kind, String title, String linkUrl, String imageUrl, String html, int weight,
        Instant startsAt, Instant endsAt, boolean active) {

    /** Whether it may be shown at {@code now}: active and inside its window. */
    public boolean showsAt(Instant now) {
        return active && (startsAt == null || !now.isBefore(startsAt)) && (endsAt == null || now.isBefore(endsAt));
    }

    /** The counting redirect a click goes through, or null when the creative links nowhere. */
    public String clickUrl() {
        return linkUrl == null ? null : "/ad/click/" + id;
    }
}
