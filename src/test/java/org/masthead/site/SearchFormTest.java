package org.masthead.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.masthead.search.SearchQuery;

class SearchFormTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static SearchForm form(String q, String channel, String source, String tag, String from, String to, String sort, String page) {
        return new SearchForm(q, channel, source, tag, from, to, sort, page);
    }

    private static SearchForm query(String q) {
        return form(q, null, null, null, null, null, null, null);
    }

    @Test
    void turnsTheParametersIntoAQueryWithWholeDaysInTheSiteZone() {
        SearchForm.Checked checked = form(" 金庸 ", "娱乐", "新京报", "精选", "2018-10-01", "2018-10-31", "time", "3").check(SHANGHAI, 10);
        assertThat(checked.problems()).isEmpty();
        SearchQuery q = checked.query();
        assertThat(q.text()).isEqualTo("金庸");
        assertThat(q.channel()).isEqualTo("娱乐");
        assertThat(q.source()).isEqualTo("新京报");
        assertThat(q.tag()).isEqualTo("精选");
        assertThat(q.from()).isEqualTo(Instant.parse("2018-09-30T16:00:00Z"));
        assertThat(q.to()).isEqualTo(Instant.parse("2018-10-31T15:59:59.999Z"));
        assertThat(q.order()).isEqualTo(SearchQuery.Order.TIME);
        assertThat(q.page()).isEqualTo(3);
        assertThat(q.size()).isEqualTo(10);
    }

    @Test
    void blankParametersAreAbsentAndNoQueryIsNoSearchAndNoProblem() {
        SearchForm empty = form("  ", "", " ", "", "", "", "", "");
        assertThat(empty.hasQuery()).isFalse();
        assertThat(empty.hasFilters()).isFalse();
        SearchForm.Checked checked = empty.check(SHANGHAI, 10);
        assertThat(checked.query()).isNull();
        assertThat(checked.problems()).isEmpty();
        assertThat(empty.url()).isEqualTo("/search");
    }

    @Test
    void reportsEveryProblemAtOnce() {
        SearchForm.Checked checked = form("字".repeat(201), "x".repeat(101), null, null, "2018-13-01", "yesterday", "popular", "0").check(SHANGHAI, 10);
        assertThat(checked.query()).isNull();
        assertThat(checked.problems()).extracting(SearchForm.Problem::field).containsExactly("q", "channel", "from", "to", "sort", "page");
        assertThat(checked.problems().getFirst().key()).isEqualTo("search.error.tooLong");
        assertThat(checked.problems().getFirst().args()).containsExactly(200, 201);
    }

    @Test
    void countsCharactersNotUtf16UnitsAgainstTheLimit() {
        assertThat(query("😀".repeat(200)).check(SHANGHAI, 10).problems()).isEmpty();
        assertThat(query("😀".repeat(201)).check(SHANGHAI, 10).problems()).extracting(SearchForm.Problem::key).containsExactly("search.error.tooLong");
    }

    @Test
    void refusesTextWithNothingToSearchAndAnEndBeforeTheStart() {
        assertThat(query("\u0001\u0002").check(SHANGHAI, 10).problems()).extracting(SearchForm.Problem::key).containsExactly("search.error.nothing");
        assertThat(form("金庸", null, null, null, "2018-11-01", "2018-10-01", null, null).check(SHANGHAI, 10).problems())
                .extracting(SearchForm.Problem::key).containsExactly("search.error.toBeforeFrom");
    }

    @Test
    void refusesPagesOutsideOneToAHundred() {
        for (String page : new String[] {"0", "101", "-1", "abc", "1.5", "99999999999"}) {
            assertThat(query("金庸").withPage(1).check(SHANGHAI, 10).problems()).isEmpty();
            assertThat(form("金庸", null, null, null, null, null, null, page).check(SHANGHAI, 10).problems()).as(page)
                    .extracting(SearchForm.Problem::key).containsExactly("search.error.page");
        }
        assertThat(form("金庸", null, null, null, null, null, null, "100").check(SHANGHAI, 10).query().page()).isEqualTo(100);
    }

    @Test
    void writesOneAddressPerSearchWithEveryValueEncodedWhole() {
        SearchForm f = form("C++ & \"a=b\" #1 50%", null, "新京报", null, null, null, "relevance", "1");
        String url = f.url();
        assertThat(url).isEqualTo("/search?q=C%2B%2B+%26+%22a%3Db%22+%231+50%25&source=%E6%96%B0%E4%BA%AC%E6%8A%A5");
        assertThat(parameters(url)).containsExactly(Map.entry("q", "C++ & \"a=b\" #1 50%"), Map.entry("source", "新京报"));
    }

    @Test
    void narrowingOrChangingTheSearchGoesBackToItsFirstPage() {
        SearchForm f = form("金庸", null, null, null, null, null, "time", "4");
        assertThat(f.url()).isEqualTo("/search?q=%E9%87%91%E5%BA%B8&sort=time&page=4");
        assertThat(parameters(f.withChannel("娱乐").url())).containsExactly(Map.entry("q", "金庸"), Map.entry("channel", "娱乐"), Map.entry("sort", "time"));
        assertThat(parameters(f.withQuery("金庸小说").url())).doesNotContainKey("page");
        assertThat(parameters(f.withPage(5).url())).containsEntry("page", "5");
        assertThat(parameters(f.withPage(1).url())).doesNotContainKey("page");
        assertThat(parameters(f.withSort(null).url())).containsExactly(Map.entry("q", "金庸"));
    }

    @Test
    void showsOnlyValidDatesInTheDateFields() {
        SearchForm f = form("金庸", null, null, null, "2018-10-01", "2018-02-30", null, null);
        assertThat(f.validDate(f.from())).isEqualTo("2018-10-01");
        assertThat(f.validDate(f.to())).isNull();
        assertThat(f.validDate("2018-10-01T08:00:00+08:00")).isNull();
    }

    @Test
    void quotesLongValuesByTheirStart() {
        assertThat(SearchForm.abbreviate("短")).isEqualTo("短");
        assertThat(SearchForm.abbreviate("字".repeat(100))).isEqualTo("字".repeat(40) + "…");
        assertThat(SearchForm.abbreviate("😀".repeat(41))).isEqualTo("😀".repeat(40) + "…");
    }

    @Test
    void pageNumbersShowBothEndsAndTwoEitherSideOfTheCurrentOne() {
        assertThat(SearchPage.pageWindow(1, 1)).isEmpty();
        assertThat(SearchPage.pageWindow(1, 5)).containsExactly(1, 2, 3, 4, 5);
        assertThat(SearchPage.pageWindow(1, 10)).containsExactly(1, 2, 3, 0, 10);
        assertThat(SearchPage.pageWindow(6, 10)).containsExactly(1, 0, 4, 5, 6, 7, 8, 9, 10);
        assertThat(SearchPage.pageWindow(50, 100)).containsExactly(1, 0, 48, 49, 50, 51, 52, 0, 100);
        assertThat(SearchPage.pageWindow(100, 100)).containsExactly(1, 0, 98, 99, 100);
    }

    @Test
    void showsTypedTextWithoutCharactersHtmlMayNotHold() {
        assertThat(SearchPageController.shown("a\u0000b\u0007c\u007f\u0085d\uFFFEe\uFDD0f\uD800g")).isEqualTo("a b c  d e f g");
        assertThat(SearchPageController.shown("<script>“引号”😀\t")).isEqualTo("<script>“引号”😀 ");
    }

    @Test
    void theEtagOfASearchPageLeavesOutOnlyTheTime() {
        byte[] a = "<p>共 3 篇 <span class=\"took\">（用时 4 毫秒）</span></p>".getBytes(StandardCharsets.UTF_8);
        byte[] b = "<p>共 3 篇 <span class=\"took\">（用时 17 毫秒）</span></p>".getBytes(StandardCharsets.UTF_8);
        byte[] c = "<p>共 4 篇 <span class=\"took\">（用时 4 毫秒）</span></p>".getBytes(StandardCharsets.UTF_8);
        assertThat(SearchPageCaching.withoutTook(a)).isEqualTo(SearchPageCaching.withoutTook(b))
                .isEqualTo("<p>共 3 篇 <span class=\"took\"></span></p>".getBytes(StandardCharsets.UTF_8));
        assertThat(SearchPageCaching.withoutTook(c)).isNotEqualTo(SearchPageCaching.withoutTook(a));
        byte[] none = "<p>no time</p>".getBytes(StandardCharsets.UTF_8);
        assertThat(SearchPageCaching.withoutTook(none)).isSameAs(none);
    }

    private static Map<String, String> parameters(String url) {
        Map<String, String> out = new LinkedHashMap<>();
        String query = URI.create(url).getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                out.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
