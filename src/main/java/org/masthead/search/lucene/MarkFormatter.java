package org.masthead.search.lucene;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Writes highlighted passages as HTML: matched words in {@code <mark>}, neighbouring matches joined
 * into one mark, every other character escaped ({@code & < > " '}), line breaks as spaces, "…" where
 * text was left out. A passage longer than {@code maxChars} is cut to a window around its first match.
 */
final class MarkFormatter extends PassageFormatter {

    static final String ELLIPSIS = "…";

    private final int maxChars;

    MarkFormatter(int maxChars) {
        this.maxChars = maxChars;
    }

    @Override
    public String format(Passage[] passages, String content) {
        StringBuilder html = new StringBuilder();
        int lastEnd = 0;
        for (Passage passage : passages) {
            int start = passage.getStartOffset();
            int end = passage.getEndOffset();
            if (end - start > maxChars) {
                int firstMatch = passage.getNumMatches() > 0 ? passage.getMatchStarts()[0] : start;
                start = Math.max(start, Math.min(firstMatch - maxChars / 4, end - maxChars));
                end = Math.min(end, start + maxChars);
                start = boundary(content, start);
                end = boundary(content, end);
            }
            if (start > 0 && (html.isEmpty() || start > lastEnd)) {
                html.append(ELLIPSIS);
            }
            int cursor = start;
            int[] matchStarts = passage.getMatchStarts();
            int[] matchEnds = passage.getMatchEnds();
            for (int i = 0; i < passage.getNumMatches(); i++) {
                int markStart = Math.max(cursor, matchStarts[i]);
                int markEnd = matchEnds[i];
                while (i + 1 < passage.getNumMatches() && matchStarts[i + 1] <= markEnd) {
                    markEnd = Math.max(markEnd, matchEnds[++i]);
                }
                markEnd = Math.min(markEnd, end);
                if (markStart >= markEnd) {
                    continue;
                }
                escape(html, content, cursor, markStart);
                html.append("<mark>");
                escape(html, content, markStart, markEnd);
                html.append("</mark>");
                cursor = markEnd;
            }
            escape(html, content, cursor, end);
            lastEnd = end;
        }
        if (lastEnd < content.length() && !html.isEmpty()) {
            html.append(ELLIPSIS);
        }
        return html.toString();
    }

    /** Moves an offset off the second half of a surrogate pair. */
    private static int boundary(String content, int offset) {
        if (offset > 0 && offset < content.length() && Character.isLowSurrogate(content.charAt(offset))
                && Character.isHighSurrogate(content.charAt(offset - 1))) {
            return offset - 1;
        }
        return offset;
    }

    static void escape(StringBuilder out, String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '\n', '\r', '\t' -> out.append(' ');
                default -> out.append(c);
            }
        }
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        escape(out, text, 0, text.length());
        return out.toString();
    }
}
