package org.masthead.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.masthead.TestSites;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The head of every reader page: document title, description, absolute canonical address, Open Graph and
 * Twitter card, feed autodiscovery and JSON-LD, as search engines and link previews read them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "masthead.site.name=报头新闻", "masthead.site.base-url=https://news.example.cn/"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReaderPageHeadIT {

    private static final String BASE = "https://news.example.cn";
    private static final String SUMMARY = "截至2023年8月25日收盘，洲明科技（300232）报收于7.3元，下跌2.93%，换手率1.15%，成交量13.69万手，成交额1.01亿元。"
            + "当日主力资金净流出1032.64万元，占总成交额10.22%；游资资金净流入512.88万元，占总成交额5.08%；散户资金净流入519.76万元，占总成交额5.14%。";
    private static final String HOSTILE = "</script><script>alert(1)</script>标题";

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    private final Map<String, Long> ids = new LinkedHashMap<>();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestSites.useFreshSqlite(registry);
    }

    @BeforeAll
    void importArticles() {
        List<Map<String, Object>> articles = new ArrayList<>();
        Map<String, Object> rich = new LinkedHashMap<>();
        rich.put("title", "股票行情快报:洲明科技(300232)8月25日主力资金净卖出1032.64万元");
        rich.put("body", "<p>" + SUMMARY + "</p>");
        rich.put("summary", SUMMARY);
        rich.put("publishedAt", "2023-08-29T09:18:41+08:00");
        rich.put("source", "证券之星");
        rich.put("sourceUrl", "https://www.stockstar.com/");
        rich.put("originalUrl", "https://example.cn/stock/1");
        rich.put("authors", List.of("余婧瑶", "卢毅"));
        rich.put("channel", "财经");
        rich.put("tags", List.of("洲明科技", "资金流向"));
        rich.put("coverImage", "/media/cover.jpg");
        rich.put("images", List.of(Map.of("url", "https://img.example.cn/a.jpg", "caption", "【资料图】")));
        articles.add(rich);
        articles.add(Map.of("title", "短讯：地铁18号线二期开通", "body", "今天上午，地铁18号线二期开通试运营。", "bodyFormat", "text",
                "publishedAt", "2023-08-29T10:00:00+08:00", "source", "新民晚报", "sourceUrl", "https://www.xinmin.cn/",
                "originalUrl", "https://example.cn/news/2"));
        articles.add(Map.of("title", HOSTILE, "body", "<p>正文</p>", "publishedAt", "2023-08-28T10:00:00+08:00",
                "originalUrl", "https://example.cn/news/3"));
        for (int i = 1; i <= 22; i++) {
            articles.add(Map.of("title", "财经快讯第" + i + "条", "body", "<p>第" + i + "条快讯正文。</p>", "publishedAt",
                    "2023-08-%02dT08:00:00+08:00".formatted(i), "channel", "财经", "originalUrl", "https://example.cn/filler/" + i));
        }
        StringBuilder lines = new StringBuilder();
        articles.forEach(a -> lines.append(json.writeValueAsString(a)).append('\n'));
        HttpResponse<String> response = TestSites.importAsAdmin(port, lines.toString());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode results = json.readTree(response.body()).get("results");
        for (int i = 0; i < articles.size(); i++) {
            assertThat(results.get(i).get("status").asString()).as(results.get(i).toString()).isEqualTo("created");
            ids.put((String) articles.get(i).get("title"), results.get(i).get("id").asLong());
        }
    }

    @Test
    void articlePageTellsSearchEnginesAndLinkPreviewsWhatItIs() {
        long id = ids.get("股票行情快报:洲明科技(300232)8月25日主力资金净卖出1032.64万元");
        Document page = page("/articles/" + id);
        String url = BASE + "/articles/" + id;

        String title = page.title();
        assertThat(title).endsWith(" — 报头新闻");
        String kept = title.substring(0, title.length() - " — 报头新闻".length());
        assertThat(kept.codePointCount(0, kept.length())).isLessThanOrEqualTo(PageHeads.TITLE_CHARS);
        assertThat(page.selectFirst("h1").text()).isEqualTo("股票行情快报:洲明科技(300232)8月25日主力资金净卖出1032.64万元");

        String description = meta(page, "name", "description");
        assertThat(description.codePointCount(0, description.length())).isBetween(80, PageHeads.DESCRIPTION_CHARS);
        assertThat(description).endsWith("…");
        assertThat(SUMMARY).startsWith(description.substring(0, description.length() - 1));

        assertThat(page.selectFirst("link[rel=canonical]").attr("href")).isEqualTo(url);
        assertThat(meta(page, "property", "og:type")).isEqualTo("article");
        assertThat(meta(page, "property", "og:title")).isEqualTo("股票行情快报:洲明科技(300232)8月25日主力资金净卖出1032.64万元");
        assertThat(meta(page, "property", "og:description")).isEqualTo(description);
        assertThat(meta(page, "property", "og:url")).isEqualTo(url);
        assertThat(meta(page, "property", "og:site_name")).isEqualTo("报头新闻");
        assertThat(meta(page, "property", "og:locale")).isEqualTo("zh_CN");
        assertThat(meta(page, "property", "og:image")).isEqualTo(BASE + "/media/cover.jpg");
        assertThat(meta(page, "property", "article:published_time")).isEqualTo("2023-08-29T09:18:41+08:00");
        assertThat(meta(page, "property", "article:modified_time")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00");
        assertThat(meta(page, "property", "article:section")).isEqualTo("财经");
        assertThat(page.select("meta[property=article:tag]").eachAttr("content")).containsExactly("洲明科技", "资金流向");
        assertThat(meta(page, "name", "twitter:card")).isEqualTo("summary_large_image");
        assertThat(meta(page, "name", "twitter:image")).isEqualTo(BASE + "/media/cover.jpg");
        assertThat(page.selectFirst("link[rel=icon]").attr("href")).startsWith("/img/logo").endsWith(".svg");

        assertThat(page.select("link[rel=alternate]").eachAttr("href")).containsExactly("/feed.xml", "/atom.xml", "/feed.json");
        assertThat(page.select("link[rel=alternate]").eachAttr("type"))
                .containsExactly("application/rss+xml", "application/atom+xml", "application/feed+json");
        assertThat(page.selectFirst("link[rel=alternate]").attr("title")).isEqualTo("报头新闻 RSS");

        JsonNode graph = jsonLd(page).get("@graph");
        JsonNode article = graph.get(0);
        assertThat(article.get("@type").asString()).isEqualTo("NewsArticle");
        assertThat(article.get("headline").asString()).isEqualTo("股票行情快报:洲明科技(300232)8月25日主力资金净卖出1032.64万元");
        assertThat(article.get("datePublished").asString()).isEqualTo("2023-08-29T09:18:41+08:00");
        assertThat(article.get("dateModified").asString()).isEqualTo(meta(page, "property", "article:modified_time"));
        assertThat(article.get("author").findValuesAsString("name")).containsExactly("余婧瑶", "卢毅");
        assertThat(article.get("author").get(0).get("url").asString()).isEqualTo(BASE + "/author/%E4%BD%99%E5%A9%A7%E7%91%B6");
        assertThat(article.get("publisher").get("name").asString()).isEqualTo("报头新闻");
        String logo = article.get("publisher").get("logo").get("url").asString();
        assertThat(logo).startsWith(BASE + "/img/logo").endsWith(".png");
        assertThat(TestSites.get(port, logo.substring(BASE.length())).statusCode()).isEqualTo(200);
        assertThat(List.of(article.get("image").get(0).asString(), article.get("image").get(1).asString()))
                .containsExactly(BASE + "/media/cover.jpg", "https://img.example.cn/a.jpg");
        assertThat(article.get("mainEntityOfPage").get("@id").asString()).isEqualTo(url);
        JsonNode crumbs = graph.get(1).get("itemListElement");
        assertThat(crumbs.findValuesAsString("name")).containsExactly("首页", "财经", "股票行情快报:洲明科技(300232)8月25日主力资金净卖出1032.64万元");
        assertThat(crumbs.get(1).get("item").asString()).isEqualTo(BASE + "/channel/%E8%B4%A2%E7%BB%8F");
    }

    @Test
    void articleWithoutBylineOrImageCreditsItsSourceAndUsesTheSmallCard() {
        Document page = page("/articles/" + ids.get("短讯：地铁18号线二期开通"));
        assertThat(page.select("meta[property=og:image]")).isEmpty();
        assertThat(meta(page, "name", "twitter:card")).isEqualTo("summary");
        assertThat(meta(page, "name", "description")).isEqualTo("今天上午，地铁18号线二期开通试运营。");
        JsonNode article = jsonLd(page).get("@graph").get(0);
        assertThat(article.get("author").get("@type").asString()).isEqualTo("Organization");
        assertThat(article.get("author").get("name").asString()).isEqualTo("新民晚报");
        assertThat(article.has("image")).isFalse();
        // No channel: the trail is home › article.
        assertThat(jsonLd(page).get("@graph").get(1).get("itemListElement")).hasSize(2);
    }

    @Test
    void aTitleWithAClosingScriptTagStaysInsideTheJsonLd() {
        HttpResponse<String> response = TestSites.get(port, "/articles/" + ids.get(HOSTILE));
        assertThat(response.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(response.body());
        assertThat(page.select("script")).hasSize(1);
        assertThat(page.selectFirst("script").attr("type")).isEqualTo("application/ld+json");
        assertThat(response.body()).doesNotContain("<script>alert(1)");
        assertThat(jsonLd(page).get("@graph").get(0).get("headline").asString()).isEqualTo(HOSTILE);
        assertThat(page.selectFirst("h1").text()).isEqualTo(HOSTILE);
        assertThat(meta(page, "property", "og:title")).isEqualTo(HOSTILE);
    }

    @Test
    void homePageIsAWebsiteWithASearchAction() {
        Document page = page("/");
        assertThat(page.title()).isEqualTo("报头新闻 — 新闻聚合与发布");
        assertThat(page.selectFirst("link[rel=canonical]").attr("href")).isEqualTo(BASE + "/");
        assertThat(meta(page, "property", "og:type")).isEqualTo("website");
        assertThat(meta(page, "property", "og:url")).isEqualTo(BASE + "/");
        String description = meta(page, "name", "description");
        assertThat(description).startsWith("报头新闻 — 新闻聚合与发布。最新资讯：短讯：地铁18号线二期开通；");
        assertThat(description.codePointCount(0, description.length())).isLessThanOrEqualTo(PageHeads.DESCRIPTION_CHARS);
        JsonNode graph = jsonLd(page).get("@graph");
        assertThat(graph.get(0).get("@type").asString()).isEqualTo("WebSite");
        assertThat(graph.get(0).get("potentialAction").get("target").get("urlTemplate").asString())
                .isEqualTo(BASE + "/search?q={search_term_string}");
        assertThat(graph.get(1).get("@type").asString()).isEqualTo("Organization");
    }

    @Test
    void listPagesAreTheirOwnCanonicalPagesAndAnnounceTheirOwnFeedFirst() {
        Document first = page("/channel/%E8%B4%A2%E7%BB%8F");
        assertThat(first.selectFirst("link[rel=canonical]").attr("href")).isEqualTo(BASE + "/channel/%E8%B4%A2%E7%BB%8F");
        assertThat(first.title()).isEqualTo("财经 — 报头新闻");
        assertThat(meta(first, "name", "description")).startsWith("栏目「财经」的最新文章：股票行情快报");
        assertThat(first.select("link[rel=alternate]").eachAttr("href"))
                .containsExactly("/channel/%E8%B4%A2%E7%BB%8F/feed.xml", "/feed.xml", "/atom.xml", "/feed.json");
        assertThat(first.selectFirst("link[rel=alternate]").attr("title")).isEqualTo("栏目「财经」 — 报头新闻 RSS");
        assertThat(first.select("script")).isEmpty();

        Document second = page("/channel/%E8%B4%A2%E7%BB%8F?page=2&utm_source=weibo");
        assertThat(second.selectFirst("link[rel=canonical]").attr("href")).isEqualTo(BASE + "/channel/%E8%B4%A2%E7%BB%8F?page=2");
        assertThat(second.title()).isEqualTo("财经 — 第2页 — 报头新闻");
        assertThat(meta(second, "property", "og:title")).isEqualTo("财经（第2页）");
        assertThat(meta(second, "name", "description")).isNotEqualTo(meta(first, "name", "description"));

        assertThat(page("/latest?page=1").selectFirst("link[rel=canonical]").attr("href")).isEqualTo(BASE + "/latest");
        assertThat(page("/latest").select("link[rel=alternate]")).hasSize(3);
        assertThat(page("/tag/%E8%B5%84%E9%87%91%E6%B5%81%E5%90%91").select("link[rel=alternate]").first().attr("href"))
                .isEqualTo("/tag/%E8%B5%84%E9%87%91%E6%B5%81%E5%90%91/feed.xml");
        Document author = page("/author/%E5%8D%A2%E6%AF%85");
        assertThat(author.select("link[rel=alternate]")).hasSize(3);
    }

    @Test
    void errorPagesHaveNoCanonicalAddressAndAreNotIndexed() {
        HttpResponse<String> response = TestSites.get(port, "/articles/999999");
        assertThat(response.statusCode()).isEqualTo(404);
        Document page = Jsoup.parse(response.body());
        assertThat(page.select("link[rel=canonical]")).isEmpty();
        assertThat(meta(page, "name", "robots")).isEqualTo("noindex,follow");
        assertThat(page.select("meta[property^=og:]")).isEmpty();
    }

    private Document page(String path) {
        HttpResponse<String> response = TestSites.get(port, path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return Jsoup.parse(response.body());
    }

    private static String meta(Document page, String attribute, String name) {
        Element meta = page.selectFirst("meta[" + attribute + "=" + name + "]");
        assertThat(meta).as("meta %s=%s", attribute, name).isNotNull();
        return meta.attr("content");
    }

    private JsonNode jsonLd(Document page) {
        Element script = page.selectFirst("script[type=application/ld+json]");
        assertThat(script).isNotNull();
        return json.readTree(script.data());
    }
}
