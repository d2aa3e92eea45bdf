package org.masthead.text;

/** Temporary: replaced by the text module's implementation. */
public final class PlainText {
    private PlainText() {}

    public static String fromHtml(String html) {
        return org.jsoup.Jsoup.parse(html == null ? "" : html).text();
    }
}
