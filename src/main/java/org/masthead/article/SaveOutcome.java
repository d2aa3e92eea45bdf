package org.masthead.article;

/** What saving a draft did: the article's id and whether it was new, changed or already so. */
public record SaveOutcome(long articleId, Kind kind) {

    public enum Kind {
        CREATED,
        UPDATED,
        UNCHANGED
    }

    public String url() {
        return ArticleCard.urlOf(articleId);
    }
}
