package org.masthead.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.masthead.TestBrowser;
import org.masthead.TestSites;
import org.masthead.source.FeedSchedule;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sources under control, through the real server and feeds from a local HTTP server: create a source
 * by the API, poll it now, see its items and the event log; a flagged item waits in review until an
 * editor approves it in the back office; duplicates, bad URLs and deletion answer clearly.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "masthead.ingest.polling=false", "masthead.ingest.allow-private-addresses=true", "masthead.ingest.read-timeout=2s"})
class SourceControlIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestSites.useFreshSqlite(registry);
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    IngestEvents events;

    @Autowired
    FeedSchedule schedule;

    final LocalWebServer server = new LocalWebServer();

    @AfterEach
    void stop() {
        server.close();
    }

    static final String NEWS_1 = FeedPollingIT.item("xh-1", "http://xh.example.cn/a/1.html", "长江流域禁渔成效明显",
            "<p>农业农村部今天通报，长江流域重点水域禁渔三年来，水生生物资源恢复向好，多种鱼类种群数量回升，江豚出现频次明显增加。</p>",
            "Tue, 29 Aug 2023 01:18:00 GMT");
    static final String NEWS_2 = FeedPollingIT.item("xh-2", "http://xh.example.cn/a/2.html", "新一批国家级文化生态保护区公布",
            "<p>文化和旅游部近日公布新一批国家级文化生态保护区名单，涉及多个省份的传统村落、非遗项目与民俗活动的整体性保护。</p>",
            "Tue, 29 Aug 2023 02:18:00 GMT");
    static final String AD = FeedPollingIT.item("xh-ad", "http://xh.example.cn/a/ad.html", "上海哪里白癜风医院好",
            "<p>白癜风患者应尽早到正规白癜风医院治疗，专家提醒选择医院要看资质。免费咨询热线：400-123-4567，在线咨询，加微信预约挂号。</p>",
            "Tue, 29 Aug 2023 03:18:00 GMT");

    HttpResponse<String> api(String method, String path, String body) {
        return api(method, path, body, "admin", TestSites.ADMIN_PASSWORD);
    }

    HttpResponse<String> api(String method, String path, String body, String user, String password) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    JsonNode read(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    List<String> kinds(JsonNode events) {
        List<String> kinds = new ArrayList<>();
        events.get("events").forEach(e -> kinds.add(e.get("kind").asString()));
        return kinds;
    }

    @Test
    void aSourceCreatedByTheApiIsPolledNowItsItemsAppearAndEveryStepIsLogged() {
        AtomicReference<byte[]> feed = new AtomicReference<>(FeedPollingIT.rss("新华网", NEWS_1, NEWS_2, AD).getBytes(StandardCharsets.UTF_8));
        server.on("/xh.xml", exchange -> {
            String etag = "\"" + Integer.toHexString(java.util.Arrays.hashCode(feed.get())) + "\"";
            exchange.getResponseHeaders().set("ETag", etag);
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                LocalWebServer.send(exchange, 304, null, new byte[0]);
            } else {
                LocalWebServer.send(exchange, 200, "application/rss+xml; charset=utf-8", feed.get());
            }
        });

        HttpResponse<String> created = api("POST", "/api/v1/sources", json.writeValueAsString(Map.of("name", "新华网", "homepage", "http://xh.example.cn/",
                "feedUrl", server.url("/xh.xml").toString(), "logoUrl", "http://xh.example.cn/logo.png")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = read(created).get("id").asLong();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/sources/" + id);
        assertThat(read(created).get("logoUrl").asString()).isEqualTo("http://xh.example.cn/logo.png");
        assertThat(read(created).get("health").get("feedCount").asInt()).isEqualTo(1);
        assertThat(read(created).get("health").get("lastSuccessAt").isNull()).isTrue();

        HttpResponse<String> polled = api("POST", "/api/v1/sources/" + id + "/poll", null);
        assertThat(polled.statusCode()).as(polled.body()).isEqualTo(200);
        JsonNode outcome = read(polled);
        assertThat(outcome.get("status").asString()).isEqualTo("done");
        assertThat(outcome.get("created").asInt()).isEqualTo(2);
        assertThat(outcome.get("flagged").asInt()).isEqualTo(1);
        assertThat(outcome.get("failed").asInt()).isZero();

        // The two news items are published and on the site; the ad waits in review, invisible.
        assertThat(count("SELECT COUNT(*) FROM article WHERE source_id = ? AND status = 'published'", id)).isEqualTo(2);
        long adId = jdbc.sql("SELECT id FROM article WHERE title = '上海哪里白癜风医院好'").query(Long.class).single();
        assertThat(jdbc.sql("SELECT status FROM article WHERE id = ?").param(adId).query(String.class).single()).isEqualTo("review");
        assertThat(TestSites.get(port, "/articles/" + adId).statusCode()).isEqualTo(404);
        assertThat(TestSites.get(port, "/api/v1/articles?source=" + java.net.URLEncoder.encode("新华网", StandardCharsets.UTF_8)).body()).contains("长江流域禁渔成效明显").doesNotContain("白癜风");

        JsonNode log = read(api("GET", "/api/v1/sources/" + id + "/events", null));
        assertThat(kinds(log)).containsExactlyInAnyOrder("fetched", "new", "new", "flagged");
        JsonNode flagged = null;
        for (JsonNode e : log.get("events")) {
            if (e.get("kind").asString().equals("flagged")) {
                flagged = e;
            }
        }
        assertThat(flagged.get("articleId").asLong()).isEqualTo(adId);
        assertThat(flagged.get("detail").asString()).contains("quality.reason.hospital-ad");
        assertThat(flagged.get("itemUrl").asString()).isEqualTo("http://xh.example.cn/a/ad.html");

        // A second poll gets 304: nothing new, one more line.
        JsonNode again = read(api("POST", "/api/v1/sources/" + id + "/poll", null));
        assertThat(again.get("created").asInt()).isZero();
        assertThat(again.get("feeds").get(0).get("status").asString()).isEqualTo("not-modified");
        JsonNode firstPage = read(api("GET", "/api/v1/sources/" + id + "/events?page=1&size=2", null));
        assertThat(firstPage.get("total").asInt()).isEqualTo(5);
        assertThat(firstPage.get("totalPages").asInt()).isEqualTo(3);
        assertThat(kinds(firstPage).getFirst()).isEqualTo("not-modified");

        JsonNode health = read(api("GET", "/api/v1/sources/" + id + "/health", null));
        assertThat(health.get("lastSuccessAt").isNull()).isFalse();
        assertThat(health.get("itemsTotal").asInt()).as("new articles of the source, held ones included").isEqualTo(3);
        assertThat(health.get("backingOff").asBoolean()).isFalse();
        assertThat(health.get("nextPollAt").isNull()).isFalse();
        JsonNode listed = null;
        for (JsonNode s : read(api("GET", "/api/v1/sources", null)).get("sources")) {
            if (s.get("id").asLong() == id) {
                listed = s;
            }
        }
        assertThat(listed.get("name").asString()).isEqualTo("新华网");
        assertThat(listed.get("health").get("itemsTotal").asInt()).isEqualTo(3);
    }

    @Test
    void aFlaggedItemWaitsInReviewUntilAnEditorApprovesItAndARejectedOneIsArchived() {
        String second = FeedPollingIT.item("xh-ad2", "http://xh.example.cn/a/ad2.html", "北京哪家癫痫医院最好",
                "<p>癫痫患者选择癫痫医院要慎重，权威专家在线咨询，24小时免费咨询电话 010-12345678，加微信了解详情。</p>", "Tue, 29 Aug 2023 04:18:00 GMT");
        String first = FeedPollingIT.item("mw-ad1", "http://mw.example.cn/a/ad1.html", "杭州哪里牛皮癣医院好",
                "<p>牛皮癣患者要选择正规牛皮癣专科医院，切勿病急乱投医。免费咨询热线：400-765-4321，在线咨询，扫码咨询更方便。</p>", "Tue, 29 Aug 2023 03:18:00 GMT");
        server.serve("/ads.xml", "application/rss+xml; charset=utf-8", FeedPollingIT.rss("某网", first, second).getBytes(StandardCharsets.UTF_8));
        long id = read(api("POST", "/api/v1/sources", json.writeValueAsString(Map.of("name", "某网", "feedUrl", server.url("/ads.xml").toString()))))
                .get("id").asLong();
        assertThat(read(api("POST", "/api/v1/sources/" + id + "/poll", null)).get("flagged").asInt()).isEqualTo(2);
        long approveId = jdbc.sql("SELECT id FROM article WHERE title = '杭州哪里牛皮癣医院好'").query(Long.class).single();
        long rejectId = jdbc.sql("SELECT id FROM article WHERE title = '北京哪家癫痫医院最好'").query(Long.class).single();

        TestBrowser editor = new TestBrowser(port);
        assertThat(editor.signIn("admin", TestSites.ADMIN_PASSWORD).statusCode()).isEqualTo(302);
        HttpResponse<String> queue = editor.get("/admin/review");
        assertThat(queue.statusCode()).isEqualTo(200);
        assertThat(queue.body()).contains("杭州哪里牛皮癣医院好", "北京哪家癫痫医院最好", "医疗广告用语", "/admin/review/" + approveId + "/approve");

        HttpResponse<String> approved = editor.postForm("/admin/review/" + approveId + "/approve", Map.of());
        assertThat(approved.statusCode()).isEqualTo(302);
        assertThat(approved.headers().firstValue("Location").orElse("")).endsWith("/admin/review?approved=" + approveId);
        assertThat(jdbc.sql("SELECT status FROM article WHERE id = ?").param(approveId).query(String.class).single()).isEqualTo("published");
        assertThat(TestSites.get(port, "/articles/" + approveId).statusCode()).isEqualTo(200);
        assertThat(count("SELECT COUNT(*) FROM article_audit WHERE article_id = ? AND action = 'publish' AND actor = 'admin' AND from_status = 'review'",
                approveId)).isEqualTo(1);

        HttpResponse<String> rejected = editor.postForm("/admin/review/" + rejectId + "/reject", Map.of());
        assertThat(rejected.headers().firstValue("Location").orElse("")).endsWith("/admin/review?rejected=" + rejectId);
        assertThat(jdbc.sql("SELECT status FROM article WHERE id = ?").param(rejectId).query(String.class).single()).isEqualTo("archived");
        assertThat(TestSites.get(port, "/articles/" + rejectId).statusCode()).isEqualTo(404);

        // Answering again finds nothing in review and changes nothing.
        HttpResponse<String> late = editor.postForm("/admin/review/" + rejectId + "/approve", Map.of());
        assertThat(late.headers().firstValue("Location").orElse("")).endsWith("/admin/review?gone");
        assertThat(jdbc.sql("SELECT status FROM article WHERE id = ?").param(rejectId).query(String.class).single()).isEqualTo("archived");
        assertThat(editor.get("/admin/review").body()).doesNotContain("北京哪家癫痫医院最好").doesNotContain("杭州哪里牛皮癣医院好");
    }

    @Test
    void duplicatesBadInputAndStrangersGetClearAnswers() {
        HttpResponse<String> first = api("POST", "/api/v1/sources", "{\"name\":\"澎湃新闻\",\"homepage\":\"https://www.thepaper.cn/\"}");
        assertThat(first.statusCode()).isEqualTo(201);
        long id = read(first).get("id").asLong();

        HttpResponse<String> duplicate = api("POST", "/api/v1/sources", "{\"name\":\" 澎湃新闻 \",\"feedUrl\":\"https://www.thepaper.cn/rss.xml\"}");
        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(read(duplicate).get("code").asString()).isEqualTo("source.error.duplicateName");
        assertThat(read(duplicate).get("error").asString()).contains("澎湃新闻", "已存在");
        assertThat(count("SELECT COUNT(*) FROM source_feed WHERE url = 'https://www.thepaper.cn/rss.xml'")).as("a refused source adds no feed").isZero();

        HttpResponse<String> badUrl = api("POST", "/api/v1/sources", "{\"name\":\"坏地址\",\"feedUrl\":\"javascript:alert(1)\"}");
        assertThat(badUrl.statusCode()).isEqualTo(400);
        assertThat(read(badUrl).get("error").asString()).contains("feedUrl", "javascript:alert(1)");
        assertThat(count("SELECT COUNT(*) FROM source WHERE name = '坏地址'")).as("a refused feed adds no source").isZero();
        assertThat(api("POST", "/api/v1/sources", "{\"name\":\"坏主页\",\"homepage\":\"ftp://x.cn/\"}").statusCode()).isEqualTo(400);
        assertThat(api("POST", "/api/v1/sources", "{\"name\":\"\"}").statusCode()).isEqualTo(400);
        assertThat(api("POST", "/api/v1/sources", "{not json").statusCode()).isEqualTo(400);

        assertThat(api("GET", "/api/v1/sources", null, null, null).statusCode()).isEqualTo(401);
        assertThat(api("GET", "/api/v1/sources/999999", null).statusCode()).isEqualTo(404);
        assertThat(api("POST", "/api/v1/sources/999999/poll", null).statusCode()).isEqualTo(404);

        HttpResponse<String> noFeeds = api("POST", "/api/v1/sources/" + id + "/poll", null);
        assertThat(noFeeds.statusCode()).isEqualTo(409);
        assertThat(read(noFeeds).get("code").asString()).isEqualTo("source.error.noFeeds");
    }

    @Test
    void patchAndPutChangeASourceAndDeleteKeepsItsArticlesButRemovesItsFeeds() {
        String own = FeedPollingIT.item("rm-1", "http://people.example.cn/a/1.html", "全国秋粮收获过半",
                "<p>农业农村部农情调度显示，全国秋粮已收获过半，进度快于上年同期，各地抢抓晴好天气组织机械化收获。</p>", "Tue, 29 Aug 2023 05:18:00 GMT");
        server.serve("/p.xml", "application/rss+xml; charset=utf-8", FeedPollingIT.rss("人民网", own).getBytes(StandardCharsets.UTF_8));
        long id = read(api("POST", "/api/v1/sources", json.writeValueAsString(Map.of("name", "人民网", "homepage", "http://people.example.cn/",
                "feedUrl", server.url("/p.xml").toString())))).get("id").asLong();
        assertThat(api("POST", "/api/v1/sources/" + id + "/poll", null).statusCode()).isEqualTo(200);

        JsonNode patched = read(api("PATCH", "/api/v1/sources/" + id, "{\"logoUrl\":\"https://people.example.cn/logo.svg\"}"));
        assertThat(patched.get("logoUrl").asString()).isEqualTo("https://people.example.cn/logo.svg");
        assertThat(patched.get("homepage").asString()).as("fields not sent stay").isEqualTo("http://people.example.cn/");
        JsonNode replaced = read(api("PUT", "/api/v1/sources/" + id, "{\"name\":\"人民网 · 时政\"}"));
        assertThat(replaced.get("name").asString()).isEqualTo("人民网 · 时政");
        assertThat(replaced.get("homepage").isNull()).as("PUT replaces: a field left out is cleared").isTrue();
        assertThat(api("PATCH", "/api/v1/sources/" + id, "{\"homepage\":\"not a url\"}").statusCode()).isEqualTo(400);

        HttpResponse<String> deleted = api("DELETE", "/api/v1/sources/" + id, null);
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(read(deleted).get("feedsRemoved").asInt()).isEqualTo(1);
        assertThat(read(deleted).get("articlesKept").asInt()).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM source_feed WHERE source_id = ?", id)).isZero();
        assertThat(count("SELECT COUNT(*) FROM article WHERE source_id = ? AND status = 'published'", id)).isEqualTo(1);
        assertThat(api("GET", "/api/v1/sources/" + id, null).statusCode()).isEqualTo(404);
        assertThat(api("DELETE", "/api/v1/sources/" + id, null).statusCode()).isEqualTo(404);
        assertThat(read(api("GET", "/api/v1/sources", null)).toString()).doesNotContain("人民网");

        // The same name again brings the row back, so old articles and the new feed share one source.
        JsonNode again = read(api("POST", "/api/v1/sources", "{\"name\":\"人民网 · 时政\"}"));
        assertThat(again.get("id").asLong()).isEqualTo(id);
    }

    @Test
    void theBackOfficeAddsPollsAndShowsASourceWithoutJavaScript() {
        String own = FeedPollingIT.item("gm-1", "http://gmw.example.cn/a/1.html", "多地推进老旧小区加装电梯",
                "<p>住房和城乡建设部介绍，今年以来多地加快推进老旧小区改造，加装电梯数量明显增加，居民出行更加便利。</p>", "Tue, 29 Aug 2023 06:18:00 GMT");
        server.serve("/b.xml", "application/rss+xml; charset=utf-8", FeedPollingIT.rss("光明网", own).getBytes(StandardCharsets.UTF_8));
        TestBrowser editor = new TestBrowser(port);
        editor.signIn("admin", TestSites.ADMIN_PASSWORD);
        assertThat(editor.get("/admin/sources").body()).contains("添加来源", "href=\"/admin/review\"");

        HttpResponse<String> bad = editor.postForm("/admin/sources", Map.of("name", "光明网", "feedUrl", "not-a-url", "pollMinutes", "30"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("不是完整的 http:// 或 https:// 网址", "value=\"光明网\"");

        HttpResponse<String> added = editor.postForm("/admin/sources", Map.of("name", "光明网", "homepage", "http://gmw.example.cn/",
                "feedUrl", server.url("/b.xml").toString(), "logoUrl", "", "pollMinutes", "15"));
        assertThat(added.statusCode()).isEqualTo(302);
        String location = added.headers().firstValue("Location").orElseThrow();
        long id = Long.parseLong(location.replaceAll(".*/admin/sources/(\\d+).*", "$1"));
        assertThat(editor.get("/admin/sources/" + id + "?created").body()).contains("已添加来源「光明网」", "15 min");

        HttpResponse<String> polled = editor.postForm("/admin/sources/" + id + "/poll", Map.of());
        assertThat(polled.statusCode()).isEqualTo(200);
        assertThat(polled.body()).contains("抓取完成：新增 1 篇", "新文章", "已抓取", "http://gmw.example.cn/a/1.html");

        HttpResponse<String> removed = editor.postForm("/admin/sources/" + id + "/delete", Map.of());
        assertThat(removed.body()).contains("已删除来源「光明网」", "1 篇文章保留");
    }

    @Test
    void oldEventsArePruned() {
        jdbc.sql("INSERT INTO ingest_event (at, source_id, kind, detail) VALUES (?, 1, 'failed', 'old')")
                .param(Instant.now().minus(Duration.ofDays(31)).toEpochMilli()).update();
        jdbc.sql("INSERT INTO ingest_event (at, source_id, kind, detail) VALUES (?, 1, 'failed', 'recent')")
                .param(Instant.now().minus(Duration.ofDays(29)).toEpochMilli()).update();
        assertThat(events.prune()).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM ingest_event WHERE detail = 'recent'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM ingest_event WHERE detail = 'old'")).isZero();
    }
}
