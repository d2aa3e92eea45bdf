package org.masthead.ads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdRulesTest {

    private static Creative creative(long id, int weight) {
        return new Creative(id, 1, CreativeKind.TEXT, "广告" + id, null, null, null, weight, null, null, true);
    }

    @Test
    void eachTicketFallsInTheShareOfExactlyOneCreativeInProportionToItsWeight() {
        List<Creative> creatives = List.of(creative(1, 3), creative(2, 1), creative(3, 2));
        assertThat(AdSlots.totalWeight(creatives)).isEqualTo(6);
        assertThat(List.of(0L, 1L, 2L, 3L, 4L, 5L).stream().map(t -> AdSlots.choose(creatives, t).id()).toList()).containsExactly(1L, 1L, 1L, 2L, 3L, 3L);
        assertThatThrownBy(() -> AdSlots.choose(creatives, 6)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCreativeShowsFromItsStartUntilBeforeItsEndAndOnlyWhenActive() {
        Instant start = Instant.parse("2026-12-01T00:00:00Z");
        Instant end = Instant.parse("2026-12-08T00:00:00Z");
        Creative c = new Creative(1, 1, CreativeKind.TEXT, "双十二", null, null, null, 1, start, end, true);
        assertThat(c.showsAt(start.minusMillis(1))).isFalse();
        assertThat(c.showsAt(start)).isTrue();
        assertThat(c.showsAt(end.minusMillis(1))).isTrue();
        assertThat(c.showsAt(end)).isFalse();
        assertThat(new Creative(1, 1, CreativeKind.TEXT, "停", null, null, null, 1, null, null, false).showsAt(start)).isFalse();
    }

    @Test
    void linksAreHttpOrPathsOnThisSiteAndNothingElse() {
        assertThat(AdEditing.url(" https://shop.example.cn/秋季?a=1 ", "ad.error.link")).isEqualTo("https://shop.example.cn/秋季?a=1");
        assertThat(AdEditing.url("/contact", "ad.error.link")).isEqualTo("/contact");
        assertThat(AdEditing.url("  ", "ad.error.link")).isNull();
        for (String bad : List.of("javascript:alert(1)", "//evil.example/", "/\\evil.example", "data:text/html,x", "ftp://x.example/", "https://", "shop.example.cn")) {
            assertThatThrownBy(() -> AdEditing.url(bad, "ad.error.link")).as(bad).isInstanceOfSatisfying(AdRefused.class,
                    e -> assertThat(e.key()).isEqualTo("ad.error.link"));
        }
    }

    @Test
    void htmlAdsKeepTheBodyAllowlistAndLoseTheirOwnLinks() {
        assertThat(AdEditing.adHtml("<div style=\"x\" onclick=\"y()\"><p>秋季<a href=\"https://evil.example/\">大促</a></p><script>y()</script>"
                + "<iframe src=\"https://evil.example/\"></iframe><img src=\"https://img.example.cn/a.png\" alt=\"图\"></div>"))
                .isEqualTo("<div><p>秋季大促</p><img src=\"https://img.example.cn/a.png\" alt=\"图\" loading=\"lazy\"></div>");
        assertThatThrownBy(() -> AdEditing.adHtml("<script>only()</script>")).isInstanceOfSatisfying(AdRefused.class,
                e -> assertThat(e.key()).isEqualTo("ad.error.html.empty"));
    }

    @Test
    void aDraftIsRefusedForAMissingImageAWeightOutOfRangeOrAWindowThatEndsBeforeItStarts() {
        Instant t = Instant.parse("2026-12-01T00:00:00Z");
        assertThat(refusal(new CreativeDraft(1, CreativeKind.IMAGE, "图", "https://a.example/", null, null, 1, null, null))).isEqualTo("ad.error.image.missing");
        assertThat(refusal(new CreativeDraft(1, CreativeKind.TEXT, "字", null, null, null, 0, null, null))).isEqualTo("ad.error.weight");
        assertThat(refusal(new CreativeDraft(1, CreativeKind.TEXT, "字", null, null, null, 1001, null, null))).isEqualTo("ad.error.weight");
        assertThat(refusal(new CreativeDraft(1, CreativeKind.TEXT, " ", null, null, null, 1, null, null))).isEqualTo("ad.error.title");
        assertThat(refusal(new CreativeDraft(1, CreativeKind.TEXT, "字", null, null, null, 1, t, t))).isEqualTo("ad.error.window");
        CreativeDraft text = AdEditing.checked(new CreativeDraft(1, CreativeKind.TEXT, " 字 ", null, "https://img.example/x.png", "<p>x</p>", null, null, null));
        assertThat(text.title()).isEqualTo("字");
        assertThat(text.imageUrl()).as("a text ad keeps no image").isNull();
        assertThat(text.html()).isNull();
        assertThat(text.weight()).isEqualTo(1);
    }

    private static String refusal(CreativeDraft draft) {
        try {
            AdEditing.checked(draft);
            return null;
        } catch (AdRefused e) {
            return e.key();
        }
    }
}
