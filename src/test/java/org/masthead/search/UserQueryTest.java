package org.masthead.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.masthead.search.UserQuery.Part;

class UserQueryTest {

    @Test
    void splitsWordsPhrasesAndExclusions() {
        UserQuery q = UserQuery.parse("金庸 \"笑傲江湖 剧组\" -李亚鹏 -\"射雕 英雄\"");
        assertThat(q.parts()).containsExactly(
                new Part("金庸", false, false),
                new Part("笑傲江湖 剧组", true, false),
                new Part("李亚鹏", false, true),
                new Part("射雕 英雄", true, true));
        assertThat(q.truncated()).isFalse();
        assertThat(q.toText()).isEqualTo("金庸 \"笑傲江湖 剧组\" -李亚鹏 -\"射雕 英雄\"");
    }

    @Test
    void chineseAndFullWidthQuotationMarksMakePhrases() {
        assertThat(UserQuery.parse("“人工 智能”").parts()).containsExactly(new Part("人工 智能", true, false));
        assertThat(UserQuery.parse("「人工 智能」").parts()).containsExactly(new Part("人工 智能", true, false));
        assertThat(UserQuery.parse("＂人工 智能＂ －广告").parts()).containsExactly(new Part("人工 智能", true, false), new Part("广告", false, true));
    }

    @Test
    void anUnbalancedQuoteRunsToTheEnd() {
        assertThat(UserQuery.parse("金庸 \"笑傲 江湖").parts()).containsExactly(new Part("金庸", false, false), new Part("笑傲 江湖", true, false));
        assertThat(UserQuery.parse("\"").parts()).isEmpty();
        assertThat(UserQuery.parse("\"\" -").parts()).containsExactly(new Part("-", false, false));
    }

    @Test
    void aHyphenInsideAWordIsText() {
        assertThat(UserQuery.parse("COVID-19 中美-贸易").parts()).containsExactly(new Part("COVID-19", false, false), new Part("中美-贸易", false, false));
        assertThat(UserQuery.parse("a - b").parts()).extracting(Part::text).containsExactly("a", "-", "b");
    }

    @Test
    void syntaxCharactersOfQueryLanguagesAreJustText() {
        List<Part> parts = UserQuery.parse("title:(a OR b)* AND +c~2 ^3 \\ [x TO y]").parts();
        assertThat(parts).allMatch(p -> !p.phrase() && !p.excluded());
        assertThat(parts).extracting(Part::text).containsExactly("title:(a", "OR", "b)*", "AND", "+c~2", "^3", "\\", "[x", "TO", "y]");
    }

    @Test
    void controlAndFormatCharactersCountAsSpaces() {
        assertThat(UserQuery.parse("金庸\u0000逝世\u202e\u200b北京\r\n上海\u2028广州").parts()).extracting(Part::text)
                .containsExactly("金庸", "逝世", "北京", "上海", "广州");
    }

    @Test
    void emojiStayText() {
        assertThat(UserQuery.parse("😀 熊猫🐼").parts()).extracting(Part::text).containsExactly("😀", "熊猫🐼");
    }

    @Test
    void refusesEmptyAndOverlongInputWithAMessage() {
        assertThatThrownBy(() -> UserQuery.parse(null)).hasMessage("q: enter at least one word to search for");
        assertThatThrownBy(() -> UserQuery.parse(" \t\u0000\u200b ")).hasMessage("q: enter at least one word to search for");
        assertThatThrownBy(() -> UserQuery.parse("字".repeat(10_000))).hasMessage("q: at most 200 characters (this one has 10000)");
        assertThat(UserQuery.parse("字".repeat(200)).parts()).hasSize(1);
        // Characters, not UTF-16 units: 200 emoji are 400 chars in Java but 200 characters.
        assertThat(UserQuery.parse("😀".repeat(200)).parts()).hasSize(1);
    }

    @Test
    void keepsTheFirst32WordsAndSaysSo() {
        UserQuery q = UserQuery.parse("词 ".repeat(40));
        assertThat(q.parts()).hasSize(UserQuery.MAX_PARTS);
        assertThat(q.truncated()).isTrue();
    }
}
