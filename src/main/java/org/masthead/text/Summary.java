package org.masthead.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * An extractive summary: the sentences of a text that best stand for the whole, chosen by TextRank over
 * their words and kept in their order, within a budget of characters. It selects, it never rewrites: the
 * summary is a sequence of spans of the text, each exactly as written (a single space is put between two
 * spans only where the first ends in a letter or digit, as a line break would have separated them).
 *
 * <p>Below {@value #SENTENCE_BUDGET} characters (a headline-length summary) there is no room to choose
 * sentences: the clauses of the lead (cut at ，、：) fill the budget in order, leaving out those that say
 * little (an attribution such as 中国铁路总公司消息，), and the last one is cut at a word boundary
 * (smartcn's words; never inside a number such as 7.3 or a Latin word). Measured with character ROUGE on
 * LCSTS against first-N-characters truncation in bench/README.md, "summary".
 */
public final class Summary {

    /** Only the start of a long text is read: the lead of a news article carries the story. */
    static final int READ_CHARS = 3000;

    /** The damping factor of PageRank that TextRank borrows. */
    private static final double DAMPING = 0.85;
    private static final int ITERATIONS = 30;

    /**
     * How much a unit's place adds to its TextRank score: the first gets {@code 1 + POSITION}, the n-th
     * {@code 1 + POSITION / n}. News puts the story first, and LCSTS confirms it (bench/README.md, "summary").
     */
    static final double POSITION = 1.0;

    /**
     * From this budget on, whole sentences are chosen; below it (a headline-length summary) there is no room
     * for a choice of sentences, which average about 40 characters in news, and lead clauses fill it.
     */
    static final int SENTENCE_BUDGET = 50;

    /** Lead clauses scoring below this share of the mean are left out. */
    static final double KEEP = 0.75;

    private Summary() {}

    /**
     * At most {@code maxChars} code points of {@code plainText}, chosen as above; the whole text (white space
     * trimmed) when it fits. {@code null} or blank text gives {@code ""}.
     *
     * @throws IllegalArgumentException if maxChars is less than 1
     */
    public static String of(String plainText, int maxChars) {
        return of(plainText, maxChars, POSITION);
    }

    /** {@link #of(String, int)} with another weight of position, for the measurements. */
    static String of(String plainText, int maxChars, double position) {
        return of(plainText, maxChars, position, null);
    }

    /**
     * As {@link #of(String, int)}, with the words of the whole text when the caller has segmented it
     * already ({@link TextAnalysis}); null to segment here.
     */
    static String of(String plainText, int maxChars, double position, List<Segmenter.Word> wordsOfText) {
        if (maxChars < 1) {
            throw new IllegalArgumentException("maxChars must be at least 1, but was " + maxChars);
        }
        if (plainText == null || plainText.isBlank()) {
            return "";
        }
        String text = plainText.length() > READ_CHARS ? plainText.substring(0, safeEnd(plainText, READ_CHARS)) : plainText;
        List<Sentences.Span> sentences = Sentences.of(text);
        String whole = join(text, sentences);
        if (whole.codePointCount(0, whole.length()) <= maxChars && text.length() == plainText.length()) {
            return whole;
        }
        List<Segmenter.Word> words = wordsOfText == null ? Segmenter.words(text) : within(wordsOfText, text.length());
        if (maxChars >= SENTENCE_BUDGET) {
            List<Sentences.Span> chosen = choose(text, sentences, words, maxChars, position);
            if (!chosen.isEmpty()) {
                return join(text, chosen);
            }
        }
        return leadClauses(text, words, maxChars, KEEP);
    }

    /** The highest-ranked units that fit the budget together, in text order; empty when none fits. */
    private static List<Sentences.Span> choose(String text, List<Sentences.Span> units, List<Segmenter.Word> words, int maxChars, double position) {
        int[] order = rank(text, units, words, position);
        List<Sentences.Span> chosen = new ArrayList<>();
        int used = 0;
        for (int index : order) {
            Sentences.Span unit = units.get(index);
            int length = unit.length(text) + (chosen.isEmpty() ? 0 : 1);
            if (used + length <= maxChars) {
                chosen.add(unit);
                used += length;
            }
        }
        chosen.sort(Comparator.comparingInt(Sentences.Span::start));
        return chosen;
    }

    /** Indexes of the units, best first: TextRank over shared content words, weighted by position. */
    static int[] rank(String text, List<Sentences.Span> units, List<Segmenter.Word> words, double position) {
        double[] weighted = scores(text, units, words, position);
        return IntStream.range(0, units.size()).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -weighted[i]).thenComparingInt(i -> i))
                .mapToInt(Integer::intValue).toArray();
    }

    /** TextRank scores of the units, weighted by position. */
    static double[] scores(String text, List<Sentences.Span> units, List<Segmenter.Word> words, double position) {
        int n = units.size();
        List<Set<String>> bags = new ArrayList<>(n);
        int w = 0;
        for (Sentences.Span unit : units) {
            Set<String> bag = new HashSet<>();
            while (w < words.size() && words.get(w).start() < unit.start()) {
                w++;
            }
            for (int k = w; k < words.size() && words.get(k).end() <= unit.end(); k++) {
                if (Keywords.isContentWord(words.get(k).term())) {
                    bag.add(words.get(k).term());
                }
            }
            bags.add(bag);
        }
        double[][] similarity = new double[n][n];
        double[] outWeight = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double s = similarity(bags.get(i), bags.get(j));
                similarity[i][j] = s;
                similarity[j][i] = s;
                outWeight[i] += s;
                outWeight[j] += s;
            }
        }
        double[] score = new double[n];
        java.util.Arrays.fill(score, 1.0);
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            double[] next = new double[n];
            for (int i = 0; i < n; i++) {
                double sum = 0;
                for (int j = 0; j < n; j++) {
                    if (similarity[j][i] > 0) {
                        sum += similarity[j][i] / outWeight[j] * score[j];
                    }
                }
                next[i] = (1 - DAMPING) + DAMPING * sum;
            }
            score = next;
        }
        double[] weighted = new double[n];
        for (int i = 0; i < n; i++) {
            weighted[i] = score[i] * (1 + position / (i + 1)) * (bags.get(i).isEmpty() ? 0.1 : 1);
        }
        return weighted;
    }

    /**
     * Clauses in text order, leaving out those whose TextRank score is below {@code keep} times the mean
     * (attributions such as 中国铁路总公司消息，, dates), until the budget is full; the clause that does not
     * fit is cut at a word boundary.
     */
    static String leadClauses(String plainText, int maxChars, double keep) {
        String text = plainText.length() > READ_CHARS ? plainText.substring(0, safeEnd(plainText, READ_CHARS)) : plainText;
        return leadClauses(text, Segmenter.words(text), maxChars, keep);
    }

    private static String leadClauses(String text, List<Segmenter.Word> words, int maxChars, double keep) {
        List<Sentences.Span> clauses = new ArrayList<>();
        for (Sentences.Span sentence : Sentences.of(text)) {
            clauses.addAll(Sentences.clauses(text, sentence));
        }
        if (clauses.isEmpty()) {
            return "";
        }
        double[] score = scores(text, clauses, words, 0);
        double mean = java.util.Arrays.stream(score).average().orElse(0);
        StringBuilder out = new StringBuilder();
        int used = 0;
        for (int i = 0; i < clauses.size() && used < maxChars; i++) {
            if (score[i] < keep * mean) {
                continue;
            }
            Sentences.Span clause = clauses.get(i);
            int length = clause.length(text);
            if (used + length <= maxChars) {
                out.append(clause.of(text));
                used += length;
            } else {
                String cut = cutAtWord(text, clause, words, maxChars - used);
                out.append(cut);
                used = maxChars;
            }
        }
        return out.toString();
    }

    /** TextRank's sentence similarity: shared words over the logs of the sentence lengths. */
    private static double similarity(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        int shared = 0;
        for (String word : a.size() < b.size() ? a : b) {
            if ((a.size() < b.size() ? b : a).contains(word)) {
                shared++;
            }
        }
        return shared == 0 ? 0 : shared / (Math.log(1 + a.size()) + Math.log(1 + b.size()));
    }

    /** The longest start of the unit that fits and ends at a word's end, outside any number or Latin word. */
    private static String cutAtWord(String text, Sentences.Span unit, List<Segmenter.Word> words, int maxChars) {
        int limit = text.codePointCount(unit.start(), unit.end()) <= maxChars
                ? unit.end() : text.offsetByCodePoints(unit.start(), maxChars);
        boolean[] interior = UnbreakableRuns.interiors(text.substring(0, unit.end()));
        int best = unit.start();
        for (Segmenter.Word word : words) {
            if (word.start() < unit.start()) {
                continue;
            }
            if (word.end() > limit) {
                break;
            }
            if (!interior[word.end()]) {
                best = word.end();
            }
        }
        if (best == unit.start()) { // one word longer than the whole budget: cut it, between code points
            best = limit;
        }
        return text.substring(unit.start(), best).strip();
    }

    private static String join(String text, List<Sentences.Span> spans) {
        StringBuilder out = new StringBuilder();
        for (Sentences.Span span : spans) {
            if (!out.isEmpty() && Character.isLetterOrDigit(out.codePointBefore(out.length()))) {
                out.append(' ');
            }
            out.append(text, span.start(), span.end());
        }
        return out.toString();
    }

    /** The words that end within the first {@code length} chars. */
    static List<Segmenter.Word> within(List<Segmenter.Word> words, int length) {
        int n = 0;
        while (n < words.size() && words.get(n).end() <= length) {
            n++;
        }
        return words.subList(0, n);
    }

    /** {@code max} or one less, so a surrogate pair is never split. */
    private static int safeEnd(String text, int max) {
        return Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    }
}
