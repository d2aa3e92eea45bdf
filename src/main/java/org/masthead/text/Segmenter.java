package org.masthead.text;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Chinese word segmentation: Lucene's smartcn (a hidden Markov model over the ICTCLAS dictionary)
 * behind {@link ChineseFoldingCharFilter} (NFKC, Traditional to Simplified), the chain chosen for
 * search by measurement (bench/README.md, "segmentation"). Search builds its analyzers on
 * {@link #tokenizer()}, so summaries, keywords and fingerprints see the words search sees.
 *
 * <p>Words come with offsets into the original text, so a caller can cut the text only between words.
 * Thread-safe.
 */
public final class Segmenter {

    /** A word: its folded, lower-cased form and where it stands in the original text. */
    public record Word(String term, int start, int end) {}

    private static final Analyzer WORDS = new Analyzer() {
        @Override
        protected Reader initReader(String fieldName, Reader reader) {
            return new ChineseFoldingCharFilter(reader);
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = tokenizer();
            return new TokenStreamComponents(source, new LowerCaseFilter(source));
        }
    };

    private Segmenter() {}

    /** A new smartcn tokenizer; put {@link ChineseFoldingCharFilter} in front of its reader. */
    public static Tokenizer tokenizer() {
        return new HMMChineseTokenizer();
    }

    /**
     * The words of {@code text} in order, punctuation and white space left out; a word is a run of
     * letters or digits as smartcn cut it (中国, 7.3, etf). {@code null} gives no words.
     */
    public static List<Word> words(String text) {
        List<Word> words = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return words;
        }
        try (TokenStream tokens = WORDS.tokenStream("", new StringReader(text))) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                if (hasLetterOrDigit(term)) {
                    words.add(new Word(term.toString(), offset.startOffset(), offset.endOffset()));
                }
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string cannot fail", e);
        }
        return words;
    }

    /** Just the terms of {@link #words(String)}. */
    public static List<String> terms(String text) {
        return words(text).stream().map(Word::term).toList();
    }

    private static boolean hasLetterOrDigit(CharSequence term) {
        for (int i = 0; i < term.length(); i++) {
            if (Character.isLetterOrDigit(term.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
