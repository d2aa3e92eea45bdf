package org.masthead.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.ibm.icu.text.FilteredNormalizer2;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.UnicodeSet;
import com.ibm.icu.text.Transliterator;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChineseFoldingCharFilterTest {

    private static final Normalizer2 NFKC_BUT_FULL_WIDTH_COMMA =
            new FilteredNormalizer2(Normalizer2.getNFKCInstance(), new UnicodeSet("[^\\uFF0C]"));

    @Test
    void foldsBothTraditionalSpellingsOfTaiwanToTheSimplifiedOne() {
        assertThat(ChineseFoldingCharFilter.simplified("臺灣")).isEqualTo("台湾");
        assertThat(ChineseFoldingCharFilter.simplified("台灣")).isEqualTo("台湾");
        assertThat(ChineseFoldingCharFilter.simplified("台湾")).isEqualTo("台湾");
    }

    @Test
    void foldsAHeadlineCharacterByCharacterAndKeepsPunctuationAndLatin() {
        assertThat(ChineseFoldingCharFilter.simplified("證券交易印花稅今起減半徵收，醫療ETF(512170)放量"))
                .isEqualTo("证券交易印花税今起减半征收，医疗ETF(512170)放量");
    }

    @Test
    void usesIcusPhraseRulesWhereACharacterTableWouldBeWrong() {
        // 著 alone is the Traditional form of 着, but 著名 (famous) is 著名 in Simplified too.
        assertThat(ChineseFoldingCharFilter.simplified("著")).isEqualTo("着");
        assertThat(ChineseFoldingCharFilter.simplified("著名的藝術家")).isEqualTo("著名的艺术家");
        // 餘 is 余 in 餘額 (balance).
        assertThat(ChineseFoldingCharFilter.simplified("帳戶餘額")).isEqualTo("帐户余额");
    }

    @Test
    void leavesSimplifiedTextAsItIs() {
        String simplified = "宝山教育高质量发展推进会召开,重磅发布三大专项方案";

        assertThat(ChineseFoldingCharFilter.simplified(simplified)).isSameAs(simplified);
    }

    @Test
    void correctsOffsetsWhereTheSimplifiedFormIsOutsideTheBmp() throws IOException {
        // 㠣 (U+3823, one char) becomes 𫵷 (U+2BD77, a surrogate pair): the output is one char longer.
        ChineseFoldingCharFilter filter = new ChineseFoldingCharFilter(new StringReader("㠣台灣"));

        assertThat(readAll(filter)).isEqualTo("𫵷台湾");
        assertThat(filter.correctOffset(0)).isEqualTo(0);
        assertThat(filter.correctOffset(2)).isEqualTo(1); // after 𫵷: after 㠣
        assertThat(filter.correctOffset(4)).isEqualTo(3); // the end
    }

    @Test
    void readsInSmallBuffers() throws IOException {
        ChineseFoldingCharFilter filter = new ChineseFoldingCharFilter(new StringReader("新浪娛樂訊據臺灣媒體報道"));
        StringBuilder out = new StringBuilder();
        char[] buffer = new char[3];
        for (int n; (n = filter.read(buffer, 0, buffer.length)) != -1; ) {
            out.append(buffer, 0, n);
        }

        assertThat(out).hasToString("新浪娱乐讯据台湾媒体报道");
    }

    @Test
    void foldsFullWidthLettersDigitsAndPunctuationWithoutMovingOffsets() {
        ChineseFoldingCharFilter.Folded folded = ChineseFoldingCharFilter.fold("韩流组合ＪＹＪ成员（１９９７年）：");

        assertThat(folded.text()).isEqualTo("韩流组合JYJ成员(1997年):");
        assertThat(folded.origin()).isNull();
    }

    @Test
    void leavesTheFullWidthCommaForTheSegmentersSake() {
        assertThat(ChineseFoldingCharFilter.fold("据台湾媒体报道，ＪＹＪ").text()).isEqualTo("据台湾媒体报道，JYJ");
    }

    @Test
    void foldsTraditionalFullWidthTextBothWays() {
        assertThat(ChineseFoldingCharFilter.fold("臺灣（ＡＰ）").text()).isEqualTo("台湾(AP)");
    }

    @Test
    void correctsOffsetsWhereNfkcExpandsACharacter() throws IOException {
        // ㈱ (one char) is (株) (three): the chars after it are two further on in the output.
        ChineseFoldingCharFilter filter = new ChineseFoldingCharFilter(new StringReader("新浪㈱公司"));

        assertThat(readAll(filter)).isEqualTo("新浪(株)公司");
        assertThat(filter.correctOffset(2)).isEqualTo(2); // ( starts where ㈱ starts
        assertThat(filter.correctOffset(3)).isEqualTo(2); // 株 is inside ㈱: its start
        assertThat(filter.correctOffset(5)).isEqualTo(3); // 公 after ㈱
        assertThat(filter.correctOffset(7)).isEqualTo(5); // the end
    }

    @Test
    void correctsOffsetsWhereNfkcJoinsCharacters() throws IOException {
        // e + combining acute (two chars) compose to é (one); half-width ｶ + ﾞ to ガ.
        ChineseFoldingCharFilter filter = new ChineseFoldingCharFilter(new StringReader("cafe\u0301 ｶﾞｲﾄﾞ"));

        assertThat(readAll(filter)).isEqualTo("café ガイド");
        assertThat(filter.correctOffset(4)).isEqualTo(5); // the space
        assertThat(filter.correctOffset(6)).isEqualTo(8); // イ after ｶﾞ
        assertThat(filter.correctOffset(9)).isEqualTo(12); // the end
    }

    @Test
    void normalizesNaughtyStringsAsNfkcDoesWithOffsetsInOrder() throws IOException {
        Path blns = Path.of(System.getProperty("masthead.shared", "../shared"), "corpus/naughty-strings/blns.txt");
        assumeTrue(Files.isReadable(blns), "../shared corpus not present (a user's clone): skipped");
        Normalizer2 nfkc = NFKC_BUT_FULL_WIDTH_COMMA;
        int checked = 0;
        for (String line : Files.readAllLines(blns, StandardCharsets.UTF_8)) {
            ChineseFoldingCharFilter.Folded folded = ChineseFoldingCharFilter.nfkc(line);
            assertThat(folded.text()).as(line).isEqualTo(nfkc.normalize(line));
            if (folded.origin() != null) {
                assertThat(folded.origin()).as(line).hasSize(folded.text().length() + 1).isSorted();
                assertThat(folded.origin()[folded.text().length()]).isEqualTo(line.length());
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(500);
    }

    /**
     * fold() transliterates run of Han characters by run; that equals transliterating the whole text
     * only while no rule reads anything but Han characters. This reads ICU's rules and checks it, so an
     * ICU upgrade that breaks it fails here.
     */
    @Test
    void everyIcuRuleReadsHanCharactersOnly() {
        String rules = Transliterator.getInstance("Traditional-Simplified").toRules(false);
        Pattern rule = Pattern.compile("^\\s*([^:#>;]+?)\\s*>", Pattern.MULTILINE);
        List<String> offending = new ArrayList<>();
        int count = 0;
        for (Matcher m = rule.matcher(rules); m.find(); count++) {
            String left = unescape(m.group(1));
            if (!left.codePoints().allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
                offending.add(m.group(0));
            }
        }

        assertThat(count).as("rules read").isGreaterThan(3000);
        assertThat(offending).isEmpty();
    }

    @Test
    void sendsOnlyRunsWithACharacterSomeRuleChangesToTheTransliterator() {
        assertThat(ChineseFoldingCharFilter.changes('臺')).isTrue();
        assertThat(ChineseFoldingCharFilter.changes('祇')).as("changed only in phrases: 祇要 → 只要").isTrue();
        assertThat(ChineseFoldingCharFilter.changes('一')).as("read by phrase rules, changed by none").isFalse();
        assertThat(ChineseFoldingCharFilter.simplified("祇要")).isEqualTo("只要");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cityu_test.utf8", "pku_test.utf8"})
    void foldsBakeoffTextLikeIcuFoldsTheWholeText(String file) throws IOException {
        Path test = Path.of(System.getProperty("masthead.shared", "../shared"), "corpus/icwb2-data/testing", file);
        assumeTrue(Files.isReadable(test), "../shared corpus not present (a user's clone): skipped");
        String text = Files.readString(test, StandardCharsets.UTF_8);

        assertThat(ChineseFoldingCharFilter.simplified(text))
                .isEqualTo(Transliterator.getInstance("Traditional-Simplified").transliterate(text));
        assertThat(ChineseFoldingCharFilter.nfkc(text).text()).isEqualTo(NFKC_BUT_FULL_WIDTH_COMMA.normalize(text));
    }

    private static String unescape(String s) {
        Matcher m = Pattern.compile("\\\\u([0-9a-fA-F]{4})|\\\\U([0-9a-fA-F]{8})|\\\\(.)").matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = m.group(1) != null
                    ? String.valueOf((char) Integer.parseInt(m.group(1), 16))
                    : m.group(2) != null ? Character.toString(Integer.parseInt(m.group(2), 16)) : m.group(3);
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        return m.appendTail(out).toString().strip();
    }

    private static String readAll(Reader reader) throws IOException {
        StringBuilder out = new StringBuilder();
        char[] buffer = new char[1024];
        for (int n; (n = reader.read(buffer)) != -1; ) {
            out.append(buffer, 0, n);
        }
        return out.toString();
    }
}
