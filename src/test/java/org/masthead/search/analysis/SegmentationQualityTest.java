package org.masthead.search.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;
import org.masthead.search.analysis.SegmentationScore.Span;

/**
 * Guards the measured quality of {@link ChineseAnalysis} on the SIGHAN 2005 gold, scored as
 * bench/segmentation/SegmentationBench.java does (gaps closed, punctuation left out): a segmenter or
 * folding change that loses words fails here. The comparison of segmenters is in bench/README.md.
 */
class SegmentationQualityTest {

    private static final Path ICWB2 = Path.of(System.getProperty("masthead.shared", "../shared"), "corpus/icwb2-data");

    @Test
    void segmentsThePkuTestAsMeasured() throws IOException {
        // Measured: P 0.866, R 0.918, F 0.891, OOV recall 0.409.
        SegmentationScore score = score("pku_test_gold.utf8", "pku_training_words.utf8");

        assertThat(score.goldWords()).isEqualTo(88_495); // 104,372 words less 15,877 punctuation marks
        assertThat(score.f()).isGreaterThan(0.885);
        assertThat(score.recall()).isGreaterThan(0.91);
        assertThat(score.oovRecall()).isGreaterThan(0.40);
    }

    @Test
    void segmentsTraditionalTextAfterFoldingIt() throws IOException {
        // CityU (Hong Kong, Traditional). Measured 0.769; smartcn without the folding scores 0.445.
        SegmentationScore score = score("cityu_test_gold.utf8", "cityu_training_words.utf8");

        assertThat(score.f()).isGreaterThan(0.76);
    }

    private static SegmentationScore score(String gold, String trainingWords) throws IOException {
        Path goldFile = ICWB2.resolve("gold").resolve(gold);
        assumeTrue(Files.isReadable(goldFile), "../shared corpus not present (a user's clone): skipped");
        Set<String> vocabulary = new HashSet<>();
        for (String word : Files.readAllLines(ICWB2.resolve("gold").resolve(trainingWords), StandardCharsets.UTF_8)) {
            vocabulary.add(word.strip());
        }
        SegmentationScore total = SegmentationScore.NONE;
        try (Analyzer analyzer = ChineseAnalysis.forIndexing()) {
            for (String line : Files.readAllLines(goldFile, StandardCharsets.UTF_8)) {
                String trimmed = line.replace('\u3000', ' ').strip();
                if (trimmed.isEmpty()) {
                    continue;
                }
                List<String> words = List.of(trimmed.split("\\s+"));
                String sentence = String.join("", words);
                List<Span> emitted = ChineseAnalysisTest.stream(analyzer, sentence).stream()
                        .map(t -> new Span(t.start(), t.end()))
                        .toList();
                List<Span> test = SegmentationScore.closeGaps(sentence, emitted);
                total = total.plus(SegmentationScore.ofSpans(
                        sentence,
                        SegmentationScore.withoutPunctuation(sentence, Span.of(words)),
                        SegmentationScore.withoutPunctuation(sentence, test),
                        vocabulary::contains));
            }
        }
        return total;
    }
}
