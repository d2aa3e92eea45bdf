package org.masthead.article;

import java.util.Locale;

/** Where an article stands in the editorial workflow; only {@link #PUBLISHED} shows on the site. */
public enum ArticleStatus {
    DRAFT,
    REVIEW,
    SCHEDULED,
    PUBLISHED,
    UNPUBLISHED,
    ARCHIVED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a status as written in URLs and JSON ("published"); unknown text is a clear error. */
    public static ArticleStatus fromCode(String code) {
        for (ArticleStatus status : values()) {
            if (status.code().equalsIgnoreCase(code.strip())) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown status '" + code + "': use one of draft, review, scheduled, published, unpublished, archived");
    }
}
