package org.masthead.search.analysis;

import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.masthead.text.ChineseFoldingCharFilter;
import org.masthead.text.Segmenter;

/**
 * The analyzers for Chinese news text. Every one first folds the text, in this order:
 *
 * <ol>
 *   <li>NFKC (ICU): full-width letters and digits to ASCII (ＥＴＦ２０１８ → ETF2018), half-width and
 *       compatibility forms to their usual ones (all but the full-width comma, for speed);
 *   <li>Traditional to Simplified script (ICU {@code Traditional-Simplified}): 臺灣, 台灣 → 台湾.
 * </ol>
 *
 * <p>Offsets point into the original text, so highlights mark the characters the reader sees.
 *
 * <p>Then Lucene's smartcn segments (the hidden Markov model over the ICTCLAS dictionary), English is
 * lower-cased and Porter-stemmed, and punctuation is dropped: {@link SmartChineseAnalyzer}'s chain
 * behind the folding. Chosen over IK 9.0.0 and HanLP portable-1.8.6 by measurement on the SIGHAN 2005
 * PKU gold and on Sina news (bench/README.md, "segmentation").
 *
 * <p>Indexing and querying use the same chain, so the tokens of a query are the tokens the same words
 * got when indexed; the two factories are separate so that a later segmenter with a finer index mode
 * can change one side. Each call returns a new {@link Analyzer}: keep it for the life of the index and
 * close it with the index. Analyzers are thread-safe.
 */
public final class ChineseAnalysis {

    private ChineseAnalysis() {}

    /** For article fields written to the index. */
    public static Analyzer forIndexing() {
        return new SmartChinese();
    }

    /** For the words a reader types in the search box. The same tokens as {@link #forIndexing()}. */
    public static Analyzer forQuery() {
        return new SmartChinese();
    }

    /**
     * Overlapping CJK bigrams (证券交易 → 证券 券交 交易), for a backup field that finds what the
     * segmenter cut differently, such as a name it split (宝山 → 宝 山) or a word it fused. Non-CJK
     * words stay whole and lower-cased. Same folding as the other analyzers.
     */
    public static Analyzer cjkBigrams() {
        return new Analyzer() {
            @Override
            protected Reader initReader(String fieldName, Reader reader) {
                return fold(reader);
            }

            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream result = new LowerCaseFilter(source);
                result = new CJKBigramFilter(result);
                return new TokenStreamComponents(source, result);
            }
        };
    }

    /** The folding in front of every analyzer here (the text module's): NFKC, then Traditional to Simplified. */
    static Reader fold(Reader reader) {
        return new ChineseFoldingCharFilter(reader);
    }

    private static final class SmartChinese extends Analyzer {
        @Override
        protected Reader initReader(String fieldName, Reader reader) {
            return fold(reader);
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            // The same segmenter as the text module's (summaries, keywords, fingerprints), so a word
            // there is a word here.
            Tokenizer source = Segmenter.tokenizer();
            TokenStream result = new PorterStemFilter(source);
            result = new StopFilter(result, SmartChineseAnalyzer.getDefaultStopSet());
            return new TokenStreamComponents(source, result);
        }

        @Override
        protected Reader initReaderForNormalization(String fieldName, Reader reader) {
            return fold(reader);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new LowerCaseFilter(in);
        }
    }
}
