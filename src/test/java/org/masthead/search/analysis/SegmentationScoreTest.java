package org.masthead.search.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.masthead.search.analysis.SegmentationScore.Span;

/** Each expected number is worked out by hand in the comment above it. */
class SegmentationScoreTest {

    private static final Offset<Double> EXACT = within(1e-9);

    private static List<String> words(String line) {
        return Arrays.asList(line.trim().split("\\s+"));
    }

    @Test
    void countsOnlyWordsWhoseBothBoundariesAgree() {
        // gold 6 words, test 4; only 共同 and 创造 have the same span in both.
        // P = 2/4 = 0.5, R = 2/6 = 1/3, F = 2·0.5·(1/3) / (0.5 + 1/3) = (1/3) / (5/6) = 0.4.
        // 世纪 is not in the vocabulary: OOV rate 1/6, OOV recall 0/1; IV recall 2/5.
        SegmentationScore score = SegmentationScore.ofWords(
                words("共同 创造 美好 的 新 世纪"), words("共同 创造 美好的 新世纪"), Set.of("共同", "创造", "美好", "的", "新"));

        assertThat(score).isEqualTo(new SegmentationScore(6, 4, 2, 1, 0));
        assertThat(score.precision()).isCloseTo(0.5, EXACT);
        assertThat(score.recall()).isCloseTo(1.0 / 3, EXACT);
        assertThat(score.f()).isCloseTo(0.4, EXACT);
        assertThat(score.oovRate()).isCloseTo(1.0 / 6, EXACT);
        assertThat(score.oovRecall()).isCloseTo(0.0, EXACT);
        assertThat(score.ivRecall()).isCloseTo(0.4, EXACT);
    }

    @Test
    void splitsRecallIntoOutOfVocabularyAndInVocabularyWords() {
        // gold 宝山 教育 高质量 发展 (4), test 宝山 教育 高 质量 发展 (5): 宝山, 教育, 发展 right.
        // P = 3/5 = 0.6, R = 3/4 = 0.75, F = 2·0.6·0.75 / 1.35 = 2/3.
        // OOV: 宝山 and 高质量, one found: 1/2. IV: 教育 and 发展, both found: 2/2.
        SegmentationScore score = SegmentationScore.ofWords(
                words("宝山 教育 高质量 发展"), words("宝山 教育 高 质量 发展"), Set.of("教育", "发展", "高", "质量"));

        assertThat(score.precision()).isCloseTo(0.6, EXACT);
        assertThat(score.recall()).isCloseTo(0.75, EXACT);
        assertThat(score.f()).isCloseTo(2.0 / 3, EXACT);
        assertThat(score.oovRate()).isCloseTo(0.5, EXACT);
        assertThat(score.oovRecall()).isCloseTo(0.5, EXACT);
        assertThat(score.ivRecall()).isCloseTo(1.0, EXACT);
    }

    @Test
    void addsCountsOverSentencesBeforeTakingRates() {
        // The two sentences above: gold 6 + 4 = 10, test 4 + 5 = 9, correct 2 + 3 = 5.
        // P = 5/9, R = 5/10, F = 2·(5/9)·(1/2) / (5/9 + 1/2) = (5/9) / (19/18) = 10/19
        // (the mean of the two sentences' F, 0.533, would be wrong).
        Set<String> vocabulary = Set.of("共同", "创造", "美好", "的", "新", "教育", "发展");
        SegmentationScore total = SegmentationScore.NONE
                .plus(SegmentationScore.ofWords(words("共同 创造 美好 的 新 世纪"), words("共同 创造 美好的 新世纪"), vocabulary))
                .plus(SegmentationScore.ofWords(words("宝山 教育 高质量 发展"), words("宝山 教育 高 质量 发展"), vocabulary));

        assertThat(total).isEqualTo(new SegmentationScore(10, 9, 5, 3, 1));
        assertThat(total.precision()).isCloseTo(5.0 / 9, EXACT);
        assertThat(total.recall()).isCloseTo(0.5, EXACT);
        assertThat(total.f()).isCloseTo(10.0 / 19, EXACT);
        // OOV: 世纪, 宝山, 高质量; only 宝山 found. IV: 7 words, 4 found.
        assertThat(total.oovRecall()).isCloseTo(1.0 / 3, EXACT);
        assertThat(total.ivRecall()).isCloseTo(4.0 / 7, EXACT);
    }

    @Test
    void aPerfectSegmentationScoresOne() {
        SegmentationScore score = SegmentationScore.ofWords(words("证券 交易 印花税"), words("证券 交易 印花税"), Set.of());

        assertThat(score.precision()).isEqualTo(1.0);
        assertThat(score.recall()).isEqualTo(1.0);
        assertThat(score.f()).isEqualTo(1.0);
        assertThat(score.oovRecall()).isEqualTo(1.0);
    }

    @Test
    void refusesWordsThatSpellAnotherSentence() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SegmentationScore.ofWords(words("证券 交易"), words("证券 交易 税"), Set.of()));
    }

    @Test
    void aSkippedGoldWordIsMissedAndCostsRecallOnly() {
        // 证券交易印花税: gold 证券 交易 印花税; the segmenter emitted only 证券 and 印花税.
        // P = 2/2, R = 2/3, F = 2·1·(2/3) / (5/3) = 0.8.
        String sentence = "证券交易印花税";
        SegmentationScore score = SegmentationScore.ofSpans(
                sentence,
                List.of(new Span(0, 2), new Span(2, 4), new Span(4, 7)),
                List.of(new Span(0, 2), new Span(4, 7)),
                w -> true);

        assertThat(score.precision()).isEqualTo(1.0);
        assertThat(score.recall()).isCloseTo(2.0 / 3, EXACT);
        assertThat(score.f()).isCloseTo(0.8, EXACT);
    }

    @Test
    void punctuationIsAnyRunOfUnicodePunctuation() {
        assertThat(SegmentationScore.isPunctuation("，")).isTrue();
        assertThat(SegmentationScore.isPunctuation("——")).isTrue();
        assertThat(SegmentationScore.isPunctuation("……")).isTrue();
        assertThat(SegmentationScore.isPunctuation("《")).isTrue();
        assertThat(SegmentationScore.isPunctuation("二○○一年")).isFalse();
        assertThat(SegmentationScore.isPunctuation("2.5")).isFalse();
        assertThat(SegmentationScore.isPunctuation("＋")).isFalse(); // a math symbol, Sm
        assertThat(SegmentationScore.isPunctuation("")).isFalse();
    }

    @Test
    void leavesPunctuationSpansOut() {
        String sentence = "女士们，先生们：";
        List<Span> gold = Span.of(words("女士 们 ， 先生 们 ："));

        assertThat(SegmentationScore.withoutPunctuation(sentence, gold))
                .extracting(s -> s.in(sentence))
                .containsExactly("女士", "们", "先生", "们");
    }

    @Test
    void closesEachGapBetweenEmittedWordsAsOneWord() {
        // smartcn-like output that skipped 今起 (say, as stop words): the gap becomes the word 今起.
        String sentence = "证券交易印花税今起减半征收";
        List<Span> emitted = List.of(new Span(0, 2), new Span(2, 4), new Span(4, 7), new Span(9, 11), new Span(11, 13));

        assertThat(SegmentationScore.closeGaps(sentence, emitted))
                .extracting(s -> s.in(sentence))
                .containsExactly("证券", "交易", "印花税", "今起", "减半", "征收");
    }

    @Test
    void closingGapsSplitsPunctuationOffAndDropsSpacesAndOverlaps() {
        // IK-like output: 罗马 诺 herewego 确认 and an overlapping 确 that is left out; “ ” and the space
        // are not emitted; 卢卡库 was skipped.
        String sentence = "罗马诺“HereWeGo” 确认卢卡库";
        List<Span> emitted = List.of(new Span(0, 2), new Span(2, 3), new Span(4, 12), new Span(14, 16), new Span(14, 15));

        assertThat(SegmentationScore.closeGaps(sentence, emitted))
                .extracting(s -> s.in(sentence))
                .containsExactly("罗马", "诺", "“", "HereWeGo", "”", "确认", "卢卡库");
    }
}
