package org.masthead.article;

import java.time.Instant;

/**
 * What the back office's article list asks for; null fields do not filter.
 *
 * @param title words the title contains (case-insensitive for Latin letters), or null
 * @param author a byline name or the user name of the account that created the article
 * @param from publish time at or after, or null
 * @param to publish time before, or null
 */
public record DeskQuery(String title, ArticleStatus status, Long channelId, Long sourceId, String author, Instant from, Instant to) {

    public static DeskQuery all() {
        return new DeskQuery(null, null, null, null, null, null, null);
    }

    public DeskQuery withStatus(ArticleStatus s) {
        return new DeskQuery(title, s, channelId, sourceId, author, from, to);
    }
}
