package org.masthead.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.masthead.TestSites;
import org.masthead.search.SearchIndex;
import org.masthead.search.SearchIndexing;
import org.masthead.search.SinaSample;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public search page over 300 real Sina articles (../shared/corpus/sina-news-2018) and two hostile
 * ones, through HTTP: highlighted results, filters and facets, pagination, did you mean, the empty form,
 * refused input (400, never 500), every payload and naughty string as a query, caching, and the search
 * box in the header of other pages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"masthead.site.name=报头新闻", "masthead.views.flush-interval=1h"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchPageIT {

    private static final Logger log = LoggerFactory.getLogger(SearchPageIT.class);
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    /** In the title and body of the hostile articles: a word no Sina article has. */
    private static final String HOSTILE_WORD = "蝾螈警报";
    private static final String HOSTILE_TITLE = "<script>alert('title')</script>" + HOSTILE_WORD + " <img src=x onerror=alert(1)> & \"quoted\"";
    private static final String HOSTILE_BODY = "正文" + HOSTILE_WORD + "：</mark><script>alert('body')</script><iframe src=\"javascript:alert(2)\"></iframe>"
            + "<a href=\"javascript:alert(3)\">点这里</a> <svg onload=alert(4)> &lt;b&gt; ' \" `";

    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset");

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    SearchIndexing indexing;

    @Autowired
    SearchIndex index;

    private SinaSample sample;
    private int imported;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestSites.useFreshSqlite(registry);
    }

    @BeforeAll
    void importArticles() {
        sample = SinaSample.load(40, 300);
        StringBuilder lines = new StringBuilder(sample.ndjson());
        // One hostile article as text (the body is escaped when it enters) and one as HTML (sanitised when it enters).
        for (String format : new String[] {"text", "html"}) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("title", HOSTILE_TITLE);
            a.put("body", HOSTILE_BODY);
            a.put("bodyFormat", format);
            a.put("publishedAt", "2018-11-15T10:00:00+08:00");
            a.put("source", "<b>来源</b>");
            a.put("channel", "测试<i>栏目</i>");
            a.put("originalUrl", "https://example.cn/hostile-" + format);
            lines.append(json.writeValueAsString(a)).append('\n');
        }
        HttpResponse<String> response = TestSites.importAsAdmin(port, lines.toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode results = json.readTree(response.body()).get("results");
        results.forEach(r -> assertThat(r.get("status").asString()).as(r.toString()).isEqualTo("created"));
        imported = results.size();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50))
                .until(() -> indexing.backlog() == 0 && !indexing.reindexing() && index.checksum().count() == imported);
    }

    // ---- results

    @Test
    void findsTheWordAndMarksItInTitlesAndSnippets() {
        Document page = page("/search?q=" + enc("金庸"), 200);
        long expected = containing("金庸");
        assertThat(expected).as("sample articles with 金庸").isGreaterThan(2);
        assertThat(total(page)).isEqualTo(expected);
        assertThat(page.title()).isEqualTo("金庸 — 搜索 — 报头新闻");
        assertThat(page.selectFirst("h1").text()).isEqualTo("「金庸」的搜索结果");
        assertThat(page.select("meta[name=robots]").attr("content")).isEqualTo("noindex,follow");
        assertThat(page.select("link[rel=canonical]").attr("href")).isEqualTo("http://localhost:8080/search?q=%E9%87%91%E5%BA%B8");
        assertThat(page.select("script")).as("no script on a search page").isEmpty();
        assertThat(page.selectFirst("#q").val()).isEqualTo("金庸");
        assertThat(page.selectFirst(".took").text()).matches("（用时(不到 1| \\d+) 毫秒）");
        Element first = page.selectFirst(".hit");
        assertThat(first.select(".hit-title mark, .hit-snippet mark")).isNotEmpty().allSatisfy(m -> assertThat(m.text()).isEqualTo("金庸"));
        assertThat(first.selectFirst(".hit-title").attr("href")).matches("/articles/\\d+");
        assertThat(first.selectFirst("time").attr("datetime")).matches("2018-1[01]-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00");
        assertThat(first.selectFirst(".hit-meta").text()).containsAnyOf(SinaSample.SOURCES.toArray(String[]::new));
    }

    @Test
    void filtersByChannelSourceTagAndDateAndFacetLinksAddTheFilter() {
        Document all = page("/search?q=" + enc("中国"), 200);
        long total = total(all);
        Element facet = all.selectFirst("section[aria-labelledby=facet-channel] li");
        String channel = facet.selectFirst("a").text();
        long count = Long.parseLong(facet.selectFirst(".count").text());
        assertThat(count).isLessThan(total);

        Document narrowed = page(facet.selectFirst("a").attr("href"), 200);
        assertThat(total(narrowed)).isEqualTo(count);
        assertThat(narrowed.select(".hit-meta")).allSatisfy(m -> assertThat(m.text()).contains(channel));
        assertThat(narrowed.selectFirst("#f-channel option[selected]").val()).isEqualTo(channel);
        assertThat(narrowed.selectFirst("details.search-filters").hasAttr("open")).isTrue();
        Element active = narrowed.selectFirst(".active-filters li");
        assertThat(active.text()).startsWith("栏目：" + channel);
        assertThat(total(page(active.selectFirst("a").attr("href"), 200))).as("removing the filter").isEqualTo(total);

        Document bySource = page("/search?q=" + enc("中国") + "&source=" + enc("新京报"), 200);
        assertThat(total(bySource)).isPositive().isLessThan(total);
        assertThat(bySource.select(".hit-meta")).allSatisfy(m -> assertThat(m.text()).contains("新京报"));
        assertThat(bySource.selectFirst("#f-source").val()).isEqualTo("新京报");

        assertThat(total(page("/search?q=" + enc("中国") + "&tag=" + enc("精选"), 200))).isPositive().isLessThan(total);

        Document october = page("/search?q=" + enc("中国") + "&from=2018-10-01&to=2018-10-15&sort=time", 200);
        assertThat(total(october)).isPositive().isLessThan(total);
        List<String> times = october.select(".hit time").eachAttr("datetime");
        assertThat(times).allSatisfy(t -> assertThat(t).isBetween("2018-10-01T00:00:00+08:00", "2018-10-15T23:59:59+08:00"));
        assertThat(times).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(october.selectFirst("#f-from").val()).isEqualTo("2018-10-01");
        assertThat(october.selectFirst("#f-sort option[selected]").val()).isEqualTo("time");
    }

    @Test
    void pagesThroughAllHitsWithPreviousNextAndNumberedLinks() {
        String q = "/search?q=" + enc("中国");
        Document first = page(q, 200);
        long total = total(first);
        assertThat(total).as("more than two pages").isGreaterThan(20);
        assertThat(first.select("a[rel=prev]")).isEmpty();
        assertThat(first.selectFirst(".search-pagination span[aria-current=page]").text()).isEqualTo("1");
        String next = first.selectFirst("a[rel=next]").attr("href");
        assertThat(next).isEqualTo(q + "&page=2");

        Document second = page(next, 200);
        assertThat(second.title()).isEqualTo("中国 — 搜索 — 第2页 — 报头新闻");
        assertThat(second.selectFirst("a[rel=prev]").attr("href")).isEqualTo(q);
        assertThat(second.selectFirst("ol.hits").attr("start")).isEqualTo("11");
        assertThat(second.select("link[rel=canonical]").attr("href")).endsWith(q + "&page=2");

        Set<String> seen = new HashSet<>();
        int pages = (int) Math.min(100, (total + 9) / 10);
        for (int n = 1; n <= pages; n++) {
            Document page = page(q + (n == 1 ? "" : "&page=" + n), 200);
            seen.addAll(page.select(".hit-title").eachAttr("href"));
            assertThat(page.select("a[rel=next]").isEmpty()).as("next link on page " + n).isEqualTo(n == pages);
        }
        assertThat(seen).as("every hit once over all pages").hasSize((int) total);

        Document past = page(q + "&page=" + (pages + 1), 200);
        assertThat(past.selectFirst(".search-empty").text()).contains("这一页没有结果");
        assertThat(past.selectFirst(".search-empty a").attr("href")).isEqualTo(q);
    }

    @Test
    void offersACorrectionThatHasHits() {
        Document page = page("/search?q=" + enc("足球比寒"), 200);
        assertThat(total(page)).isZero();
        assertThat(page.selectFirst(".search-empty").text()).contains("没有找到与「足球比寒」相关的文章");
        Element link = page.selectFirst(".did-you-mean a");
        assertThat(link).as("did you mean").isNotNull();
        Document corrected = page(link.attr("href"), 200);
        assertThat(total(corrected)).isPositive();
        assertThat(corrected.selectFirst("#q").val()).isEqualTo(link.text());
    }

    @Test
    void saysWhichPartOfTheQueryWasNotUsed() {
        Document symbols = page("/search?q=" + enc("金庸 ☃☃"), 200);
        assertThat(symbols.select(".search-notices li").eachText()).containsExactly("部分输入只有符号，没有可搜索的字词，已忽略。");
        assertThat(total(symbols)).isEqualTo(containing("金庸"));
        Document onlyExcluded = page("/search?q=" + enc("-金庸"), 200);
        assertThat(onlyExcluded.select(".search-notices li").eachText()).containsExactly("搜索词里没有可以查找的字词（只有符号，或只有要排除的词）。");
        String many = String.join(" ", java.util.Collections.nCopies(40, "中国"));
        assertThat(page("/search?q=" + enc(many), 200).select(".search-notices li").eachText()).containsExactly("只使用了前 32 个词和短语，后面的没有用上。");
    }

    // ---- the form alone, and refused input

    @Test
    void withoutAQueryShowsTheFormAndHowToUseIt() {
        for (String path : List.of("/search", "/search?q=", "/search?q=+++&channel=&source=&tag=&from=&to=&sort=relevance")) {
            Document page = page(path, 200);
            assertThat(page.selectFirst(".search-hint").text()).contains("用引号搜索整个短语");
            assertThat(page.select(".hit, .search-problems")).isEmpty();
            assertThat(page.title()).isEqualTo("搜索 — 报头新闻");
            assertThat(page.select("link[rel=canonical]").attr("href")).isEqualTo("http://localhost:8080/search");
            assertThat(page.select("meta[name=robots]")).as("the form itself may be indexed").isEmpty();
            assertThat(page.selectFirst("label[for=q]")).isNotNull();
        }
    }

    @Test
    void refusesBadParametersWithTheFormAndAClearMessage() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("/search?q=" + enc("字".repeat(201)), "搜索词最多 200 个字，这次有 201 个");
        cases.put("/search?q=" + enc("字".repeat(3_000)), "这次有 3,000 个");
        cases.put("/search?q=%01%02", "搜索词里没有文字");
        cases.put("/search?q=a&from=2018-13-45", "起始日期「2018-13-45」不是有效的日期");
        cases.put("/search?q=a&to=" + enc("<b>昨天</b>"), "结束日期「<b>昨天</b>」不是有效的日期");
        cases.put("/search?q=a&from=2018-11-01&to=2018-10-01", "结束日期 2018-10-01 早于起始日期 2018-11-01");
        cases.put("/search?q=a&sort=popular", "排序只能按相关度");
        cases.put("/search?q=a&page=abc", "页码应是 1 到 100 之间的整数");
        cases.put("/search?q=a&page=0", "页码应是 1 到 100 之间的整数");
        cases.put("/search?q=a&page=101", "页码应是 1 到 100 之间的整数");
        cases.put("/search?q=a&channel=" + enc("栏".repeat(101)), "筛选条件最多 100 个字");
        cases.put("/search?q=%C0%AE", "编码有误");
        cases.put("/search?q=%E9%87%91%FF", "编码有误");
        cases.forEach((path, message) -> {
            HttpResponse<String> response = get(path, Map.of());
            assertThat(response.statusCode()).as(abbreviate(path)).isEqualTo(400);
            assertThat(response.headers().firstValue("Cache-Control")).as(abbreviate(path)).hasValue("no-store");
            assertThat(response.headers().firstValue("ETag")).isEmpty();
            Document page = Jsoup.parse(response.body());
            assertThat(page.select(".search-problems li").eachText()).as(abbreviate(path)).anySatisfy(t -> assertThat(t).contains(message));
            assertThat(page.selectFirst("form.search-form")).isNotNull();
            assertThat(page.select("meta[name=robots]").attr("content")).isEqualTo("noindex,follow");
            assertThat(page.select("link[rel=canonical]")).isEmpty();
        });
        // Every problem at once, and the valid values kept in the form.
        Document several = Jsoup.parse(get("/search?q=" + enc("金庸") + "&from=2018-02-30&sort=x&source=" + enc("新京报"), Map.of()).body());
        assertThat(several.select(".search-problems li")).hasSize(2);
        assertThat(several.selectFirst("#q").val()).isEqualTo("金庸");
        assertThat(several.selectFirst("#f-source").val()).isEqualTo("新京报");
        assertThat(several.selectFirst("#f-from").hasAttr("value")).as("an invalid date is not put in a date field").isFalse();
    }

    // ---- hostile text

    @Test
    void hostileArticleTextAndQueriesStayText() {
        String query = HOSTILE_WORD + " <script>\"><img src=x onerror=alert(1)>";
        Document page = page("/search?q=" + enc(query), 200);
        assertThat(total(page)).isEqualTo(2);
        assertNoInjectedMarkup(page, query);
        assertThat(page.select(".hit-title")).allSatisfy(t -> assertThat(t.text()).isEqualTo(HOSTILE_TITLE.strip()));
        // The matched words are marked, and what the marks hold is text: no element inside them.
        assertThat(page.select(".hit-title mark").eachText()).contains(HOSTILE_WORD).containsOnly(HOSTILE_WORD, "script", "img src=x onerror=alert(1");
        assertThat(page.select(".hit-snippet")).anySatisfy(s -> assertThat(s.text()).contains("<script>alert('body')</script>"));
        assertThat(page.select(".hit-meta")).allSatisfy(m -> assertThat(m.text()).contains("<b>来源</b>", "测试<i>栏目</i>"));
        assertThat(page.selectFirst("h1").text()).startsWith("「" + HOSTILE_WORD + " <script>\"><img src=x").endsWith("…」的搜索结果");
        assertThat(page.title()).startsWith(HOSTILE_WORD + " <script>");
        // The channel facet links carry the hostile name as an encoded parameter, and it works.
        String facet = page.selectFirst("section[aria-labelledby=facet-channel] a").attr("href");
        assertThat(facet).contains("channel=%E6%B5%8B%E8%AF%95%3Ci%3E");
        assertThat(total(page(facet, 200))).isEqualTo(2);
    }

    /**
     * Every line of payloads-all-the-things and of the Big List of Naughty Strings as {@code q}: 200 or 400,
     * never anything else, and never markup of its own in the page.
     */
    @Test
    void everyPayloadAndNaughtyStringGetsAPageWithoutInjectedMarkup() {
        List<String> lines = hostileLines();
        int ok = 0;
        int refused = 0;
        long slowest = 0;
        for (String line : lines) {
            String path = "/search?q=" + enc(line);
            long started = System.nanoTime();
            HttpResponse<String> response = get(path, Map.of());
            slowest = Math.max(slowest, (System.nanoTime() - started) / 1_000_000);
            assertThat(response.statusCode()).as(abbreviate(path)).isIn(200, 400);
            if (response.statusCode() == 200) {
                ok++;
            } else {
                refused++;
            }
            Document page = Jsoup.parse(response.body());
            assertNoInjectedMarkup(page, line);
        }
        log.info("{} hostile lines as q: {} answered 200, {} answered 400; slowest {} ms", lines.size(), ok, refused, slowest);
        assertThat(ok + refused).isEqualTo(lines.size());
    }

    /**
     * What the page may contain whatever the query: no script, no event handler, no javascript: link, no
     * element the query could have brought (only the page's own two forms and seven fields), inside the
     * highlighted title and snippet only {@code <mark>}, and the query back in the field exactly as typed
     * (controls as spaces), which it could not be if it had broken out of the attribute.
     */
    private static void assertNoInjectedMarkup(Document page, String query) {
        String what = abbreviate(query);
        assertThat(page.select("script, iframe, object, embed, svg, math, style, base, img, video, audio, template, frame, frameset"))
                .as(what).isEmpty();
        assertThat(page.getAllElements()).as(what).allSatisfy(e -> {
            for (Attribute a : e.attributes()) {
                assertThat(a.getKey().toLowerCase()).as(what).doesNotStartWith("on").isNotEqualTo("formaction").isNotEqualTo("style");
                if (URL_ATTRIBUTES.contains(a.getKey().toLowerCase())) {
                    assertThat(a.getValue().strip().toLowerCase()).as(what).doesNotStartWith("javascript:").doesNotStartWith("data:");
                }
            }
        });
        assertThat(page.select("form")).as(what).hasSize(2);
        assertThat(page.select("input, select, button, textarea")).as(what).hasSize(10);
        assertThat(page.select(".hit-title *, .hit-snippet *")).as(what).allSatisfy(e -> {
            assertThat(e.tagName()).isEqualTo("mark");
            assertThat(e.attributes().size()).isZero();
        });
        String expected = SearchPageController.shown(query.strip()).replace("\r\n", "\n").replace('\r', '\n');
        String shownValue = page.selectFirst("#q").hasAttr("value") ? page.selectFirst("#q").val() : "";
        assertThat(shownValue).as(what).isEqualTo(query.isBlank() ? "" : expected);
    }

    // ---- caching, the header's box, the home page's SearchAction

    @Test
    void resultsAnswer304WhileTheyAreTheSameAlthoughTheTimeTakenDiffers() {
        String path = "/search?q=" + enc("足球") + "&sort=time";
        HttpResponse<String> first = get(path, Map.of());
        assertThat(first.statusCode()).isEqualTo(200);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).matches("W/\"[0-9a-f]+\"");
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("public, max-age=60");
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> again = get(path, Map.of("If-None-Match", etag));
            assertThat(again.statusCode()).isEqualTo(304);
            assertThat(again.body()).isEmpty();
        }
        HttpResponse<String> other = get("/search?q=" + enc("足球") + "&sort=time&page=2", Map.of("If-None-Match", etag));
        assertThat(other.statusCode()).as("another page of results").isEqualTo(200);
        HttpResponse<String> form = get("/search", Map.of());
        String formTag = form.headers().firstValue("ETag").orElseThrow();
        assertThat(get("/search", Map.of("If-None-Match", formTag)).statusCode()).isEqualTo(304);
    }

    @Test
    void everyPageHasTheSearchBoxInItsHeader() {
        String article = page("/search?q=" + enc("金庸"), 200).selectFirst(".hit-title").attr("href");
        for (String path : List.of("/", "/latest", article, "/no-such-page", "/search")) {
            HttpResponse<String> response = get(path, Map.of());
            Document page = Jsoup.parse(response.body());
            Element form = page.selectFirst("header form.site-search");
            assertThat(form).as(path).isNotNull();
            assertThat(form.attr("action")).isEqualTo("/search");
            assertThat(form.attr("method")).isEqualTo("get");
            assertThat(form.attr("role")).isEqualTo("search");
            Element input = form.selectFirst("input[name=q]");
            assertThat(input.attr("type")).isEqualTo("search");
            assertThat(page.selectFirst("label[for=" + input.id() + "]").text()).isEqualTo("搜索本站文章");
        }
    }

    @Test
    void theHomePagesSearchActionOpensTheSearchPage() {
        Document home = page("/", 200);
        JsonNode graph = json.readTree(home.selectFirst("script[type=application/ld+json]").data()).get("@graph");
        String template = null;
        for (JsonNode node : graph) {
            if (node.has("potentialAction")) {
                template = node.get("potentialAction").get("target").get("urlTemplate").asString();
            }
        }
        assertThat(template).isEqualTo("http://localhost:8080/search?q={search_term_string}");
        String path = URI.create(template.replace("{search_term_string}", enc("金庸"))).getRawPath() + "?q=" + enc("金庸");
        assertThat(total(page(path, 200))).isEqualTo(containing("金庸"));
    }

    // ---- helpers

    private long containing(String word) {
        return sample.articles().stream().filter(a -> a.text().replaceAll("\\s+", "").contains(word)).count();
    }

    private static long total(Document page) {
        return Long.parseLong(page.selectFirst(".search-summary").ownText().replaceAll("[^0-9]", ""));
    }

    private Document page(String path, int status) {
        HttpResponse<String> response = get(path, Map.of());
        assertThat(response.statusCode()).as(path).isEqualTo(status);
        return Jsoup.parse(response.body());
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        headers.forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String s) {
        return s.length() <= 160 ? s : s.substring(0, 160) + "…";
    }

    /** Every line of every payload file and of blns.txt, once each, as the bytes decode, split on \n only. */
    private static List<String> hostileLines() {
        Path payloads = SinaSample.corpus("payloads-all-the-things");
        Path naughty = SinaSample.corpus("naughty-strings/blns.txt");
        Set<String> lines = new LinkedHashSet<>();
        try (Stream<Path> files = Files.walk(payloads)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                lines.addAll(linesOf(file));
            }
            lines.addAll(linesOf(naughty));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ArrayList<>(lines);
    }

    private static List<String> linesOf(Path file) throws IOException {
        return Arrays.asList(new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\\n", -1));
    }
}
