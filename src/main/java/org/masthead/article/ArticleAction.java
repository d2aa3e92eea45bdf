package org.masthead.article;

import java.util.Locale;

/**
 * What can be done to an article, as the audit log records it. The workflow transitions are
 * {@link #SUBMIT} to {@link #DELETE}; docs/workflow.md has the table of who may do which from where.
 */
public enum ArticleAction {
    CREATE,
    UPDATE,
    IMPORT,
    RESTORE,
    SUBMIT,
    SCHEDULE,
    PUBLISH,
    UNPUBLISH,
    ARCHIVE,
    REOPEN,
    DELETE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The message-bundle key of its label, e.g. 提交审核. */
    public String labelKey() {
        return "article.action." + code();
    }

    public static ArticleAction fromCode(String code) {
        for (ArticleAction action : values()) {
            if (action.code().equalsIgnoreCase(code.strip())) {
                return action;
            }
        }
        throw new IllegalArgumentException("unknown action '" + code + "'");
    }
}
