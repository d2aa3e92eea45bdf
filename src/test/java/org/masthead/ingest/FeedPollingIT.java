package org.masthead.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.masthead.TestSites;
import org.masthead.article.ArticleDetail;
import org.masthead.article.ArticleLookup;
import org.masthead.source.FeedSchedule;
import org.masthead.source.Source;
import org.masthead.source.SourceFeed;
import org.masthead.source.SourceFeeds;
import org.masthead.source.Sources;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Feeds served by a local HTTP server (no internet) polled by the real application on SQLite: new
 * items appear, a 304 adds nothing, an edited item updates its article, a GBK feed reads right,
 * tracking parameters go, a failing feed backs off and recovers, the health API answers admins only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "masthead.ingest.polling=false", "masthead.ingest.allow-private-addresses=true", "masthead.ingest.read-timeout=2s"})
class FeedPollingIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestSites.useFreshSqlite(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    FeedPolling polling;

    @Autowired
    SourceFeeds feeds;

    @Autowired
    Sources sources;

    @Autowired
    FeedSchedule schedule;

    @Autowired
    ArticleLookup articles;

    @Autowired
    ArticleCollecting collecting;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    final LocalWebServer server = new LocalWebServer();

    @AfterEach
    void stop() {
        server.close();
    }

    static String rss(String channel, String... items) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>" + channel + "</title><link>http://news.example.cn/</link>"
                + String.join("", items) + "</channel></rss>";
    }

    static String item(String guid, String link, String title, String body, String date) {
        return "<item><guid isPermaLink=\"false\">" + guid + "</guid><link>" + link + "</link><title>" + title + "</title><description><![CDATA[" + body
                + "]]></description><pubDate>" + date + "</pubDate></item>";
    }

    /** Serves the current text with an ETag; answers 304 when the client already has it. */
    void serveWithEtag(String path, AtomicReference<byte[]> body, String contentType) {
        server.on(path, exchange -> {
            String etag = "\"" + Integer.toHexString(java.util.Arrays.hashCode(body.get())) + "\"";
            exchange.getResponseHeaders().set("ETag", etag);
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                LocalWebServer.send(exchange, 304, null, new byte[0]);
            } else {
                LocalWebServer.send(exchange, 200, contentType, body.get());
            }
        });
    }

    long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    @Test
    void newItemsAppearA304AddsNothingAndAnEditBecomesAnUpdate() {
        Source source = sources.ensure("新民晚报", "http://news.example.cn/");
        AtomicReference<byte[]> body = new AtomicReference<>(rss("新民晚报",
                item("xm-1", "http://news.example.cn/a/1.html?utm_source=rss&spm=a1.b2&id=7#top", "上海地铁新线开通", "<p>上海地铁新线今天开通运营。</p><script>alert(1)</script>", "Tue, 29 Aug 2023 01:18:00 GMT"),
                item("xm-2", "http://news.example.cn/a/2.html", "黄浦江畔灯光秀", "<p>灯光秀将于周末上演，<a href=\"/more\">详情</a>。</p>", "2023-08-29 09:18"),
                item("xm-3", "http://news.example.cn/a/3.html", "台风“海葵”逼近", "<p>气象台发布台风蓝色预警。</p>", "昨天 23:01")).getBytes(StandardCharsets.UTF_8));
        serveWithEtag("/xinmin.xml", body, "application/rss+xml; charset=utf-8");
        SourceFeed feed = feeds.add(source.id(), server.url("/xinmin.xml").toString(), Duration.ofMinutes(15));

        long articlesBefore = count("SELECT COUNT(*) FROM article");
        PollReport first = polling.pollNow(feed.id());
        assertThat(first.status()).isEqualTo("ok");
        assertThat(first.created()).isEqualTo(3);
        long articlesAfterFirst = count("SELECT COUNT(*) FROM article");
        assertThat(articlesAfterFirst).isEqualTo(articlesBefore + 3);
        long firstId = jdbc.sql("SELECT article_id FROM ingest_item WHERE guid = 'xm-1'").query(Long.class).single();
        ArticleDetail metro = articles.any(firstId).orElseThrow();
        assertThat(metro.originalUrl()).isEqualTo("http://news.example.cn/a/1.html?id=7");
        assertThat(metro.bodyHtml()).contains("上海地铁新线今天开通运营").doesNotContain("script").doesNotContain("alert");
        assertThat(metro.publishedAt()).isEqualTo(Instant.parse("2023-08-29T01:18:00Z"));
        long secondId = jdbc.sql("SELECT article_id FROM ingest_item WHERE guid = 'xm-2'").query(Long.class).single();
        assertThat(articles.any(secondId).orElseThrow().bodyHtml()).contains("href=\"http://news.example.cn/more\"");
        assertThat(articles.any(secondId).orElseThrow().publishedAt()).isEqualTo(Instant.parse("2023-08-29T01:18:00Z"));
        List<Provenance> provenance = collecting.provenanceOf(firstId);
        assertThat(provenance).singleElement().satisfies(p -> {
            assertThat(p.guid()).isEqualTo("xm-1");
            assertThat(p.feedId()).isEqualTo(feed.id());
            assertThat(p.sourceId()).isEqualTo(source.id());
            assertThat(p.originalUrl()).contains("utm_source");
            assertThat(p.canonicalUrl()).isEqualTo("http://news.example.cn/a/1.html?id=7");
            assertThat(p.firstSeenAt()).isEqualTo(p.lastChangedAt());
        });

        PollReport repeat = polling.pollNow(feed.id());
        assertThat(repeat.status()).isEqualTo("not-modified");
        assertThat(count("SELECT COUNT(*) FROM article")).isEqualTo(articlesAfterFirst);
        assertThat(server.hits("/xinmin.xml")).isEqualTo(2);

        // The source corrects a title and moves the link: same GUID, so the same article is updated.
        body.set(rss("新民晚报",
                item("xm-1", "http://news.example.cn/a/1-v2.html", "上海地铁新线今日开通（更正）", "<p>上海地铁新线今天开通运营。</p>", "Tue, 29 Aug 2023 01:18:00 GMT"),
                item("xm-2", "http://news.example.cn/a/2.html", "黄浦江畔灯光秀", "<p>灯光秀将于周末上演，<a href=\"/more\">详情</a>。</p>", "2023-08-29 09:18"),
                item("xm-3", "http://news.example.cn/a/3.html", "台风“海葵”逼近", "<p>气象台发布台风蓝色预警。</p>", "昨天 23:01")).getBytes(StandardCharsets.UTF_8));
        PollReport edited = polling.pollNow(feed.id());

        assertThat(edited.updated()).isEqualTo(1);
        assertThat(edited.unchanged()).isEqualTo(2);
        assertThat(edited.created()).isZero();
        assertThat(count("SELECT COUNT(*) FROM article")).isEqualTo(articlesAfterFirst);
        assertThat(articles.any(firstId).orElseThrow().title()).isEqualTo("上海地铁新线今日开通（更正）");
        Provenance after = collecting.provenanceOf(firstId).getFirst();
        assertThat(after.canonicalUrl()).isEqualTo("http://news.example.cn/a/1-v2.html");
        assertThat(after.lastChangedAt()).isAfter(after.firstSeenAt());
    }

    @Test
    void readsAGbkFeedWhoseHeaderSaysUtf8() {
        Source source = sources.ensure("证券时报", "http://stcn.example.cn/");
        String title = "沪指震荡收涨，券商板块午后拉升";
        byte[] gbk = ("<?xml version=\"1.0\" encoding=\"gb2312\"?><rss version=\"2.0\"><channel><title>证券时报</title>"
                + item("stcn-1", "http://stcn.example.cn/1.html", title, "<p>三大指数今日震荡整理，截至收盘沪指涨0.5%，券商板块午后拉升，多只个股涨停。</p>", "2023年8月29日 15:05")
                + "</channel></rss>").getBytes(Charset.forName("GBK"));
        server.serve("/stcn.xml", "text/xml; charset=utf-8", gbk);
        SourceFeed feed = feeds.add(source.id(), server.url("/stcn.xml").toString(), Duration.ofMinutes(30));

        assertThat(polling.pollNow(feed.id()).created()).isEqualTo(1);

        long id = jdbc.sql("SELECT article_id FROM ingest_item WHERE guid = 'stcn-1'").query(Long.class).single();
        ArticleDetail article = articles.any(id).orElseThrow();
        assertThat(article.title()).isEqualTo(title);
        assertThat(article.bodyHtml()).contains("券商板块午后拉升，多只个股涨停");
        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2023-08-29T07:05:00Z"));
    }

    @Test
    void theSameTextUnderAnotherUrlIsADuplicateNotASecondArticle() {
        Source a = sources.ensure("新华社", "http://xinhua.example.cn/");
        Source b = sources.ensure("转载网", "http://copy.example.cn/");
        String text = "<p>国务院常务会议研究部署进一步优化营商环境的政策措施。</p>";
        server.serve("/a.json", "application/feed+json", ("{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"新华社\",\"items\":[{\"id\":\"x1\","
                + "\"url\":\"http://xinhua.example.cn/1.html\",\"title\":\"国常会部署优化营商环境\",\"content_html\":\"" + text.replace("\"", "\\\"")
                + "\",\"date_published\":\"2023-08-29T10:00:00+08:00\"}]}").getBytes(StandardCharsets.UTF_8));
        server.serve("/b.xml", "application/rss+xml", rss("转载网", item("c9", "http://copy.example.cn/9.html?from=timeline", "国常会部署优化营商环境", text,
                "Tue, 29 Aug 2023 03:00:00 GMT")).getBytes(StandardCharsets.UTF_8));
        SourceFeed fa = feeds.add(a.id(), server.url("/a.json").toString(), Duration.ofMinutes(30));
        SourceFeed fb = feeds.add(b.id(), server.url("/b.xml").toString(), Duration.ofMinutes(30));

        assertThat(polling.pollNow(fa.id()).created()).isEqualTo(1);
        PollReport copy = polling.pollNow(fb.id());

        assertThat(copy.duplicates()).isEqualTo(1);
        assertThat(copy.created()).isZero();
        assertThat(count("SELECT COUNT(*) FROM article WHERE title = ?", "国常会部署优化营商环境")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM ingest_item WHERE canonical_url = ? AND is_origin = FALSE", "http://copy.example.cn/9.html")).isEqualTo(1);
        assertThat(polling.pollNow(fb.id()).unchanged()).isEqualTo(1);
    }

    @Test
    void aFailingFeedBacksOffAndRecovers() {
        Source source = sources.ensure("光明网", "http://gmw.example.cn/");
        AtomicReference<Integer> status = new AtomicReference<>(503);
        server.on("/gmw.xml", exchange -> LocalWebServer.send(exchange, status.get(), "application/rss+xml",
                status.get() == 200 ? rss("光明网", item("g1", "http://gmw.example.cn/1.html", "光明日报评论", "<p>评论员文章。</p>", "刚刚")).getBytes(StandardCharsets.UTF_8)
                        : "busy".getBytes()));
        SourceFeed feed = feeds.add(source.id(), server.url("/gmw.xml").toString(), Duration.ofMinutes(10));

        Instant before = Instant.now();
        PollReport failed = polling.pollNow(feed.id());
        assertThat(failed.status()).isEqualTo("failed");
        assertThat(failed.error()).startsWith("HTTP 503");
        polling.pollNow(feed.id());
        SourceFeed afterTwo = feeds.byId(feed.id()).orElseThrow();
        assertThat(afterTwo.failureCount()).isEqualTo(2);
        assertThat(afterTwo.lastError()).startsWith("HTTP 503");
        // 10 minutes doubled per failure: 40 minutes after the second failure.
        assertThat(afterTwo.nextPollAt()).isBetween(before.plus(Duration.ofMinutes(40)), Instant.now().plus(Duration.ofMinutes(40)));
        assertThat(schedule.due(100)).doesNotContain(feed.id());
        assertThat(polling.pollDue()).extracting(PollReport::feedId).doesNotContain(feed.id());

        status.set(200);
        PollReport recovered = polling.pollNow(feed.id());

        assertThat(recovered.created()).isEqualTo(1);
        SourceFeed healthy = feeds.byId(feed.id()).orElseThrow();
        assertThat(healthy.failureCount()).isZero();
        assertThat(healthy.lastSuccessAt()).isAfter(healthy.lastErrorAt().minusMillis(1));
        assertThat(healthy.nextPollAt()).isBetween(Instant.now().plus(Duration.ofMinutes(9)), Instant.now().plus(Duration.ofMinutes(11)));
        assertThat(healthy.title()).isEqualTo("光明网");
    }

    @Test
    void theHealthApiAnswersAdminsOnly() {
        Source source = sources.ensure("澎湃新闻", "http://thepaper.example.cn/");
        server.serve("/pp.xml", "application/rss+xml", rss("澎湃", item("p1", "http://thepaper.example.cn/1", "澎湃一号", "<p>正文一</p>", "3分钟前"),
                item("p2", "http://thepaper.example.cn/2", "澎湃二号", "<p>正文二</p>", "2小时前")).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> added = TestSites.post(port, "/api/v1/admin/sources/" + source.id() + "/feeds", "application/json",
                "{\"url\":\"" + server.url("/pp.xml") + "\",\"pollMinutes\":20}", TestSites.ADMIN_PASSWORD);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        long feedId = json.readTree(added.body()).get("id").asLong();
        HttpResponse<String> polled = TestSites.post(port, "/api/v1/admin/feeds/" + feedId + "/poll", "application/json", "", TestSites.ADMIN_PASSWORD);
        assertThat(json.readTree(polled.body()).get("created").asInt()).isEqualTo(2);

        assertThat(TestSites.get(port, "/api/v1/admin/sources/" + source.id() + "/feeds").statusCode()).isEqualTo(401);
        HttpResponse<String> health = getAsAdmin("/api/v1/admin/sources/" + source.id() + "/feeds");
        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode view = json.readTree(health.body()).get("feeds").get(0);
        assertThat(view.get("itemsTotal").asLong()).isEqualTo(2);
        assertThat(view.get("itemsLast24Hours").asInt()).isEqualTo(2);
        assertThat(view.get("pollIntervalSeconds").asLong()).isEqualTo(1200);
        assertThat(view.get("lastSuccessAt").isNull()).isFalse();
        assertThat(view.get("failureCount").asInt()).isZero();

        HttpResponse<String> bad = TestSites.post(port, "/api/v1/admin/sources/" + source.id() + "/feeds", "application/json",
                "{\"url\":\"ftp://x/\"}", TestSites.ADMIN_PASSWORD);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("not an absolute http(s) URL");
        assertThat(getAsAdmin("/api/v1/admin/sources/999999/feeds").statusCode()).isEqualTo(404);
    }

    HttpResponse<String> getAsAdmin(String path) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(("admin:" + TestSites.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                    .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
