package org.masthead.article;

import java.time.Instant;

/**
 * A saved state of an article's content: number {@code n} is the n-th save. {@code reason} says what
 * saved it: {@code create}, {@code update}, {@code import}, or {@code restore:n} for a copy of
 * revision n.
 */
public record Revision(long articleId, int number, Instant createdAt, String createdBy, String reason, ArticleDraft content) {

    public String title() {
        return content.title();
    }
}
