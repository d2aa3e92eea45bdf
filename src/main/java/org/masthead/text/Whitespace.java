package org.masthead.text;

/**
 * Whitespace as Unicode defines it (the White_Space property): ASCII spaces and controls, NEL, no-break
 * space, the ideographic space U+3000 that Chinese pages indent paragraphs with, line and paragraph
 * separators. {@link Character#isWhitespace(int)} misses the no-break ones, which HTML's {@code &nbsp;}
 * produces everywhere.
 */
final class Whitespace {

    private Whitespace() {}

    /** Whether the code point has the Unicode White_Space property (same set as regex {@code \p{IsWhite_Space}}). */
    static boolean is(int codePoint) {
        return Character.isSpaceChar(codePoint) || (codePoint >= 0x09 && codePoint <= 0x0D) || codePoint == 0x85;
    }

    /** The text with every run of whitespace replaced by one ASCII space, and none at either end. */
    static String fold(CharSequence text) {
        StringBuilder folded = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); ) {
            int cp = Character.codePointAt(text, i);
            i += Character.charCount(cp);
            if (is(cp)) {
                pendingSpace = true;
            } else {
                if (pendingSpace && !folded.isEmpty()) {
                    folded.append(' ');
                }
                pendingSpace = false;
                folded.appendCodePoint(cp);
            }
        }
        return folded.toString();
    }
}
