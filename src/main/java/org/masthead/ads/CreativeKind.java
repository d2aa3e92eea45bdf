package org.masthead.ads;

import java.util.Locale;

/** What a creative shows: an image, a line of text, or HTML (sanitised with the article body allowlist). */
public enum CreativeKind {
    IMAGE,
    TEXT,
    HTML;

    /** As stored and written in forms: "image", "text", "html". */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A stored or submitted kind; anything else is refused. */
    public static CreativeKind fromCode(String code) {
        for (CreativeKind kind : values()) {
            if (kind.code().equalsIgnoreCase(code == null ? "" : code.strip())) {
                return kind;
            }
        }
        throw new AdRefused("ad.error.kind", code);
    }
}
