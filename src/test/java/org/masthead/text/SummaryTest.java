package org.masthead.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTest {

    private static final String STAMP_DUTY = "8月27日，财政部、国家税务总局发布《关于减半征收证券交易印花税的公告》。"
            + "为活跃资本市场、提振投资者信心，自2023年8月28日起，证券交易印花税实施减半征收。"
            + "证券交易印花税减半征收等重磅利好落地，28日早盘A股三大指数集体高开。"
            + "洲明科技报收于7.3元，下跌2.93%。";

    @Test
    void keepsSentencesExactlyAsWrittenAndInTheirOrder() {
        String summary = Summary.of(STAMP_DUTY, 80);

        assertThat(summary.codePointCount(0, summary.length())).isLessThanOrEqualTo(80);
        assertThat(summary).isNotEmpty();
        for (Sentences.Span s : Sentences.of(summary)) {
            assertThat(STAMP_DUTY).contains(s.of(summary));
        }
        assertThat(SummaryQualityTest.isSubsequence(summary, STAMP_DUTY)).isTrue();
    }

    @Test
    void givesTheWholeTextWhenItFits() {
        assertThat(Summary.of("  证券交易印花税今起减半征收。  ", 50)).isEqualTo("证券交易印花税今起减半征收。");
    }

    @Test
    void neverCutsInsideANumberOrAWord() {
        String text = "洲明科技报收于7.3元，下跌2.93%，换手率1.2%，主力资金净卖出1032.64万元";
        for (int budget = 1; budget < 40; budget++) {
            String summary = Summary.of(text, budget);
            assertThat(summary.codePointCount(0, summary.length())).isLessThanOrEqualTo(budget);
            assertThat(summary).doesNotEndWith("7").doesNotEndWith("7.").doesNotEndWith("2.9").doesNotEndWith("1032.6");
            assertThat(SummaryQualityTest.isSubsequence(summary, text)).as(summary).isTrue();
        }
        assertThat(Summary.of(text, 9)).isEqualTo("洲明科技报收于");
    }

    @Test
    void leavesOutALowContentAttributionInAHeadlineLengthSummary() {
        String text = "中国铁路总公司消息，自2015年1月5日起，自行车不能进站乘车了。骑友大呼难以接受。"
                + "这部分希望下车就能踏上骑游旅程的旅客，只能先办理托运业务，自行车托运运费每公斤价格根据运输里程不同而不同。";
        assertThat(Summary.of(text, 20)).doesNotStartWith("中国铁路总公司消息");
    }

    @Test
    void splitsSentencesAtChineseMarksButNotInsideNumbers() {
        String text = "他说：“股价报7.3元。”随后下跌2.93%！真的吗？是的\n第二段";
        assertThat(Sentences.of(text).stream().map(s -> s.of(text)).toList())
                .containsExactly("他说：“股价报7.3元。”", "随后下跌2.93%！", "真的吗？", "是的", "第二段");
    }

    @Test
    void emptyTextGivesAnEmptySummaryAndABadBudgetIsRefused() {
        assertThat(Summary.of(null, 10)).isEmpty();
        assertThat(Summary.of(" \n ", 10)).isEmpty();
        assertThatThrownBy(() -> Summary.of("正文", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keywordsNameWhatTheArticleIsAboutAsWritten() {
        List<String> keywords = Keywords.of("证券交易印花税今起减半征收", STAMP_DUTY, 5);
        assertThat(keywords).contains("印花税").doesNotContain("记者", "2023", "7.3").hasSizeLessThanOrEqualTo(5);
        assertThat(Keywords.of("臺灣選舉", "臺灣選舉結果揭曉，臺灣民眾關注選舉。", 3)).contains("臺灣");
        assertThat(Keywords.of(null, null, 5)).isEmpty();
    }

    @Test
    void segmenterGivesWordsWithOffsetsIntoTheOriginalText() {
        String text = "證券交易印花稅今起減半徵收";
        List<Segmenter.Word> words = Segmenter.words(text);
        assertThat(words).extracting(Segmenter.Word::term).containsExactly("证券", "交易", "印花税", "今", "起", "减半", "征收");
        assertThat(text.substring(words.get(2).start(), words.get(2).end())).isEqualTo("印花稅");
    }
}
