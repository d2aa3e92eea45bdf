package org.masthead.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.masthead.article.RevisionDiff.Segment;
import org.masthead.article.RevisionDiff.Segment.Kind;

class TextDiffTest {

    @Test
    void comparesChineseCharacterByCharacterAndJoinsAChangeSplitByOneKeptCharacter() {
        assertThat(text(TextDiff.segments("市区道路将于周末进行养护施工", "市区道路将于下周进行养护施工")))
                .isEqualTo("市区道路将于[-周末-]{+下周+}进行养护施工");
        assertThat(text(TextDiff.segments("台南市政府", "台南县政府"))).isEqualTo("台南[-市-]{+县+}政府");
    }

    @Test
    void comparesLatinTextAndNumbersWordByWord() {
        assertThat(TextDiff.tokens("2023年Apple发布iPhone 15")).containsExactly("2023", "年", "Apple", "发", "布", "iPhone", " ", "15");
        assertThat(text(TextDiff.segments("2023年预算为15亿元", "2024年预算为15亿元"))).isEqualTo("[-2023-]{+2024+}年预算为15亿元");
        assertThat(text(TextDiff.segments("the quick fox", "the slow fox"))).isEqualTo("the [-quick-]{+slow+} fox");
    }

    @Test
    void keepsLongKeptRunsBetweenChangesAndLinesApart() {
        List<Segment> segments = TextDiff.segments("第一段。\n第二段有错字。", "第一段落。\n第二段有别字。");
        assertThat(text(segments)).isEqualTo("第一段{+落+}。\n第二段有[-错-]{+别+}字。");
        assertThat(segments).extracting(Segment::kind).containsExactly(Kind.EQUAL, Kind.INSERT, Kind.EQUAL, Kind.DELETE, Kind.INSERT, Kind.EQUAL);
    }

    @Test
    void identicalTextsAreOneKeptRunAndEmptyOnesNothing() {
        assertThat(TextDiff.segments("相同", "相同")).containsExactly(new Segment(Kind.EQUAL, "相同"));
        assertThat(TextDiff.segments("", "")).isEmpty();
        assertThat(TextDiff.segments("", "新增")).containsExactly(new Segment(Kind.INSERT, "新增"));
    }

    private static String text(List<Segment> segments) {
        return new RevisionDiff(1, 1, 2, List.of(new RevisionDiff.FieldChange("f", "", "", segments))).asText().replaceFirst("^f:\n", "").strip();
    }
}
