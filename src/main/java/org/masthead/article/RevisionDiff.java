package org.masthead.article;

import java.util.List;

/**
 * What changed from revision {@code from} to revision {@code to}: one entry per changed field, each a
 * run of kept, deleted and inserted text. Text is compared word by word for Latin letters and digits
 * and character by character for Chinese, so a changed character shows as itself, not as a changed
 * sentence; the body is compared as its readable text, one line per paragraph.
 */
public record RevisionDiff(long articleId, int from, int to, List<FieldChange> changes) {

    /** A changed field ({@code title}, {@code body}, {@code tags} …) with its text before and after. */
    public record FieldChange(String field, String before, String after, List<Segment> segments) {}

    /** A run of text kept, deleted (only in {@code from}) or inserted (only in {@code to}). */
    public record Segment(Kind kind, String text) {

        public enum Kind {
            EQUAL,
            DELETE,
            INSERT
        }
    }

    /**
     * The changes as text in the style of {@code git diff --word-diff}: {@code [-deleted-]} and
     * {@code {+inserted+}}, one field per paragraph headed by its name.
     */
    public String asText() {
        StringBuilder out = new StringBuilder();
        for (FieldChange change : changes) {
            out.append(change.field()).append(":\n");
            for (Segment s : change.segments()) {
                switch (s.kind()) {
                    case EQUAL -> out.append(s.text());
                    case DELETE -> out.append("[-").append(s.text()).append("-]");
                    case INSERT -> out.append("{+").append(s.text()).append("+}");
                }
            }
            out.append("\n\n");
        }
        return out.toString();
    }
}
