package org.masthead.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.masthead.feed.SitemapSchemas.child;
import static org.masthead.feed.SitemapSchemas.elements;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.TestSites;
import org.masthead.article.ArticleCard;
import org.masthead.article.ArticleFilter;
import org.masthead.article.ArticleLists;
import org.masthead.article.ArticleLookup;
import org.masthead.platform.PageSlice;
import org.masthead.source.Sources;
import org.masthead.tag.Tags;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The sitemaps of a site holding the seed page's 50 articles (all of August 2023) and a few of today:
 * one published now, one 47 and one 49 hours ago, and one scheduled for tomorrow.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"masthead.site.name=报头新闻", "masthead.site.base-url=https://news.example.cn/", "masthead.site.time-zone=Asia/Shanghai"})
class SitemapIT {

    static final String BASE = "https://news.example.cn";
    static final String NOW_TITLE = "R&D 周报:<报头> 今日上线 😀";

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    ArticleLookup queries;

    @Autowired
    ArticleLists lists;

    @Autowired
    Tags tags;

    @Autowired
    Sources sources;

    private static volatile Map<String, Long> idsByTitle;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestSites.useFreshSqlite(registry);
    }

    @BeforeEach
    void importOnce() {
        if (idsByTitle != null) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS);
        StringBuilder lines = new StringBuilder(TestSites.fixture("seed-page.jsonl").strip()).append('\n');
        lines.append(line(NOW_TITLE, now, "要闻", List.of("新闻 早报", "R&D", "宝山"))).append('\n');
        lines.append(line("四十七小时前的新闻", now.minusHours(47), "要闻", List.of())).append('\n');
        lines.append(line("四十九小时前的新闻", now.minusHours(49), "要闻", List.of())).append('\n');
        lines.append(line("明天才发布的新闻", now.plusDays(1), "明日栏目", List.of("未来标签"))).append('\n');
        HttpResponse<String> response = TestSites.importAsAdmin(port, lines.toString());
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Long> ids = new HashMap<>();
        String[] sent = lines.toString().split("\n");
        JsonNode results = json.readTree(response.body()).get("results");
        assertThat(results).hasSize(54);
        for (int i = 0; i < sent.length; i++) {
            assertThat(results.get(i).get("status").asString()).as(results.get(i).toString()).isEqualTo("created");
            ids.put(json.readTree(sent[i]).get("title").asString(), results.get(i).get("id").asLong());
        }
        idsByTitle = ids;
    }

    @Test
    void theIndexListsPagesNewsAndArticlesWithAbsoluteAddressesAndTheirNewestChange() {
        Fetched index = fetch("/sitemap.xml");
        SitemapSchemas.fromCorpus().assertValidIndex(index.body());
        Map<String, String> lastmods = new LinkedHashMap<>();
        for (Element sitemap : elements(index.doc(), "sitemap")) {
            lastmods.put(child(sitemap, SitemapWriter.SITEMAP_NS, "loc"), child(sitemap, SitemapWriter.SITEMAP_NS, "lastmod"));
        }
        assertThat(lastmods.keySet()).containsExactly(BASE + "/sitemaps/pages.xml", BASE + "/sitemaps/news.xml", BASE + "/sitemaps/articles-1.xml");

        Map<Long, Instant> visible = visibleArticles();
        Instant newest = visible.values().stream().max(Instant::compareTo).orElseThrow();
        assertThat(instant(lastmods.get(BASE + "/sitemaps/articles-1.xml"))).isEqualTo(newest);
        assertThat(instant(lastmods.get(BASE + "/sitemaps/pages.xml"))).isEqualTo(newest);
        Instant newestNews = List.of(NOW_TITLE, "四十七小时前的新闻").stream().map(t -> visible.get(idsByTitle.get(t))).max(Instant::compareTo).orElseThrow();
        assertThat(instant(lastmods.get(BASE + "/sitemaps/news.xml"))).isEqualTo(newestNews);
        for (String lastmod : lastmods.values()) {
            assertThat(lastmod).endsWith("+08:00");
        }
        for (String file : List.of("/sitemaps/pages.xml", "/sitemaps/articles-1.xml")) {
            SitemapSchemas.fromCorpus().assertValidUrlSet(fetch(file).body());
        }
        SitemapSchemas.fromCorpus().assertValidNewsUrlSet(fetch("/sitemaps/news.xml").body());
    }

    @Test
    void theArticleSitemapListsEveryVisibleArticleOnceWithItsUpdateTime() {
        Fetched file = fetch("/sitemaps/articles-1.xml");
        SitemapSchemas.fromCorpus().assertValidUrlSet(file.body());
        Map<Long, Instant> visible = visibleArticles();
        assertThat(visible).hasSize(53).doesNotContainKey(idsByTitle.get("明天才发布的新闻"));

        Map<String, String> listed = new LinkedHashMap<>();
        for (Element url : elements(file.doc(), "url")) {
            assertThat(listed.put(child(url, SitemapWriter.SITEMAP_NS, "loc"), child(url, SitemapWriter.SITEMAP_NS, "lastmod"))).isNull();
        }
        assertThat(listed.keySet()).containsExactlyInAnyOrderElementsOf(visible.keySet().stream().map(id -> BASE + "/articles/" + id).toList());
        for (Map.Entry<Long, Instant> article : visible.entrySet()) {
            String lastmod = listed.get(BASE + "/articles/" + article.getKey());
            assertThat(lastmod).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{3})?\\+08:00");
            assertThat(instant(lastmod)).as("lastmod of article %d", article.getKey()).isEqualTo(queries.any(article.getKey()).orElseThrow().updatedAt());
        }
        assertThat(fetch("/articles/" + idsByTitle.get("宝山教育高质量发展推进会召开,重磅发布三大专项方案"), 200).status()).isEqualTo(200);
        assertThat(fetch("/sitemaps/articles-2.xml", 404).status()).isEqualTo(404);
        assertThat(fetch("/sitemaps/articles-0.xml", 404).status()).isEqualTo(404);
    }

    @Test
    void thePagesSitemapListsHomeChannelsSourcesAndTagsPercentEncoded() {
        Fetched file = fetch("/sitemaps/pages.xml");
        SitemapSchemas.fromCorpus().assertValidUrlSet(file.body());
        Map<String, String> listed = new LinkedHashMap<>();
        for (Element url : elements(file.doc(), "url")) {
            listed.put(child(url, SitemapWriter.SITEMAP_NS, "loc"), child(url, SitemapWriter.SITEMAP_NS, "lastmod"));
        }
        String baoshan = BASE + "/tag/%E5%AE%9D%E5%B1%B1";
        String morning = BASE + "/tag/%E6%96%B0%E9%97%BB%20%E6%97%A9%E6%8A%A5";
        assertThat(listed.keySet()).startsWith(BASE + "/", BASE + "/latest")
                .contains(BASE + "/channel/%E8%A1%8C%E4%B8%9A%E5%8A%A8%E6%80%81", BASE + "/channel/%E8%A6%81%E9%97%BB",
                        BASE + "/source/" + sources.byName("新民晚报").orElseThrow().id(), baoshan, morning, BASE + "/tag/R&D")
                .doesNotContain(BASE + "/channel/%E6%98%8E%E6%97%A5%E6%A0%8F%E7%9B%AE", BASE + "/tag/%E6%9C%AA%E6%9D%A5%E6%A0%87%E7%AD%BE");
        assertThat(new String(file.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("<loc>" + BASE + "/tag/R&amp;D</loc>");
        // home and latest, then each channel, source and tag that a visible article names (the scheduled one's do not count)
        Set<String> channels = new java.util.HashSet<>(Set.of("要闻"));
        Set<String> sourceNames = new java.util.HashSet<>(Set.of("报头通讯社"));
        Set<String> tagNames = new java.util.HashSet<>(Set.of("新闻 早报", "R&D", "宝山"));
        for (String seed : TestSites.fixture("seed-page.jsonl").strip().split("\n")) {
            JsonNode article = json.readTree(seed);
            channels.add(article.get("channel").asString());
            if (article.hasNonNull("source")) {
                sourceNames.add(article.get("source").asString());
            }
            if (article.hasNonNull("tags")) {
                article.get("tags").forEach(tag -> tagNames.add(tag.asString()));
            }
        }
        assertThat(listed).hasSize(2 + channels.size() + sourceNames.size() + tagNames.size());
        for (String loc : listed.keySet()) {
            assertThat(loc.chars()).as(loc).allMatch(c -> c > 0x20 && c < 0x7F);
            String path = loc.substring(BASE.length());
            assertThat(fetch(path, 200).status()).as("%s answers", path).isEqualTo(200);
        }
        // the tag page decodes back to the tag, so the encoding is the one the site reads
        assertThat(new String(fetch("/tag/%E6%96%B0%E9%97%BB%20%E6%97%A9%E6%8A%A5", 200).body(), java.nio.charset.StandardCharsets.UTF_8))
                .contains(NOW_TITLE.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
        Instant baoshanNewest = List.of(NOW_TITLE, "宝山教育高质量发展推进会召开,重磅发布三大专项方案").stream()
                .map(t -> queries.any(idsByTitle.get(t)).orElseThrow().updatedAt()).max(Instant::compareTo).orElseThrow();
        assertThat(instant(listed.get(baoshan))).isEqualTo(baoshanNewest);
        assertThat(instant(listed.get(BASE + "/"))).isEqualTo(visibleArticles().values().stream().max(Instant::compareTo).orElseThrow());
        assertThat(tags.byName("未来标签")).as("the scheduled article's tag exists, but no reader can see it yet").isPresent();
    }

    @Test
    void theNewsSitemapHoldsTheLast48HoursWithPublicationNameLanguageDateAndTitle() {
        Fetched file = fetch("/sitemaps/news.xml");
        SitemapSchemas.fromCorpus().assertValidNewsUrlSet(file.body());
        List<Element> urls = elements(file.doc(), "url");
        List<String> locs = urls.stream().map(u -> child(u, SitemapWriter.SITEMAP_NS, "loc")).toList();
        assertThat(locs).containsExactly(BASE + "/articles/" + idsByTitle.get(NOW_TITLE), BASE + "/articles/" + idsByTitle.get("四十七小时前的新闻"));

        for (Element url : urls) {
            long id = Long.parseLong(child(url, SitemapWriter.SITEMAP_NS, "loc").substring((BASE + "/articles/").length()));
            var article = queries.any(id).orElseThrow();
            List<Element> news = elements(url, SitemapWriter.NEWS_NS, "news");
            assertThat(news).hasSize(1);
            List<String> order = new ArrayList<>();
            for (var node = news.getFirst().getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Element e) {
                    assertThat(e.getNamespaceURI()).isEqualTo(SitemapWriter.NEWS_NS);
                    order.add(e.getLocalName());
                }
            }
            assertThat(order).containsExactly("publication", "publication_date", "title");
            assertThat(child(news.getFirst(), SitemapWriter.NEWS_NS, "name")).isEqualTo("报头新闻");
            assertThat(child(news.getFirst(), SitemapWriter.NEWS_NS, "language")).isEqualTo("zh-cn");
            String date = child(news.getFirst(), SitemapWriter.NEWS_NS, "publication_date");
            assertThat(date).endsWith("+08:00");
            assertThat(instant(date)).isEqualTo(article.publishedAt());
            assertThat(child(news.getFirst(), SitemapWriter.NEWS_NS, "title")).isEqualTo(article.title());
            assertThat(instant(child(url, SitemapWriter.SITEMAP_NS, "lastmod"))).isEqualTo(article.updatedAt());
        }
        assertThat(child(urls.getFirst(), SitemapWriter.NEWS_NS, "title")).isEqualTo(NOW_TITLE);
    }

    @Test
    void aSitemapThatHasNotChangedAnswers304AndAChangeGivesANewOne() {
        for (String path : List.of("/sitemap.xml", "/sitemaps/articles-1.xml", "/sitemaps/pages.xml", "/sitemaps/news.xml")) {
            Fetched first = fetch(path);
            String etag = first.header("ETag");
            String lastModified = first.header("Last-Modified");
            assertThat(etag).as(path).startsWith("W/\"");
            assertThat(lastModified).as(path).isNotNull();

            Fetched byEtag = fetch(path, 304, "If-None-Match", etag);
            assertThat(byEtag.body()).isEmpty();
            assertThat(byEtag.header("ETag")).isEqualTo(etag);
            assertThat(byEtag.header("Cache-Control")).contains("public").contains("max-age=600");
            assertThat(fetch(path, 304, "If-Modified-Since", lastModified).body()).isEmpty();
            assertThat(fetch(path, 200, "If-None-Match", "W/\"something-else\"").body()).isNotEmpty();
        }

        Fetched before = fetch("/sitemaps/articles-1.xml");
        Fetched indexBefore = fetch("/sitemap.xml");
        ObjectNode changed = (ObjectNode) json.readTree(TestSites.fixture("seed-page.jsonl").lines().findFirst().orElseThrow());
        changed.put("title", changed.get("title").asString() + "(更新)");
        HttpResponse<String> update = TestSites.importAsAdmin(port, changed.toString());
        assertThat(update.body()).contains("\"updated\"");

        Fetched after = fetch("/sitemaps/articles-1.xml", 200, "If-None-Match", before.header("ETag"));
        assertThat(after.header("ETag")).isNotEqualTo(before.header("ETag"));
        long id = idsByTitle.get("宝山教育高质量发展推进会召开,重磅发布三大专项方案");
        Instant updatedAt = queries.any(id).orElseThrow().updatedAt();
        String lastmod = elements(after.doc(), "url").stream().filter(u -> child(u, SitemapWriter.SITEMAP_NS, "loc").equals(BASE + "/articles/" + id))
                .map(u -> child(u, SitemapWriter.SITEMAP_NS, "lastmod")).findFirst().orElseThrow();
        assertThat(instant(lastmod)).isEqualTo(updatedAt);
        assertThat(fetch("/sitemap.xml", 200, "If-None-Match", indexBefore.header("ETag")).header("ETag")).isNotEqualTo(indexBefore.header("ETag"));
    }

    @Test
    void sitemapsAreUtf8XmlCacheableForTenMinutes() {
        for (String path : List.of("/sitemap.xml", "/sitemaps/articles-1.xml", "/sitemaps/pages.xml", "/sitemaps/news.xml")) {
            Fetched file = fetch(path);
            MediaType type = MediaType.parseMediaType(file.header("Content-Type"));
            assertThat(type.isCompatibleWith(MediaType.APPLICATION_XML)).as(path).isTrue();
            assertThat(type.getCharset()).as(path).isEqualTo(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(Set.of(file.header("Cache-Control").split(",\\s*"))).as(path).containsExactlyInAnyOrder("public", "max-age=600");
            assertThat(new String(file.body(), 0, 38, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        }
    }

    /** Every visible article and its update time, read through the site's own list query, not the sitemap code. */
    private Map<Long, Instant> visibleArticles() {
        Map<Long, Instant> visible = new HashMap<>();
        for (int page = 1; ; page++) {
            PageSlice<ArticleCard> slice = lists.list(ArticleFilter.visible(), page, ArticleLists.MAX_PAGE_SIZE);
            slice.items().forEach(card -> visible.put(card.id(), card.updatedAt()));
            if (!slice.hasNext()) {
                return visible;
            }
        }
    }

    private String line(String title, OffsetDateTime publishedAt, String channel, List<String> tagNames) {
        ObjectNode line = json.createObjectNode();
        line.put("title", title);
        line.put("body", "<p>" + title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") + " 正文。</p>");
        line.put("publishedAt", publishedAt.toString());
        line.put("channel", channel);
        line.put("source", "报头通讯社");
        line.put("originalUrl", "https://news.example.cn/original/" + Integer.toHexString(title.hashCode()));
        var tagArray = line.putArray("tags");
        tagNames.forEach(tagArray::add);
        return line.toString();
    }

    private static Instant instant(String w3c) {
        return OffsetDateTime.parse(w3c).toInstant();
    }

    record Fetched(int status, java.net.http.HttpHeaders headers, byte[] body) {

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        Document doc() {
            return SitemapSchemas.parse(body);
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Fetched fetch(String path) {
        return fetch(path, 200);
    }

    private Fetched fetch(String path, int expectedStatus, String... headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
            for (int i = 0; i < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as("GET %s %s", path, String.join(" ", headers)).isEqualTo(expectedStatus);
            return new Fetched(response.statusCode(), response.headers(), response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
