package org.masthead.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words an article is about, as suggested tags: TextRank over its words (a word is important when it
 * stands next to important words), the title counted three times since the headline names the story.
 * Candidates are content words of at least two characters: no numbers, no words of {@code stopwords.txt}
 * (function words, pronouns, news boilerplate such as 记者 and 报道). Each keyword is given as it is first
 * written in the text (a Traditional 臺灣 stays 臺灣), never rewritten.
 */
public final class Keywords {

    /** Words this far apart (in content words) count as neighbours. */
    private static final int WINDOW = 5;
    private static final double DAMPING = 0.85;
    private static final int ITERATIONS = 30;
    private static final int TITLE_WEIGHT = 3;
    private static final Set<String> STOP_WORDS = stopWords();

    private Keywords() {}

    /**
     * At most {@code limit} keywords of the article, best first.
     *
     * @param title the headline, may be null
     * @param plainText the body as plain text, may be null; only its first {@value Summary#READ_CHARS} chars are read
     */
    public static List<String> of(String title, String plainText, int limit) {
        String body = plainText == null ? "" : plainText.substring(0, Math.min(plainText.length(), Summary.READ_CHARS));
        return of(title, body, Segmenter.words(body), limit);
    }

    /** As {@link #of(String, String, int)}, with the words of the body segmented already ({@link TextAnalysis}). */
    static List<String> of(String title, String plainText, List<Segmenter.Word> bodyWords, int limit) {
        List<String> sequence = new ArrayList<>();
        Map<String, String> surface = new HashMap<>();
        List<Segmenter.Word> titleWords = title == null ? List.of() : Segmenter.words(title);
        for (int i = 0; i < TITLE_WEIGHT; i++) {
            collect(title, titleWords, sequence, surface);
        }
        String body = plainText == null ? "" : plainText;
        collect(body, Summary.within(bodyWords, Math.min(body.length(), Summary.READ_CHARS)), sequence, surface);
        if (sequence.isEmpty() || limit < 1) {
            return List.of();
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        for (String word : sequence) {
            index.putIfAbsent(word, index.size());
        }
        int n = index.size();
        List<Map<Integer, Integer>> edges = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            edges.add(new HashMap<>());
        }
        for (int i = 0; i < sequence.size(); i++) {
            int a = index.get(sequence.get(i));
            for (int j = i + 1; j < Math.min(sequence.size(), i + WINDOW); j++) {
                int b = index.get(sequence.get(j));
                if (a != b) {
                    edges.get(a).merge(b, 1, Integer::sum);
                    edges.get(b).merge(a, 1, Integer::sum);
                }
            }
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            for (int weight : edges.get(i).values()) {
                out[i] += weight;
            }
        }
        double[] score = new double[n];
        java.util.Arrays.fill(score, 1.0);
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            double[] next = new double[n];
            for (int i = 0; i < n; i++) {
                double sum = 0;
                for (Map.Entry<Integer, Integer> edge : edges.get(i).entrySet()) {
                    sum += edge.getValue() / out[edge.getKey()] * score[edge.getKey()];
                }
                next[i] = (1 - DAMPING) + DAMPING * sum;
            }
            score = next;
        }
        double[] ranked = score;
        return index.entrySet().stream()
                .sorted(Comparator.comparingDouble((Map.Entry<String, Integer> e) -> -ranked[e.getValue()])
                        .thenComparingInt(Map.Entry::getValue))
                .limit(limit)
                .map(e -> surface.get(e.getKey()))
                .distinct()
                .toList();
    }

    /**
     * Whether a segmented word (folded, lower-cased, as {@link Segmenter} gives it) can say what a text is
     * about: two characters or more, a letter among them, not a stop word.
     */
    public static boolean isContentWord(String term) {
        if (term.codePointCount(0, term.length()) < 2 || STOP_WORDS.contains(term)) {
            return false;
        }
        boolean letter = false;
        for (int i = 0; i < term.length(); i++) {
            char c = term.charAt(i);
            if (Character.isDigit(c) || c == '.' || c == '%') {
                return false; // 2018年, 7.3, 10%: numbers are facts, not topics
            }
            letter |= Character.isLetter(c);
        }
        return letter;
    }

    private static void collect(String text, List<Segmenter.Word> words, List<String> sequence, Map<String, String> surface) {
        for (Segmenter.Word word : words) {
            if (isContentWord(word.term())) {
                sequence.add(word.term());
                surface.putIfAbsent(word.term(), text.substring(word.start(), word.end()));
            }
        }
    }

    private static Set<String> stopWords() {
        Set<String> words = new HashSet<>();
        try (InputStream in = Keywords.class.getResourceAsStream("stopwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("org/masthead/text/stopwords.txt is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
