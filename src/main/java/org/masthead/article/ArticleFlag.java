package org.masthead.article;

import java.util.Locale;

/**
 * Flags editors set on an article, as the Chinese portal CMSes have them: the home page's headlines
 * (头条), the recommended lists of the home and channel pages (推荐), and pinned (置顶) at the top of its
 * channel's list.
 */
public enum ArticleFlag {
    HEADLINE,
    RECOMMENDED,
    PINNED;

    /** As stored, in the API and in forms: "headline", "recommended", "pinned". */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A flag by its code; anything else is refused as bad input. */
    public static ArticleFlag fromCode(String code) {
        for (ArticleFlag flag : values()) {
            if (flag.code().equalsIgnoreCase(code == null ? "" : code.strip())) {
                return flag;
            }
        }
        throw ArticleRefused.invalid("flags.unknown", code);
    }
}
