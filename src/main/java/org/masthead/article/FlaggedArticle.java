package org.masthead.article;

import java.time.Instant;

/** An article carrying a flag, in any state, as the back office lists it. */
public record FlaggedArticle(long id, String title, ArticleStatus status, Instant publishedAt, Instant flaggedAt) {

    public String url() {
        return ArticleCard.urlOf(id);
    }
}
