package org.masthead.article;

import java.time.Instant;

/** An article left the public site: unpublished, archived or deleted. Derived stores re-read it and drop it. */
public record ArticleWithdrawn(long articleId, Instant at) {

    /** The public URL it had, which now answers 404. */
    public String url() {
        return ArticleCard.urlOf(articleId);
    }
}
