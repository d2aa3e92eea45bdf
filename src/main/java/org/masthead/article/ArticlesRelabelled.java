package org.masthead.article;

import java.time.Instant;
import java.util.List;

/**
 * The channel, tags or bylines these articles show were renamed, merged or moved, all at once (an edit
 * of the taxonomy, not of the articles): their pages, the lists they are in and their search entries
 * are out of date. One event for many articles, so a channel of thousands is one drop and one batch.
 */
public record ArticlesRelabelled(List<Long> articleIds, Instant at) {

    public ArticlesRelabelled {
        articleIds = List.copyOf(articleIds);
    }
}
