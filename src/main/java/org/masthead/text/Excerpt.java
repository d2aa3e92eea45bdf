package org.masthead.text;

/** Temporary: replaced by the text module's implementation. */
public final class Excerpt {
    private Excerpt() {}

    public static String of(String text, int max) {
        String t = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return t.codePointCount(0, t.length()) <= max ? t : t.substring(0, t.offsetByCodePoints(0, max - 1)) + "…";
    }
}
