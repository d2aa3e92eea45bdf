package org.masthead.text;

/** Temporary: replaced by the text module's implementation. */
public final class BodyHtml {
    private BodyHtml() {}

    public static String sanitize(String html) {
        return org.jsoup.Jsoup.clean(html == null ? "" : html, org.jsoup.safety.Safelist.relaxed());
    }

    public static String fromPlainText(String text) {
        StringBuilder b = new StringBuilder();
        for (String p : text.split("\\n\\s*\\n")) {
            if (!p.isBlank()) {
                b.append("<p>").append(org.jsoup.nodes.Entities.escape(p.strip())).append("</p>\n");
            }
        }
        return b.toString();
    }
}
