package org.masthead.search.analysis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Scores a word segmentation against a gold one, as the SIGHAN bakeoff's {@code scripts/score} does:
 * precision, recall, F, and recall split into words out of the training vocabulary (OOV) and in it
 * (IV).
 *
 * <p>A word counts as found when a word with the very same span (start and end offset in the
 * sentence) is in the other segmentation. The Perl script aligns the two word lists with {@code diff
 * -y} instead; on a sentence both read the same text, so a matching span and a matching aligned
 * word are the same thing in all but pathological cases (bench/README.md compares the two on the PKU
 * test). A gold word is OOV when the training word list does not hold it.
 *
 * <p>Counts add up over sentences with {@link #plus}; the rates are computed from the totals, as the
 * Perl script does.
 *
 * @param goldWords words in the gold segmentation
 * @param testWords words in the segmentation under test
 * @param correctWords words of the test segmentation whose span is a gold word's span
 * @param oovWords gold words not in the training vocabulary
 * @param oovFound of those, the ones the test segmentation found
 */
public record SegmentationScore(long goldWords, long testWords, long correctWords, long oovWords, long oovFound) {

    /** A word's place in a sentence: chars {@code [start, end)}. */
    public record Span(int start, int end) {
        public Span {
            if (start < 0 || end <= start) {
                throw new IllegalArgumentException("empty or negative span [" + start + ", " + end + ")");
            }
        }

        /** The words of {@code words}, written one after the other, as spans of their concatenation. */
        public static List<Span> of(List<String> words) {
            List<Span> spans = new ArrayList<>(words.size());
            int at = 0;
            for (String word : words) {
                spans.add(new Span(at, at + word.length()));
                at += word.length();
            }
            return spans;
        }

        public String in(CharSequence sentence) {
            return sentence.subSequence(start, end).toString();
        }
    }

    public static final SegmentationScore NONE = new SegmentationScore(0, 0, 0, 0, 0);

    /**
     * Scores one sentence given as words, like a line of the gold file and a line of the segmenter's
     * output: both must spell the same sentence.
     */
    public static SegmentationScore ofWords(List<String> gold, List<String> test, Set<String> vocabulary) {
        String goldText = String.join("", gold);
        String testText = String.join("", test);
        if (!goldText.equals(testText)) {
            throw new IllegalArgumentException("gold and test spell different sentences: " + goldText + " / " + testText);
        }
        return ofSpans(goldText, Span.of(gold), Span.of(test), vocabulary::contains);
    }

    /**
     * Scores one sentence given as spans of {@code sentence}. Spans need not cover the sentence; a
     * gold word that no test span matches exactly is missed, and a test span that is no gold span is
     * wrong.
     */
    public static SegmentationScore ofSpans(String sentence, List<Span> gold, List<Span> test, Predicate<String> inVocabulary) {
        Set<Span> testSpans = new HashSet<>(test);
        long correct = 0;
        long oov = 0;
        long oovFound = 0;
        for (Span word : gold) {
            boolean found = testSpans.contains(word);
            if (found) {
                correct++;
            }
            if (!inVocabulary.test(word.in(sentence))) {
                oov++;
                if (found) {
                    oovFound++;
                }
            }
        }
        return new SegmentationScore(gold.size(), test.size(), correct, oov, oovFound);
    }

    /** The sum of two scores, as over the sentences of a file. */
    public SegmentationScore plus(SegmentationScore other) {
        return new SegmentationScore(
                goldWords + other.goldWords,
                testWords + other.testWords,
                correctWords + other.correctWords,
                oovWords + other.oovWords,
                oovFound + other.oovFound);
    }

    /** Share of the test words that are right. */
    public double precision() {
        return ratio(correctWords, testWords);
    }

    /** Share of the gold words found. */
    public double recall() {
        return ratio(correctWords, goldWords);
    }

    /** Harmonic mean of precision and recall (β = 1). */
    public double f() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Share of the gold words that are out of the training vocabulary. */
    public double oovRate() {
        return ratio(oovWords, goldWords);
    }

    /** Share of the out-of-vocabulary gold words found. */
    public double oovRecall() {
        return ratio(oovFound, oovWords);
    }

    /** Share of the in-vocabulary gold words found. */
    public double ivRecall() {
        return ratio(correctWords - oovFound, goldWords - oovWords);
    }

    /**
     * The spans whose text is punctuation only (Unicode general categories P*: ，。、“”《》——…… and
     * so on). Segmenters wrapped for search drop or rewrite these, so the comparison leaves them out
     * of both sides.
     */
    public static boolean isPunctuation(CharSequence word) {
        return !word.isEmpty() && word.codePoints().allMatch(SegmentationScore::isPunctuationCodePoint);
    }

    /** {@code spans} without those whose text in {@code sentence} is {@linkplain #isPunctuation punctuation}. */
    public static List<Span> withoutPunctuation(String sentence, List<Span> spans) {
        return spans.stream().filter(s -> !isPunctuation(s.in(sentence))).toList();
    }

    /**
     * The segmentation implied by the words a segmenter emitted, for segmenters that skip text
     * (punctuation, stop words, characters they cannot place). Emitted spans are taken in order of
     * their start; one that overlaps a span already taken is left out (IK's fine-grained words). What
     * no span covers lies between two boundaries the segmenter drew, so each uncovered run becomes one
     * word, except that each punctuation character and each maximal run of other characters are
     * separate words and whitespace is no word.
     */
    public static List<Span> closeGaps(String sentence, List<Span> emitted) {
        List<Span> sorted = new ArrayList<>(emitted);
        sorted.sort((a, b) -> a.start != b.start ? Integer.compare(a.start, b.start) : Integer.compare(b.end, a.end));
        List<Span> closed = new ArrayList<>(sorted.size() + 8);
        int at = 0;
        for (Span span : sorted) {
            if (span.start < at) {
                continue;
            }
            addGap(sentence, at, span.start, closed);
            closed.add(span);
            at = span.end;
        }
        addGap(sentence, at, sentence.length(), closed);
        return closed;
    }

    private static void addGap(String sentence, int from, int to, List<Span> out) {
        int runStart = -1;
        for (int i = from; i < to; ) {
            int cp = sentence.codePointAt(i);
            int next = i + Character.charCount(cp);
            boolean other = !isPunctuationCodePoint(cp) && !Character.isWhitespace(cp) && !Character.isSpaceChar(cp);
            if (other) {
                if (runStart < 0) {
                    runStart = i;
                }
            } else {
                if (runStart >= 0) {
                    out.add(new Span(runStart, i));
                    runStart = -1;
                }
                if (isPunctuationCodePoint(cp)) {
                    out.add(new Span(i, next));
                }
            }
            i = next;
        }
        if (runStart >= 0) {
            out.add(new Span(runStart, to));
        }
    }

    private static boolean isPunctuationCodePoint(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONNECTOR_PUNCTUATION,
                    Character.DASH_PUNCTUATION,
                    Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION,
                    Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    @Override
    public String toString() {
        return String.format(
                "P=%.3f R=%.3f F=%.3f OOV-rate=%.3f OOV-R=%.3f IV-R=%.3f (gold %d, test %d, correct %d)",
                precision(), recall(), f(), oovRate(), oovRecall(), ivRecall(), goldWords, testWords, correctWords);
    }
}
