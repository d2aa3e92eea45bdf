package org.masthead.ads;

import java.time.Instant;

/**
 * A creative as an editor submits it; {@link AdEditing} checks it and sanitises the HTML.
 *
 * @param weight 1 to 1000; null counts as 1
 */
public record CreativeDraft(long slotId, CreativeKind kind, String title, String linkUrl, String imageUrl, String html, Integer weight,
        Instant startsAt, Instant endsAt) {}
