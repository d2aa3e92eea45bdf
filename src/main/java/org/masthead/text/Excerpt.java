package org.masthead.text;

import java.text.BreakIterator;
import java.util.Arrays;
import java.util.Locale;

/**
 * The short excerpt shown under a headline in article lists. It selects, it never rewrites: the excerpt without
 * its ellipsis is exactly a prefix of the text with whitespace folded, and the cut never falls inside a number,
 * a Latin word, a URL, an e-mail address or a grapheme cluster (emoji, a letter and its accents).
 */
public final class Excerpt {

    /** Appended when the text was cut; it counts against the limit. */
    static final String ELLIPSIS = "…";

    /**
     * How many code points after the limit are looked at to tell whether a number, word or URL goes on past the
     * cut; the rest of a long article is never scanned.
     */
    private static final int LOOKAHEAD = 256;

    private Excerpt() {}

    /**
     * At most maxChars characters (code points, counting the ellipsis "…"), cut only at a safe boundary.
     *
     * <p>Runs of whitespace, newlines included, become one space and the ends are trimmed; that is the only change
     * made to the text. A text that then fits is returned whole, without ellipsis. Otherwise the longest prefix that
     * fits with "…" and ends at a safe boundary is kept, without trailing whitespace or opening punctuation
     * ({@code “ 《 （ ( 【 「}). Only when the text opens with a run longer than the whole limit (a long URL) is it
     * cut inside that run, still at a grapheme boundary.
     *
     * @param plainText text without markup, may contain newlines; {@code null} gives {@code ""}
     * @param maxChars the most code points the excerpt may have, ellipsis included; at least 2
     * @throws IllegalArgumentException if maxChars is less than 2
     */
    public static String of(String plainText, int maxChars) {
        if (maxChars < 2) {
            throw new IllegalArgumentException(
                    "maxChars must be at least 2 (one character and the ellipsis), but was " + maxChars);
        }
        if (plainText == null) {
            return "";
        }
        String folded = Whitespace.fold(plainText);
        int length = folded.codePointCount(0, folded.length());
        if (length <= maxChars) {
            return folded;
        }
        String window = folded.substring(0, folded.offsetByCodePoints(0, Math.min(length, maxChars + LOOKAHEAD)));
        int limit = window.offsetByCodePoints(0, maxChars - ELLIPSIS.length());
        int[] boundaries = graphemeBoundariesUpTo(window, limit);
        boolean[] interior = UnbreakableRuns.interiors(window);

        int safe = boundaries.length - 1;
        while (safe > 0 && interior[boundaries[safe]]) {
            safe--;
        }
        int kept = withoutTrailingOpeners(window, boundaries, interior, safe);
        if (kept == 0) { // the text opens with a run longer than the limit: cut it at the last grapheme that fits
            int last = boundaries.length - 1;
            kept = withoutTrailingOpeners(window, boundaries, interior, last);
            if (kept == 0) {
                kept = last;
            }
        }
        return window.substring(0, boundaries[kept]) + ELLIPSIS;
    }

    /** Grapheme cluster boundaries from 0 up to and including the last one at or before {@code limit}. */
    private static int[] graphemeBoundariesUpTo(String text, int limit) {
        BreakIterator graphemes = BreakIterator.getCharacterInstance(Locale.ROOT);
        graphemes.setText(text);
        int[] boundaries = new int[16];
        int count = 0;
        for (int b = graphemes.first(); b != BreakIterator.DONE && b <= limit; b = graphemes.next()) {
            if (count == boundaries.length) {
                boundaries = Arrays.copyOf(boundaries, count * 2);
            }
            boundaries[count++] = b;
        }
        return Arrays.copyOf(boundaries, count);
    }

    /**
     * Steps the cut {@code boundaries[index]} back over trailing whitespace and opening punctuation (each its own
     * grapheme, and not part of a URL), so that no "（…" or "“…" is left dangling; returns the new index.
     */
    private static int withoutTrailingOpeners(String text, int[] boundaries, boolean[] interior, int index) {
        while (index > 0) {
            int start = boundaries[index - 1];
            int cp = text.codePointAt(start);
            boolean alone = start + Character.charCount(cp) == boundaries[index];
            if (!alone || interior[start] || !isDroppableAtEnd(cp)) {
                break;
            }
            index--;
        }
        return index;
    }

    private static boolean isDroppableAtEnd(int cp) {
        int type = Character.getType(cp);
        return Whitespace.is(cp)
                || type == Character.START_PUNCTUATION // ( （ 【 「 《 [
                || type == Character.INITIAL_QUOTE_PUNCTUATION; // “ ‘ «
    }
}
