package org.masthead.text;

import com.ibm.icu.text.FilteredNormalizer2;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;
import com.ibm.icu.text.UnicodeSet;
import java.io.IOException;
import java.io.Reader;
import java.nio.CharBuffer;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.charfilter.BaseCharFilter;

/**
 * Folds the two kinds of variant spelling that Chinese news text mixes, before the segmenter sees it:
 *
 * <ol>
 *   <li>NFKC (ICU {@link Normalizer2}): full-width letters, digits and punctuation to ASCII
 *       (ＥＴＦ（１９９７）→ ETF(1997)), half-width katakana, circled numbers and other compatibility
 *       forms to their usual ones; all but the full-width comma (see {@link #NFKC});
 *   <li>Traditional to Simplified script, with ICU's {@code Traditional-Simplified} transliterator
 *       (Unicode CLDR data: character mappings plus about a thousand phrase rules such as 著名 and
 *       餘額 that a character table gets wrong), so that 臺灣 and 台灣 reach the segmenter, whose
 *       dictionary is Simplified, as 台湾.
 * </ol>
 *
 * <p>It reads the whole field value first (an article or a query), since the phrase rules need
 * context, and then normalizes that string itself rather than behind Lucene's {@code
 * ICUNormalizer2CharFilter}, keeping one offset map for both steps. Offsets are corrected wherever
 * the text changes length (㈱ → (株), a BMP Traditional character whose Simplified form is outside
 * the BMP), so highlights land on the original characters; a token made inside one expanded
 * character starts and ends at that character's start.
 */
public final class ChineseFoldingCharFilter extends BaseCharFilter {

    /**
     * NFKC for every character but the full-width comma ，, the commonest punctuation mark of Chinese
     * text: it is dropped as punctuation either way, and smartcn segments text with ASCII commas at
     * half the speed (bench/README.md, "segmentation").
     */
    static final Normalizer2 NFKC = new FilteredNormalizer2(Normalizer2.getNFKCInstance(), new UnicodeSet("[^，]").freeze());

    /** Stateless and safe to share (ICU serializes calls on its rule data). */
    private static final Transliterator TO_SIMPLIFIED = Transliterator.getInstance("Traditional-Simplified");

    /** A rule as ICU 77 writes this transliterator's: {@code 于飛 > 于飞;}, no context, no escapes. */
    private static final Pattern PLAIN_RULE = Pattern.compile("([^\\s'\\\\{}|\\[\\]$:;>]+) > ([^\\s'\\\\{}|\\[\\]$:;>]*);");

    /**
     * The characters some rule changes: those it rewrites alone, and those a phrase rule rewrites
     * (祇 in 祇要 → 只要). A run of Han characters without one comes out of the transliterator as it
     * went in, so it is not sent there.
     */
    private static final UnicodeSet CHANGED = changedCharacters();

    private String folded;
    private int position;

    public ChineseFoldingCharFilter(Reader in) {
        super(in);
    }

    /**
     * {@code text} in Simplified script, code point for code point. Every rule reads Han characters
     * only (a test checks ICU's rules for that), so the text is transliterated run of Han characters
     * by run, and only the runs holding a character some rule changes: the same result as the whole
     * text at once, and on news, which is mostly Simplified already, several times faster.
     */
    static String simplified(String text) {
        StringBuilder out = null;
        int n = text.length();
        int i = 0;
        while (i < n) {
            int start = i;
            boolean changes = false;
            while (i < n) {
                int cp = text.codePointAt(i);
                if (!isHan(cp)) {
                    break;
                }
                changes |= CHANGED.contains(cp);
                i += Character.charCount(cp);
            }
            if (changes) {
                String run = text.substring(start, i);
                String simplified = foldRun(run);
                if (!simplified.equals(run)) {
                    if (out == null) {
                        out = new StringBuilder(n).append(text, 0, start);
                    }
                    out.append(simplified);
                    start = i;
                }
            }
            while (i < n) {
                int cp = text.codePointAt(i);
                if (isHan(cp)) {
                    break;
                }
                i += Character.charCount(cp);
            }
            if (out != null) {
                out.append(text, start, i);
            }
        }
        return out == null ? text : out.toString();
    }

    private static String foldRun(String run) {
        String whole = TO_SIMPLIFIED.transliterate(run);
        if (whole.codePointCount(0, whole.length()) == run.codePointCount(0, run.length())) {
            return whole;
        }
        // Not seen with ICU 77's rules; if a future rule maps one code point to several, fall back to
        // characters one by one so that offsets stay right.
        StringBuilder perCharacter = new StringBuilder(run.length());
        run.codePoints().forEach(cp -> {
            String one = new String(Character.toChars(cp));
            String mapped = TO_SIMPLIFIED.transliterate(one);
            perCharacter.append(mapped.codePointCount(0, mapped.length()) == 1 ? mapped : one);
        });
        return perCharacter.toString();
    }

    private static UnicodeSet changedCharacters() {
        UnicodeSet changed = new UnicodeSet();
        for (String cp : TO_SIMPLIFIED.getSourceSet()) {
            if (!TO_SIMPLIFIED.transliterate(cp).equals(cp)) {
                changed.add(cp);
            }
        }
        for (String line : TO_SIMPLIFIED.toRules(false).split("\n")) {
            Matcher rule = PLAIN_RULE.matcher(line.strip());
            if (!rule.matches()) {
                return TO_SIMPLIFIED.getSourceSet().freeze(); // a rule of a kind not expected: send every run it reads
            }
            int[] from = rule.group(1).codePoints().toArray();
            int[] to = rule.group(2).codePoints().toArray();
            if (from.length != to.length) {
                return TO_SIMPLIFIED.getSourceSet().freeze();
            }
            for (int i = 0; i < from.length; i++) {
                if (from[i] != to[i]) {
                    changed.add(from[i]);
                }
            }
        }
        return changed.freeze();
    }

    /** Whether some rule changes {@code cp}, alone or in a phrase. */
    static boolean changes(int cp) {
        return CHANGED.contains(cp);
    }

    private static boolean isHan(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (folded == null) {
            load();
        }
        if (position >= folded.length()) {
            return -1;
        }
        int n = Math.min(length, folded.length() - position);
        folded.getChars(position, position + n, buffer, offset);
        position += n;
        return n;
    }

    private void load() throws IOException {
        StringBuilder original = new StringBuilder();
        char[] chunk = new char[4096];
        for (int n; (n = input.read(chunk)) != -1; ) {
            original.append(chunk, 0, n);
        }
        Folded result = fold(original.toString());
        folded = result.text();
        if (result.origin() != null) {
            int diff = 0;
            for (int at = 0; at < result.origin().length; at++) {
                if (result.origin()[at] - at != diff) {
                    diff = result.origin()[at] - at;
                    addOffCorrectMap(at, diff);
                }
            }
        }
    }

    /**
     * A folded text, and for each of its offsets (its length included) the offset in the original
     * text it comes from; {@code origin} is null where the two have the same length, offset for offset.
     */
    record Folded(String text, int[] origin) {
        int originOf(int offset) {
            return origin == null ? offset : origin[offset];
        }
    }

    /** {@code text} in NFKC, then in Simplified script. */
    static Folded fold(String text) {
        Folded nfkc = nfkc(text);
        String simplified = simplified(nfkc.text());
        if (simplified.length() == nfkc.text().length()) {
            return new Folded(simplified, nfkc.origin());
        }
        // Code point for code point, but some changed plane: map each output char to its code point's origin.
        int[] origin = new int[simplified.length() + 1];
        int in = 0;
        int out = 0;
        while (out < simplified.length()) {
            int width = Character.charCount(simplified.codePointAt(out));
            for (int k = 0; k < width; k++) {
                origin[out + k] = nfkc.originOf(in);
            }
            out += width;
            in += Character.charCount(nfkc.text().codePointAt(in));
        }
        origin[out] = nfkc.originOf(in);
        return new Folded(simplified, origin);
    }

    /**
     * {@code text} in NFKC. ICU finds the spans already normalized; the rest is normalized from one
     * normalization boundary to the next, each piece on its own, which is what NFKC of the whole text
     * is made of.
     */
    static Folded nfkc(String text) {
        int n = text.length();
        int normalized = NFKC.spanQuickCheckYes(text);
        if (normalized == n) {
            return new Folded(text, null);
        }
        StringBuilder out = new StringBuilder(n + 16).append(text, 0, normalized);
        int[] origin = new int[n + 17];
        for (int k = 0; k < normalized; k++) {
            origin[k] = k;
        }
        int i = normalized;
        while (i < n) {
            // [i, end): from a boundary (where the quick check stopped) to the next one.
            int end = i + Character.charCount(text.codePointAt(i));
            while (end < n && !NFKC.hasBoundaryBefore(text.codePointAt(end))) {
                end += Character.charCount(text.codePointAt(end));
            }
            String piece = NFKC.normalize(text.subSequence(i, end));
            origin = room(origin, out.length() + piece.length() + 1);
            boolean sameLength = piece.length() == end - i;
            for (int k = 0; k < piece.length(); k++) {
                origin[out.length() + k] = sameLength ? i + k : i;
            }
            out.append(piece);
            i = end;
            // Then the next span that is already normalized.
            int yes = i + NFKC.spanQuickCheckYes(CharBuffer.wrap(text, i, n));
            origin = room(origin, out.length() + (yes - i) + 1);
            for (int k = i; k < yes; k++) {
                origin[out.length() + k - i] = k;
            }
            out.append(text, i, yes);
            i = yes;
        }
        if (out.length() == n && out.toString().contentEquals(text)) {
            return new Folded(text, null);
        }
        origin[out.length()] = n;
        return new Folded(out.toString(), out.length() == n ? sameOffsets(origin, n) : Arrays.copyOf(origin, out.length() + 1));
    }

    /** Null when every offset maps to itself (full-width to ASCII keeps the length), else {@code origin}. */
    private static int[] sameOffsets(int[] origin, int n) {
        for (int k = 0; k <= n; k++) {
            if (origin[k] != k) {
                return Arrays.copyOf(origin, n + 1);
            }
        }
        return null;
    }

    private static int[] room(int[] origin, int size) {
        return size <= origin.length ? origin : Arrays.copyOf(origin, Math.max(size, origin.length * 2));
    }
}
