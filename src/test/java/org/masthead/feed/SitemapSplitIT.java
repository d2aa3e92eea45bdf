package org.masthead.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.masthead.feed.SitemapSchemas.child;
import static org.masthead.feed.SitemapSchemas.elements;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
import org.masthead.platform.PageSlice;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seven URLs a file: the seed's 50 articles (ids 1 to 50) fill seven files and one URL of an eighth;
 * eight articles scheduled for tomorrow (ids 51 to 58) share the eighth file's range and fill the
 * ninth's, which is therefore not listed. The site lives under a Chinese host and path, which every
 * address must give in ASCII.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"masthead.sitemap.urls-per-file=7", "masthead.site.base-url=https://报头.中国/新闻"})
class SitemapSplitIT {

    static final String BASE = "https://xn--2ssp3t.xn--fiqs8s/%E6%96%B0%E9%97%BB";
    static final int PER_FILE = 7;

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    ArticleLists queries;

    private static volatile List<Long> scheduled;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestSites.useFreshSqlite(registry);
    }

    @BeforeEach
    void importOnce() {
        if (scheduled != null) {
            return;
        }
        StringBuilder lines = new StringBuilder(TestSites.fixture("seed-page.jsonl").strip()).append('\n');
        String tomorrow = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(1).withNano(0).toString();
        for (int i = 1; i <= 8; i++) {
            lines.append(json.createObjectNode().put("title", "预约发布 " + i).put("body", "<p>明天见。</p>").put("publishedAt", tomorrow)
                    .put("originalUrl", "https://news.example.cn/scheduled/" + i)).append('\n');
        }
        JsonNode results = json.readTree(TestSites.importAsAdmin(port, lines.toString()).body()).get("results");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            assertThat(results.get(i).get("status").asString()).isEqualTo("created");
            assertThat(results.get(i).get("id").asLong()).as("ids of a fresh database count from 1").isEqualTo(i + 1);
            if (i >= 50) {
                ids.add(results.get(i).get("id").asLong());
            }
        }
        scheduled = ids;
    }

    @Test
    void articlesAreSplitIntoFilesOfSevenEachListedInTheIndexWithItsNewestUpdate() {
        byte[] indexXml = get("/sitemap.xml", 200);
        SitemapSchemas.fromCorpus().assertValidIndex(indexXml);
        Map<String, String> index = new LinkedHashMap<>();
        for (Element sitemap : elements(SitemapSchemas.parse(indexXml), "sitemap")) {
            index.put(child(sitemap, SitemapWriter.SITEMAP_NS, "loc"), child(sitemap, SitemapWriter.SITEMAP_NS, "lastmod"));
        }
        List<String> articleFiles = index.keySet().stream().filter(loc -> loc.contains("/sitemaps/articles-")).toList();
        assertThat(articleFiles).containsExactly(java.util.stream.IntStream.rangeClosed(1, 8).mapToObj(n -> BASE + "/sitemaps/articles-" + n + ".xml")
                .toArray(String[]::new));

        Map<Long, Instant> visible = visibleArticles();
        assertThat(visible).hasSize(50);
        Set<Long> listed = new HashSet<>();
        for (String file : articleFiles) {
            byte[] xml = get(file.substring(BASE.length()), 200);
            SitemapSchemas.fromCorpus().assertValidUrlSet(xml);
            List<Element> urls = elements(SitemapSchemas.parse(xml), "url");
            assertThat(urls.size()).as(file).isBetween(1, PER_FILE);
            Instant newest = null;
            for (Element url : urls) {
                long id = Long.parseLong(child(url, SitemapWriter.SITEMAP_NS, "loc").substring((BASE + "/articles/").length()));
                assertThat(listed.add(id)).as("article %d in one file only", id).isTrue();
                Instant lastmod = OffsetDateTime.parse(child(url, SitemapWriter.SITEMAP_NS, "lastmod")).toInstant();
                assertThat(lastmod).isEqualTo(visible.get(id));
                newest = newest == null || lastmod.isAfter(newest) ? lastmod : newest;
            }
            assertThat(OffsetDateTime.parse(index.get(file)).toInstant()).as("index lastmod of %s", file).isEqualTo(newest);
        }
        assertThat(listed).containsExactlyInAnyOrderElementsOf(visible.keySet());
        assertThat(elements(SitemapSchemas.parse(get("/sitemaps/articles-1.xml", 200)), "url")).hasSize(PER_FILE);
        assertThat(elements(SitemapSchemas.parse(get("/sitemaps/articles-8.xml", 200)), "url")).as("id 50 and five hidden ones").hasSize(1);
        assertThat(get("/sitemaps/articles-9.xml", 404)).as("ids 57 to 63: only scheduled articles").isNotNull();
        assertThat(scheduled).containsExactly(51L, 52L, 53L, 54L, 55L, 56L, 57L, 58L);
    }

    @Test
    void theListPagesFileAndTheNewsFileKeepToTheLimitToo() {
        byte[] pagesXml = get("/sitemaps/pages.xml", 200);
        SitemapSchemas.fromCorpus().assertValidUrlSet(pagesXml);
        List<String> pages = elements(SitemapSchemas.parse(pagesXml), "url").stream().map(u -> child(u, SitemapWriter.SITEMAP_NS, "loc")).toList();
        assertThat(pages).hasSize(PER_FILE).startsWith(BASE + "/", BASE + "/latest", BASE + "/channel/%E8%A1%8C%E4%B8%9A%E5%8A%A8%E6%80%81");
        for (String loc : pages) {
            assertThat(URI.create(loc).getHost()).isEqualTo("xn--2ssp3t.xn--fiqs8s");
        }

        // Nothing was published in the last 48 hours: the news file is listed, empty, and has no lastmod.
        Document index = SitemapSchemas.parse(get("/sitemap.xml", 200));
        Element news = elements(index, "sitemap").stream().filter(s -> child(s, SitemapWriter.SITEMAP_NS, "loc").equals(BASE + "/sitemaps/news.xml"))
                .findFirst().orElseThrow();
        assertThat(child(news, SitemapWriter.SITEMAP_NS, "lastmod")).isNull();
        Document newsFile = SitemapSchemas.parse(get("/sitemaps/news.xml", 200));
        assertThat(newsFile.getDocumentElement().getLocalName()).isEqualTo("urlset");
        assertThat(elements(newsFile, "url")).isEmpty();
    }

    @Test
    void robotsNameTheSitemapIndexUnderTheSitesPath() {
        HttpResponse<String> robots = TestSites.get(port, "/robots.txt");
        assertThat(robots.body()).contains("Disallow: /%E6%96%B0%E9%97%BB/api/\n").endsWith("Sitemap: " + BASE + "/sitemap.xml\n");
    }

    private Map<Long, Instant> visibleArticles() {
        Map<Long, Instant> visible = new HashMap<>();
        for (int page = 1; ; page++) {
            PageSlice<ArticleCard> slice = queries.list(ArticleFilter.visible(), page, ArticleLists.MAX_PAGE_SIZE);
            slice.items().forEach(card -> visible.put(card.id(), card.updatedAt()));
            if (!slice.hasNext()) {
                return visible;
            }
        }
    }

    private byte[] get(String path, int status) {
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as("GET %s", path).isEqualTo(status);
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
