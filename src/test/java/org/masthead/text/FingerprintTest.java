package org.masthead.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FingerprintTest {

    private static final String STORY = "8月27日，财政部、国家税务总局发布《关于减半征收证券交易印花税的公告》。"
            + "为活跃资本市场、提振投资者信心，自2023年8月28日起，证券交易印花税实施减半征收。"
            + "证券交易印花税减半征收等重磅利好落地，28日早盘A股三大指数集体高开，沪指涨逾5%，深成指和创业板指同步大涨。"
            + "分析人士认为，此举有利于降低交易成本，增强市场活力，提振投资者信心，促进资本市场平稳健康发展。";

    @Test
    void sameTextInTraditionalScriptIsTheSameFingerprint() {
        String traditional = "8月27日，財政部、國家稅務總局發布《關於減半徵收證券交易印花稅的公告》。"
                + "為活躍資本市場、提振投資者信心，自2023年8月28日起，證券交易印花稅實施減半徵收。"
                + "證券交易印花稅減半徵收等重磅利好落地，28日早盤A股三大指數集體高開，滬指漲逾5%，深成指和創業板指同步大漲。"
                + "分析人士認為，此舉有利於降低交易成本，增強市場活力，提振投資者信心，促進資本市場平穩健康發展。";
        assertThat(Fingerprint.of(traditional).jaccard(Fingerprint.of(STORY))).isGreaterThan(0.8);
    }

    @Test
    void anEditedCopyIsANearDuplicateAndAnotherStoryIsNot() {
        Fingerprint original = Fingerprint.of(STORY);
        Fingerprint edited = Fingerprint.of(STORY.replace("5%", "6%") + "【广告】咨询热线400-888-1234。");
        Fingerprint other = Fingerprint.of("新华社杭州8月27日电，早上8点不到，杭州西湖边平日里安静的步道上已有不少志愿者忙碌的身影，"
                + "他们有的在清理垃圾，有的在为游客指路，亚运之城的志愿服务正成为一种社会风尚。");

        assertThat(original.nearDuplicateOf(edited, 0.4, 0.7, 20)).isTrue();
        assertThat(original.nearDuplicateOf(other, 0.4, 0.7, 20)).isFalse();
        assertThat(original.jaccard(other)).isLessThan(0.1);
    }

    @Test
    void roundTripsThroughItsStoredForm() {
        Fingerprint f = Fingerprint.of(STORY);
        assertThat(Fingerprint.decode(f.encoded(), f.shingles())).isEqualTo(f);
        assertThat(f.bandKeys()).hasSize(Fingerprint.BANDS).isEqualTo(Fingerprint.of(STORY).bandKeys());
    }

    @Test
    void aTextWithoutWordsMatchesNothing() {
        Fingerprint empty = Fingerprint.of("！？。");
        assertThat(empty.shingles()).isZero();
        assertThat(empty.jaccard(empty)).isZero();
        assertThat(empty.nearDuplicateOf(empty, 0.4, 0.7, 20)).isFalse();
    }

    @Test
    void aShortTextIsFingerprintedWithItsHeadlineSoASharedSloganJoinsNothing() {
        TextAnalysis a = TextAnalysis.of("组图：王俊凯登封面", "精度知天下，新闻更悦己", 0, 120, 5);
        TextAnalysis b = TextAnalysis.of("组图：李宇春女刊封面大满贯", "精度知天下，新闻更悦己", 0, 120, 5);
        assertThat(a.fingerprint().nearDuplicateOf(b.fingerprint(), 0.4, 0.7, 20)).isFalse();
        TextAnalysis c = TextAnalysis.of("组图：王俊凯登封面", "精度知天下，新闻更悦己", 0, 120, 5);
        assertThat(a.fingerprint().nearDuplicateOf(c.fingerprint(), 0.4, 0.7, 20)).isTrue();
    }
}
