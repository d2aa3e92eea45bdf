package org.masthead.article;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;
import org.masthead.article.RevisionDiff.Segment;

/**
 * Compares two texts with java-diff-utils (Myers) over tokens that suit Chinese: each Han character,
 * kana or punctuation mark is a token of its own (Chinese has no spaces to split words at), while a run
 * of Latin letters and digits is one token, so "2023" changing to "2024" reads as a changed number.
 */
final class TextDiff {

    private TextDiff() {}

    static List<Segment> segments(String before, String after) {
        List<String> a = tokens(before);
        List<String> b = tokens(after);
        Patch<String> patch = DiffUtils.diff(a, b);
        List<Segment> out = new ArrayList<>();
        int position = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            int start = delta.getSource().getPosition();
            add(out, Segment.Kind.EQUAL, a.subList(position, start));
            add(out, Segment.Kind.DELETE, delta.getSource().getLines());
            add(out, Segment.Kind.INSERT, delta.getTarget().getLines());
            position = start + delta.getSource().size();
        }
        add(out, Segment.Kind.EQUAL, a.subList(position, a.size()));
        return readable(out);
    }

    /** Kept text of at most this many characters between two changes is shown as changed too. */
    static final int SHORT_EQUAL = 2;

    /**
     * The shortest diff is not the most readable: "周末" → "下周" comes out as {+下+}周[-末-]. Like
     * diff-match-patch's semantic cleanup, a short kept run between two changes joins them, giving
     * [-周末-]{+下周+}: each block of changes becomes one deletion followed by one insertion.
     */
    static List<Segment> readable(List<Segment> segments) {
        List<Segment> out = new ArrayList<>();
        int i = 0;
        while (i < segments.size()) {
            if (segments.get(i).kind() == Segment.Kind.EQUAL) {
                out.add(segments.get(i++));
                continue;
            }
            StringBuilder deleted = new StringBuilder();
            StringBuilder inserted = new StringBuilder();
            while (i < segments.size()) {
                Segment s = segments.get(i);
                boolean between = s.kind() == Segment.Kind.EQUAL && i + 1 < segments.size()
                        && s.text().codePointCount(0, s.text().length()) <= SHORT_EQUAL;
                if (s.kind() == Segment.Kind.DELETE) {
                    deleted.append(s.text());
                } else if (s.kind() == Segment.Kind.INSERT) {
                    inserted.append(s.text());
                } else if (between) {
                    deleted.append(s.text());
                    inserted.append(s.text());
                } else {
                    break;
                }
                i++;
            }
            if (!deleted.isEmpty()) {
                out.add(new Segment(Segment.Kind.DELETE, deleted.toString()));
            }
            if (!inserted.isEmpty()) {
                out.add(new Segment(Segment.Kind.INSERT, inserted.toString()));
            }
        }
        return out;
    }

    /** Appends the tokens as one segment, joined to the previous one when it is of the same kind. */
    private static void add(List<Segment> out, Segment.Kind kind, List<String> tokens) {
        if (tokens.isEmpty()) {
            return;
        }
        String text = String.join("", tokens);
        if (!out.isEmpty() && out.getLast().kind() == kind) {
            out.set(out.size() - 1, new Segment(kind, out.getLast().text() + text));
        } else {
            out.add(new Segment(kind, text));
        }
    }

    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int end = i + Character.charCount(cp);
            if (isWordChar(cp)) {
                while (end < text.length() && isWordChar(text.codePointAt(end))) {
                    end += Character.charCount(text.codePointAt(end));
                }
            } else if (cp == ' ' || cp == '\t') {
                while (end < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '\t')) {
                    end++;
                }
            }
            tokens.add(text.substring(i, end));
            i = end;
        }
        return tokens;
    }

    /** Latin letters and digits (ASCII and full-width) join into words; Han characters never do. */
    private static boolean isWordChar(int cp) {
        return cp < 0x3000 ? Character.isLetterOrDigit(cp) : (cp >= 0xFF10 && cp <= 0xFF19) || (cp >= 0xFF21 && cp <= 0xFF3A) || (cp >= 0xFF41 && cp <= 0xFF5A);
    }
}
