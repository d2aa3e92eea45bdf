package org.masthead.search.lucene;

import java.io.IOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * One token per letter or digit, lower-cased, full-width Latin folded to ASCII; everything else is
 * skipped without a position gap. A typed fragment becomes a phrase of its characters, which matches
 * exactly the titles containing it, however the word segmenter would have cut the partial input.
 */
final class CharacterAnalyzer extends Analyzer {

    /** Titles are at most 200 characters and typed input is capped before analysis; this is a guard. */
    static final int MAX_INPUT = 4096;

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        return new TokenStreamComponents(new CharacterTokenizer());
    }

    static int fold(int codePoint) {
        int c = codePoint >= 0xFF01 && codePoint <= 0xFF5E ? codePoint - 0xFEE0 : codePoint;
        return Character.toLowerCase(c);
    }

    private static final class CharacterTokenizer extends Tokenizer {

        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private final StringBuilder text = new StringBuilder();
        private int position;

        @Override
        public void reset() throws IOException {
            super.reset();
            text.setLength(0);
            char[] buffer = new char[1024];
            int read;
            while ((read = input.read(buffer)) > 0 && text.length() < MAX_INPUT) {
                text.append(buffer, 0, read);
            }
            if (text.length() > MAX_INPUT) {
                text.setLength(MAX_INPUT);
            }
            position = 0;
        }

        @Override
        public boolean incrementToken() {
            clearAttributes();
            while (position < text.length()) {
                int start = position;
                int codePoint = Character.codePointAt(text, position);
                position += Character.charCount(codePoint);
                if (Character.isLetterOrDigit(codePoint)) {
                    term.setEmpty().append(new String(Character.toChars(fold(codePoint))));
                    offset.setOffset(correctOffset(start), correctOffset(position));
                    return true;
                }
            }
            return false;
        }

        @Override
        public void end() throws IOException {
            super.end();
            int last = correctOffset(text.length());
            offset.setOffset(last, last);
        }
    }
}
