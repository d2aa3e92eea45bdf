package org.masthead.text;

import java.util.Set;
import java.util.StringJoiner;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;

/** The readable text of article HTML, one line per paragraph, for excerpts, summaries and indexing. */
public final class PlainText {

    /** Elements that start and end a line of text; everything else (span, b, a, em…) flows inside the line. */
    private static final Set<String> BLOCKS = Set.of(
            "address", "article", "aside", "blockquote", "br", "caption", "center", "dd", "details", "dialog", "div",
            "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
            "header", "hgroup", "hr", "legend", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table",
            "tbody", "td", "tfoot", "th", "thead", "tr", "ul");

    /** Elements whose content is not read: code, styling, fallbacks and form controls. */
    private static final Set<String> UNREAD = Set.of(
            "head", "title", "script", "style", "template", "noscript", "textarea", "select", "iframe", "object",
            "svg", "math");

    private PlainText() {}

    /**
     * The readable text of an HTML fragment: paragraphs/blocks (p, div, br, li, h1-h6, figcaption, td,
     * blockquote...) separated by a single "\n", runs of other whitespace folded to one space, trimmed; entities
     * decoded. Uses jsoup.
     *
     * <p>Whitespace is Unicode's: {@code &nbsp;} and the ideographic space U+3000 used to indent Chinese
     * paragraphs fold like any other. Empty blocks leave no blank line; line breaks inside {@code <pre>} are kept.
     *
     * @param html an HTML fragment (a whole document works too); {@code null} gives {@code ""}
     */
    public static String fromHtml(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Element body = Jsoup.parseBodyFragment(html).body();
        StringBuilder marked = new StringBuilder(html.length());
        body.filter(new LineMarker(marked));
        StringJoiner lines = new StringJoiner("\n");
        for (String line : marked.toString().split("\n")) {
            String folded = Whitespace.fold(line);
            if (!folded.isEmpty()) {
                lines.add(folded);
            }
        }
        return lines.toString();
    }

    /** Writes text nodes as they are, with '\n' only where a block starts or ends (and inside pre). */
    private record LineMarker(StringBuilder out) implements NodeFilter {

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode text) {
                out.append(insidePre(text) ? text.getWholeText() : text.getWholeText().replace('\n', ' '));
            } else if (node instanceof Element element) {
                if (UNREAD.contains(element.normalName())) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (BLOCKS.contains(element.normalName())) {
                    out.append('\n');
                }
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                out.append('\n');
            }
            return FilterResult.CONTINUE;
        }

        private static boolean insidePre(TextNode text) {
            for (Node parent = text.parent(); parent instanceof Element element; parent = parent.parent()) {
                if (element.normalName().equals("pre")) {
                    return true;
                }
            }
            return false;
        }
    }
}
