package org.masthead.text;

import java.util.List;

/**
 * Everything the text module finds out about one article, from one segmentation of its text: the
 * fingerprint for near-duplicates, the extractive summary, suggested keywords and the quality verdict.
 * Segmenting is the costly step (about half a million characters a second), so it is done once here
 * rather than once per result.
 */
public record TextAnalysis(Fingerprint fingerprint, String summary, List<String> keywords, Quality.Verdict quality) {

    /** Texts with fewer words than this are fingerprinted with their headline. */
    static final int SHORT_TEXT_WORDS = 40;

    public TextAnalysis {
        keywords = List.copyOf(keywords);
    }

    /**
     * @param title the headline; the fingerprint leaves it out (publishers retitle the same copy) unless the
     *     text has fewer than {@value #SHORT_TEXT_WORDS} words
     * @param plainText the body as plain text
     * @param linkCount links in the body, for {@link Quality}
     * @param summaryChars budget of the summary, at least 1
     * @param keywordCount how many keywords, at least 0
     */
    public static TextAnalysis of(String title, String plainText, int linkCount, int summaryChars, int keywordCount) {
        String text = plainText == null ? "" : plainText;
        List<Segmenter.Word> words = Segmenter.words(text);
        List<String> terms = words.stream().map(Segmenter.Word::term).toList();
        if (terms.size() < SHORT_TEXT_WORDS && title != null) {
            // A caption or a slogan ("精度知天下，新闻更悦己" under every photo page of a site) says nothing
            // about which story it is: with so few words the headline is part of the fingerprint.
            terms = java.util.stream.Stream.concat(Segmenter.terms(title).stream(), terms.stream()).toList();
        }
        Fingerprint fingerprint = Fingerprint.ofTerms(terms);
        String summary = Summary.of(text, summaryChars, Summary.POSITION, words);
        List<String> keywords = keywordCount < 1 ? List.of() : Keywords.of(title, text, words, keywordCount);
        return new TextAnalysis(fingerprint, summary, keywords, Quality.assess(title, text, linkCount));
    }
}
