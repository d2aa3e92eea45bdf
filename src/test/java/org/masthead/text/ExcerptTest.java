package org.masthead.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExcerptTest {

    // Full texts of articles listed on the seed page (../shared/reference/seed-page.txt), whose 30-character
    // excerpts the old site mangled: "报收于7 3元,下跌2 93%,换" lost its decimal points and was cut mid-number.
    static final String ZHOUMING = "截至2023年8月25日收盘,洲明科技(300232)报收于7.3元,下跌2.93%,换手率1.15%,"
            + "成交量13.69万手,成交额1.01亿元。";
    static final String MENGKE = "截至2023年8月25日收盘,盟科药业(688373)报收于6.25元,下跌2.04%,换手率0.52%,"
            + "成交量1.68万手,成交额1047.46万元。";
    static final String BAIRUN = "百润股份(SZ002568,收盘价:33.15元)8月24日晚间发布公告称,"
            + "公司本次向特定对象发行股票募集资金总额不超过20.25亿元。";
    static final String JINDI = "截至2023年6月30日止六个月,应占合营及联营公司业绩录得溢利为5.07亿元,"
            + "持有人应占溢利减至5.63亿元。";
    static final String LUKAKU = "罗马诺“HereWeGo”确认卢卡库将租借加盟罗马,电讯报记者Matt Law跟进报道,"
            + "卢卡库未来三年降薪,切尔西为他设定3700万镑解约金。";
    static final String SONY = "索尼近日发布了一款名为ECX344A的微型OLED显示屏,主要应用于AR和VR领域,"
            + "尺寸1.3寸,分辨率4K,刷新率90Hz。";
    static final String HYPER = "快科技8月28日消息,近日,广汽埃安宣布昊铂品牌纯电动超跑昊铂Hyper SSR将于9月8日上市,"
            + "售价128.6万元起,零百加速1.9秒。";
    static final String ONE_PIECE = "黑胡子作为新四皇赏金都在22亿,老四皇凯多和BIGMOM在25亿之前,"
            + "那么尾田这次公布的四皇悬赏中,最高的是红发香克斯。";
    static final String HANGTIAN = "摘要:2023年08月25日航天软件(688562)股价大幅跳水7.08%,该股报25.6元,成交量5.2万手。";

    static Stream<Arguments> seedLines() {
        return Stream.of(
                argumentSet("洲明科技 7.3元, 30", ZHOUMING, 30, "截至2023年8月25日收盘,洲明科技(300232)报收…"),
                argumentSet("洲明科技 7.3元, 36", ZHOUMING, 36, "截至2023年8月25日收盘,洲明科技(300232)报收于7.3元,…"),
                argumentSet("盟科药业 6.25元, 30", MENGKE, 30, "截至2023年8月25日收盘,盟科药业(688373)报收…"),
                argumentSet("盟科药业 6.25元, 36", MENGKE, 36, "截至2023年8月25日收盘,盟科药业(688373)报收于6.25元…"),
                argumentSet("百润股份 33.15元, 30", BAIRUN, 30, "百润股份(SZ002568,收盘价:33.15元)8月24…"),
                argumentSet("百润股份 33.15元, 36", BAIRUN, 36, "百润股份(SZ002568,收盘价:33.15元)8月24日晚间发布公…"),
                argumentSet("金地商置 5.07亿, 30", JINDI, 30, "截至2023年6月30日止六个月,应占合营及联营公司业绩录…"),
                argumentSet("金地商置 5.07亿, 36", JINDI, 36, "截至2023年6月30日止六个月,应占合营及联营公司业绩录得溢利为…"),
                argumentSet("罗马诺 HereWeGo, 30", LUKAKU, 30, "罗马诺“HereWeGo”确认卢卡库将租借加盟罗马,电讯报…"),
                argumentSet("罗马诺 HereWeGo, 36", LUKAKU, 36, "罗马诺“HereWeGo”确认卢卡库将租借加盟罗马,电讯报记者Matt…"),
                argumentSet("索尼 ECX344A OLED, 30", SONY, 30, "索尼近日发布了一款名为ECX344A的微型OLED显示屏,…"),
                argumentSet("索尼 ECX344A OLED, 36", SONY, 36, "索尼近日发布了一款名为ECX344A的微型OLED显示屏,主要应用于…"),
                argumentSet("广汽昊铂 Hyper SSR, 30", HYPER, 30, "快科技8月28日消息,近日,广汽埃安宣布昊铂品牌纯电动超跑…"),
                argumentSet("广汽昊铂 Hyper SSR, 36", HYPER, 36, "快科技8月28日消息,近日,广汽埃安宣布昊铂品牌纯电动超跑昊铂…"),
                argumentSet("海贼王 BIGMOM, 30", ONE_PIECE, 30, "黑胡子作为新四皇赏金都在22亿,老四皇凯多和BIGMOM在…"),
                argumentSet("海贼王 BIGMOM, 36", ONE_PIECE, 36, "黑胡子作为新四皇赏金都在22亿,老四皇凯多和BIGMOM在25亿之前,…"),
                argumentSet("航天软件 7.08%, 36", HANGTIAN, 36, "摘要:2023年08月25日航天软件(688562)股价大幅跳水…"));
    }

    @ParameterizedTest
    @MethodSource("seedLines")
    void pinsTheSeedPageExcerptsWithNumbersAndWordsWhole(String text, int maxChars, String expected) {
        assertThat(Excerpt.of(text, maxChars)).isEqualTo(expected);
        assertThat(codePoints(expected)).isLessThanOrEqualTo(maxChars);
    }

    @Test
    void keepsDecimalPointsThatTheOldPageTurnedIntoSpaces() {
        assertThat(Excerpt.of(ZHOUMING, 43)).isEqualTo("截至2023年8月25日收盘,洲明科技(300232)报收于7.3元,下跌2.93%…");
    }

    @Test
    void cutsBeforeANumberNotInsideIt() {
        // "报收于" ends at 30 code points; the limit then falls inside "7.3" (31-33), so the whole number goes
        assertThat(Excerpt.of(ZHOUMING, 32)).isEqualTo("截至2023年8月25日收盘,洲明科技(300232)报收于…");
        assertThat(Excerpt.of(ZHOUMING, 33)).isEqualTo("截至2023年8月25日收盘,洲明科技(300232)报收于…");
        assertThat(Excerpt.of(HANGTIAN, 34)).isEqualTo("摘要:2023年08月25日航天软件(688562)股价大幅跳水…");
        assertThat(Excerpt.of("报收于1032.64万元", 7)).isEqualTo("报收于…");
        assertThat(Excerpt.of("恢复至早上08:30,闭馆时间不变", 8)).isEqualTo("恢复至早上…");
    }

    @Test
    void keepsThePercentSignAndTheChineseMagnitudeWithTheirNumber() {
        assertThat(Excerpt.of(ZHOUMING, 42)).isEqualTo("截至2023年8月25日收盘,洲明科技(300232)报收于7.3元,下跌…");
        assertThat(Excerpt.of(BAIRUN, 62)).endsWith("募集资金总额不超过…");
        assertThat(Excerpt.of(JINDI, 38)).isEqualTo("截至2023年6月30日止六个月,应占合营及联营公司业绩录得溢利为…");
        assertThat(Excerpt.of(JINDI, 39)).isEqualTo("截至2023年6月30日止六个月,应占合营及联营公司业绩录得溢利为5.07亿…");
    }

    @Test
    void neverCutsInsideALatinWord() {
        assertThat(Excerpt.of(LUKAKU, 10)).isEqualTo("罗马诺…");
        assertThat(Excerpt.of(LUKAKU, 14)).isEqualTo("罗马诺“HereWeGo”…");
        assertThat(Excerpt.of(SONY, 15)).isEqualTo("索尼近日发布了一款名为…");
        assertThat(Excerpt.of(SONY, 25)).isEqualTo("索尼近日发布了一款名为ECX344A的微型…");
        assertThat(Excerpt.of(HYPER, 35)).isEqualTo("快科技8月28日消息,近日,广汽埃安宣布昊铂品牌纯电动超跑昊铂…");
        assertThat(Excerpt.of("重磅利好,医疗ETF(512170)放量涨逾2.5%", 8)).isEqualTo("重磅利好,医疗…");
    }

    @Test
    void treatsStockCodesWithExchangeSuffixAndHyphenatedModelsAsOneWord() {
        assertThat(Excerpt.of("天味食品(603317.SH):全年公司原材料成本稳定", 12)).isEqualTo("天味食品…");
        assertThat(Excerpt.of("唐DM-i冠军版200公里尊享型", 4)).isEqualTo("唐…");
    }

    @Test
    void neverCutsInsideAUrlOrEmailAddress() {
        String url = "据报道 https://www.example.com/news/2023/08/28/slug.html 称,新政今起实施";
        assertThat(Excerpt.of(url, 40)).isEqualTo("据报道…");
        assertThat(Excerpt.of(url, 53)).isEqualTo("据报道…");
        assertThat(Excerpt.of(url, 54)).isEqualTo("据报道 https://www.example.com/news/2023/08/28/slug.html…");
        assertThat(Excerpt.of("详见www.example.com.cn了解更多", 12)).isEqualTo("详见…");
        assertThat(Excerpt.of("联系邮箱:news.desk@example.com.cn,欢迎来稿", 20)).isEqualTo("联系邮箱:…");
    }

    @Test
    void cutsCjkTextBetweenAnyTwoCharacters() {
        assertThat(Excerpt.of(ONE_PIECE, 8)).isEqualTo("黑胡子作为新四…");
        assertThat(Excerpt.of("那么尾田这次公布的四皇悬赏", 5)).isEqualTo("那么尾田…");
    }

    @Test
    void returnsATextThatFitsWholeWithoutEllipsis() {
        assertThat(Excerpt.of("证券交易印花税今起减半征收", 13)).isEqualTo("证券交易印花税今起减半征收");
        assertThat(Excerpt.of("证券交易印花税今起减半征收", 30)).isEqualTo("证券交易印花税今起减半征收");
        assertThat(Excerpt.of("证券交易印花税今起减半征收", 12)).isEqualTo("证券交易印花税今起减半…");
    }

    @Test
    void foldsNewlinesAndWhitespaceRunsToOneSpaceAndTrimsTheEnds() {
        assertThat(Excerpt.of("  第一段\n\n第二段\t\t第三段  ", 20)).isEqualTo("第一段 第二段 第三段");
        assertThat(Excerpt.of("\u3000\u3000正文\u00a0第一句。\r\n", 20)).isEqualTo("正文 第一句。");
        assertThat(Excerpt.of("第一段\n\n第二段\n第三段", 6)).isEqualTo("第一段 第…");
    }

    @Test
    void dropsTrailingWhitespaceAndOpeningPunctuationBeforeTheEllipsis() {
        assertThat(Excerpt.of("第一段\n\n第二段", 5)).isEqualTo("第一段…");
        assertThat(Excerpt.of("他说:“今天《人民日报》（海外版）发表了文章", 8)).isEqualTo("他说:“今天…");
        assertThat(Excerpt.of("他说:“今天《人民日报》（海外版）发表了文章", 14)).isEqualTo("他说:“今天《人民日报》…");
        assertThat(Excerpt.of("韩国书法家采风张家界 【图】", 13)).isEqualTo("韩国书法家采风张家界…");
        assertThat(Excerpt.of("千禾味业「渠道开拓」亮眼", 6)).isEqualTo("千禾味业…");
    }

    @Test
    void countsCodePointsNotCharsAgainstTheLimit() {
        String supplementaryHan = "𠀀𠀁𠀂𠀃𠀄𠀅"; // six code points, twelve chars
        assertThat(Excerpt.of(supplementaryHan, 6)).isEqualTo(supplementaryHan);
        assertThat(Excerpt.of(supplementaryHan, 5)).isEqualTo("𠀀𠀁𠀂𠀃…");
    }

    @Test
    void neverSplitsAnEmojiOrASurrogatePair() {
        String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66"; // 👨‍👩‍👧‍👦, 7 code points
        String text = "今天天气很好" + family + "全家出游🇨🇳国旗飘扬";
        assertThat(Excerpt.of(text, 13)).isEqualTo("今天天气很好…");
        assertThat(Excerpt.of(text, 14)).isEqualTo("今天天气很好" + family + "…");
        assertThat(Excerpt.of("出游🇨🇳国旗", 4)).isEqualTo("出游…");
        assertThat(Excerpt.of("出游🇨🇳国旗", 5)).isEqualTo("出游🇨🇳…");
        assertThat(Excerpt.of("点赞👍🏽👍🏽👍🏽", 4)).isEqualTo("点赞…");
        String faces = "😀😃😄😁😆😅🤣😂🙂🙃😉😊😇🥰😍🤩😘😗☺😚😙🥲😋😛"; // 24, all but ☺ outside the BMP
        for (int max = 2; max < 24; max++) {
            assertThat(Excerpt.of(faces, max))
                    .as("at %d", max)
                    .isEqualTo(faces.substring(0, faces.offsetByCodePoints(0, max - 1)) + "…");
        }
    }

    @Test
    void neverSeparatesACombiningMarkFromItsLetter() {
        String decomposed = "Cafe\u0301 de\u0301ja\u0300 vu"; // é and à as e + U+0301, a + U+0300
        assertThat(Excerpt.of(decomposed, 6)).isEqualTo("Cafe\u0301…");
        assertThat(Excerpt.of(decomposed, 10)).isEqualTo("Cafe\u0301…");
        assertThat(Excerpt.of(decomposed, 12)).isEqualTo("Cafe\u0301…");
        assertThat(Excerpt.of(decomposed, 13)).isEqualTo("Cafe\u0301 de\u0301ja\u0300…");
        assertThat(Excerpt.of(decomposed, 5)).as("a word longer than the limit").isEqualTo("Caf…");
        assertThat(Excerpt.of("我看见了e\u0301\u0301\u0301很好", 7)).isEqualTo("我看见了…");
    }

    @Test
    void cutsAnOverlongFirstUrlAtAGraphemeBoundaryRatherThanReturningNothing() {
        String url = "https://www.example.com/news/2023/08/28/a-very-long-article-slug.html 称";
        assertThat(Excerpt.of(url, 20)).isEqualTo("https://www.example…");
        assertThat(Excerpt.of("（" + url, 10)).isEqualTo("（https://…");
        assertThat(Excerpt.of("Supercalifragilisticexpialidocious", 8)).isEqualTo("Superca…");
    }

    @Test
    void givesOnlyTheEllipsisWhenTheFirstGraphemeAloneExceedsTheLimit() {
        String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66";
        assertThat(Excerpt.of(family + family, 3)).isEqualTo("…");
        assertThat(Excerpt.of(family + family, 8)).isEqualTo(family + "…");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 0, -1, Integer.MIN_VALUE})
    void refusesALimitBelowTwo(int maxChars) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Excerpt.of("正文", maxChars))
                .withMessageContaining("maxChars must be at least 2")
                .withMessageContaining(String.valueOf(maxChars));
    }

    @Test
    void givesAnEmptyExcerptForNullOrBlankText() {
        assertThat(Excerpt.of(null, 30)).isEmpty();
        assertThat(Excerpt.of(" \n\t\u3000 ", 30)).isEmpty();
        assertThat(Excerpt.of("", 2)).isEmpty();
    }

    @Test
    void handlesTheSmallestLimit() {
        assertThat(Excerpt.of("证券", 2)).isEqualTo("证券");
        assertThat(Excerpt.of("证券交易", 2)).isEqualTo("证…");
    }

    @Test
    void excerptsAMillionCharacterArticle() {
        String article = ZHOUMING.repeat(20_000); // about 1.3 million chars
        assertThat(Excerpt.of(article, 30)).isEqualTo("截至2023年8月25日收盘,洲明科技(300232)报收…");
    }

    @Test
    void everySeedPageLineAtEveryLimitIsAPrefixCutOutsideNumbersAndWords() throws IOException {
        Path seed = shared().resolve("reference/seed-page.txt");
        Assumptions.assumeTrue(Files.isRegularFile(seed), "../shared corpus not present (a user's clone): skipped");
        List<String> lines = Files.readAllLines(seed, StandardCharsets.UTF_8);
        List<String> problems = new ArrayList<>();
        for (String line : lines) {
            for (int max = 2; max <= 60; max++) {
                String excerpt = Excerpt.of(line, max);
                problems.addAll(contractBreaches(line, max, excerpt));
                if (excerpt.endsWith(Excerpt.ELLIPSIS)) {
                    String kept = excerpt.substring(0, excerpt.length() - 1);
                    String rest = folded(line).substring(kept.length());
                    // the one allowed exception: a first run longer than the limit ("2023-08-29", a URL) is cut
                    boolean withinFirstRun = !kept.contains(" ") && !HAN.matcher(kept).find();
                    if (startsInsideRun(kept, rest) && !withinFirstRun) {
                        problems.add("cut inside a number or word at %d: [%s|%s]".formatted(max, kept, rest));
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void naughtyStringsComeOutAsAPrefixWithinTheLimit() throws IOException {
        Path blns = shared().resolve("corpus/naughty-strings/blns.txt");
        Assumptions.assumeTrue(
                Files.isDirectory(blns.getParent()), "../shared corpus not present (a user's clone): skipped");
        List<String> lines = Files.readAllLines(blns, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.startsWith("#") && !line.isEmpty())
                .toList();
        assertThat(lines).hasSizeGreaterThan(400);
        List<String> problems = new ArrayList<>();
        for (String line : lines) {
            for (int max : new int[] {2, 3, 5, 8, 13, 30, 36, 100}) {
                try {
                    problems.addAll(contractBreaches(line, max, Excerpt.of(line, max)));
                } catch (RuntimeException e) {
                    problems.add("threw %s at %d for [%s]".formatted(e, max, line));
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /** The contract for any input: a prefix of the folded text, at a grapheme boundary, plus "…" when cut. */
    private static List<String> contractBreaches(String input, int max, String excerpt) {
        String folded = folded(input);
        String where = " at %d: [%s] from [%s]".formatted(max, excerpt, input);
        List<String> breaches = new ArrayList<>();
        if (codePoints(excerpt) > max) {
            breaches.add("too long" + where);
        }
        if (codePoints(folded) <= max) {
            if (!excerpt.equals(folded)) {
                breaches.add("not whole although it fits" + where);
            }
            return breaches;
        }
        if (!excerpt.endsWith(Excerpt.ELLIPSIS)) {
            breaches.add("cut without ellipsis" + where);
            return breaches;
        }
        String kept = excerpt.substring(0, excerpt.length() - 1);
        if (!folded.startsWith(kept)) {
            breaches.add("not a prefix of the folded input" + where);
        } else if (!isGraphemeBoundary(folded, kept.length())) {
            breaches.add("cut inside a grapheme" + where);
        }
        return breaches;
    }

    /** Folding as the contract states it, written independently of the implementation. */
    private static String folded(String text) {
        return WHITESPACE_RUN.matcher(text).replaceAll(" ").replaceAll("^ | $", "");
    }

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Pattern WHITESPACE_RUN = Pattern.compile("\\p{IsWhite_Space}+");
    private static final Pattern ENDS_IN_RUN = Pattern.compile("(?:[A-Za-z0-9]|[0-9][.,:])$");
    private static final Pattern STARTS_RUN = Pattern.compile("^(?:[A-Za-z0-9]|[.,:][0-9])");
    private static final Pattern ENDS_IN_NUMBER = Pattern.compile("[0-9]$");
    private static final Pattern STARTS_NUMBER_SUFFIX = Pattern.compile("^[%万亿]");

    /** An oracle independent of the implementation: kept|rest splits letters/digits, a decimal, a % or 亿. */
    private static boolean startsInsideRun(String kept, String rest) {
        return (ENDS_IN_RUN.matcher(kept).find() && STARTS_RUN.matcher(rest).find())
                || (ENDS_IN_NUMBER.matcher(kept).find()
                        && STARTS_NUMBER_SUFFIX.matcher(rest).find());
    }

    private static boolean isGraphemeBoundary(String text, int index) {
        BreakIterator graphemes = BreakIterator.getCharacterInstance(Locale.ROOT);
        graphemes.setText(text);
        return graphemes.isBoundary(index);
    }

    private static int codePoints(String s) {
        return s.codePointCount(0, s.length());
    }

    private static Path shared() {
        return Path.of(System.getProperty("masthead.shared", "../shared"));
    }
}
