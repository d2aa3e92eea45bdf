package org.masthead.text;

import java.lang.Character.UnicodeScript;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stretches of text an excerpt must not be cut inside: numbers ({@code 7.3}, {@code 1032.64}, {@code 2.93%},
 * {@code 08:30}, {@code 20.25亿}), words of scripts written with spaces ({@code ETF}, {@code HereWeGo},
 * {@code ECX344A}, {@code 90Hz}), URLs and e-mail addresses. Han, kana and the other scripts written without
 * spaces can be cut between any two characters, so they form no run.
 */
final class UnbreakableRuns {

    /** Scripts written without spaces between words: any character boundary is a fair place to cut. */
    private static final Set<UnicodeScript> CUTTABLE_ANYWHERE = EnumSet.of(
            UnicodeScript.HAN,
            UnicodeScript.HIRAGANA,
            UnicodeScript.KATAKANA,
            UnicodeScript.BOPOMOFO,
            UnicodeScript.YI,
            UnicodeScript.THAI,
            UnicodeScript.LAO,
            UnicodeScript.KHMER,
            UnicodeScript.MYANMAR,
            UnicodeScript.TIBETAN,
            UnicodeScript.COMMON,
            UnicodeScript.INHERITED,
            UnicodeScript.UNKNOWN);

    /** A URL in running text: it ends at whitespace or at the first character a bare URL cannot hold (Han, 。，…). */
    private static final Pattern URL = Pattern.compile(
            "(?:https?://|ftp://|www\\.)[A-Za-z0-9\\-._~:/?#\\[\\]@!$&'()*+,;=%]++", Pattern.CASE_INSENSITIVE);

    private UnbreakableRuns() {}

    /**
     * For each char index {@code i} of {@code text} (and {@code text.length()}), whether a cut just before it would
     * fall strictly inside a number, word, URL or e-mail address. Runs that overlap chain into one.
     */
    static boolean[] interiors(String text) {
        boolean[] interior = new boolean[text.length() + 1];
        markWordsAndNumbers(text, interior);
        markUrls(text, interior);
        markEmailAddresses(text, interior);
        return interior;
    }

    private static void markWordsAndNumbers(String text, boolean[] interior) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            int cp = text.codePointAt(i);
            if (!isWordChar(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            int last = cp;
            int j = i + Character.charCount(cp);
            while (j < n) {
                int c = text.codePointAt(j);
                int afterC = j + Character.charCount(c);
                if (isWordChar(c)) {
                    last = c;
                    j = afterC;
                } else if (isWithinWordMark(c)) {
                    j = afterC;
                } else if (afterC < n && joins(last, c, text.codePointAt(afterC))) {
                    last = text.codePointAt(afterC);
                    j = afterC + Character.charCount(last);
                } else {
                    break;
                }
            }
            if (Character.isDigit(last)) {
                j = afterNumberSuffix(text, j);
            }
            mark(interior, start, j);
            i = j;
        }
    }

    /** Letters of spaced scripts (Latin, Greek, Cyrillic, Hangul, Arabic…) and digits of any script. */
    private static boolean isWordChar(int cp) {
        return Character.isDigit(cp) || (Character.isLetter(cp) && !CUTTABLE_ANYWHERE.contains(UnicodeScript.of(cp)));
    }

    /** Combining marks, variation selectors and the (non-)joiners that belong to the letter before them. */
    private static boolean isWithinWordMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || cp == 0x200C
                || cp == 0x200D;
    }

    /** Whether {@code c}, between word characters {@code before} and {@code after}, keeps them one run. */
    private static boolean joins(int before, int c, int after) {
        if (!isWordChar(after)) {
            return false;
        }
        return switch (c) {
            case '.', '-', '_', '\'', '\u2019', '\u2010', '\u2011' -> true; // 7.3, 603317.SH, DM-i, 25-31, don't
            case ',', ':' -> Character.isDigit(before) && Character.isDigit(after); // 1,032.64 and 08:30
            default -> false;
        };
    }

    /** A number keeps its percent sign and its Chinese magnitude: 2.93%, 20.25亿, 3700万, 1.2万亿. */
    private static int afterNumberSuffix(String text, int j) {
        if (j < text.length() && "%‰％".indexOf(text.charAt(j)) >= 0) {
            return j + 1;
        }
        while (j < text.length() && "万亿".indexOf(text.charAt(j)) >= 0) {
            j++;
        }
        return j;
    }

    private static void markUrls(String text, boolean[] interior) {
        Matcher url = URL.matcher(text);
        while (url.find()) {
            mark(interior, url.start(), url.end());
        }
    }

    /** Around each {@code @}: a local part before it, a dotted domain after it (linear, no regex backtracking). */
    private static void markEmailAddresses(String text, boolean[] interior) {
        for (int at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
            int start = at;
            while (start > 0 && isLocalPartChar(text.charAt(start - 1))) {
                start--;
            }
            int end = at + 1;
            while (end < text.length() && isDomainChar(text.charAt(end))) {
                end++;
            }
            while (end > at + 1 && !isAsciiLetterOrDigit(text.charAt(end - 1))) {
                end--; // a full stop after the address ends the sentence, not the domain
            }
            int lastDot = text.lastIndexOf('.', end - 1);
            boolean dottedDomain = lastDot > at + 1 && lastDot < end - 1;
            if (start < at && dottedDomain) {
                mark(interior, start, end);
            }
        }
    }

    private static boolean isLocalPartChar(char c) {
        return isAsciiLetterOrDigit(c) || "._%+-".indexOf(c) >= 0;
    }

    private static boolean isDomainChar(char c) {
        return isAsciiLetterOrDigit(c) || c == '-' || c == '.';
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static void mark(boolean[] interior, int start, int end) {
        for (int k = start + 1; k < end; k++) {
            interior[k] = true;
        }
    }
}
