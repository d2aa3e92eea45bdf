package org.masthead.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.TestBrowser;
import org.masthead.TestSites;
import org.masthead.account.Role;
import org.masthead.account.SignedInUser;
import org.masthead.account.UserAdministration;
import org.masthead.search.IndexRebuilds;
import org.masthead.search.SearchIndex;
import org.masthead.search.SearchIndexing;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /admin/search}: an editor finds drafts and published articles alike and narrows by status; an
 * author may not open it; only an admin (search:admin) gets the rebuild button, whose POST starts an
 * online rebuild in the background that the page then reports; a rebuild already running (here one held
 * open by the test) refuses a second from the button and from {@code POST /api/v1/admin/search/reindex}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SearchAdminPageIT {

    private static final List<Long> ids = new ArrayList<>();

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SearchIndexing indexing;

    @Autowired
    SearchIndex index;

    @Autowired
    IndexRebuilds rebuilds;

    @Autowired
    UserAdministration users;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestSites.useFreshSqlite(registry);
    }

    @BeforeEach
    void articlesOnce() {
        if (!ids.isEmpty()) {
            return;
        }
        SignedInUser setup = new SignedInUser(0, "setup", Role.ADMIN, 0, null);
        users.create(setup, "editor", "editor-password-1234", Role.EDITOR);
        users.create(setup, "author", "author-password-1234", Role.AUTHOR);
        StringBuilder ndjson = new StringBuilder();
        String[] titles = {"稻草人节在乡村举行", "稻草人的草稿", "稻草人展览开幕"};
        for (int i = 0; i < titles.length; i++) {
            ndjson.append("{\"title\":\"").append(titles[i]).append("\",\"body\":\"").append(titles[i]).append("，正文第").append(i)
                    .append("段提到稻草人和田野。\",\"bodyFormat\":\"text\",\"publishedAt\":\"2018-11-0").append(i + 1)
                    .append("T08:00:00+08:00\",\"source\":\"新京报\",\"channel\":\"社会\",\"tags\":[],\"originalUrl\":\"https://example.cn/admin-page/")
                    .append(i).append("\"}\n");
        }
        HttpResponse<String> imported = TestSites.importAsAdmin(port, ndjson.toString());
        assertThat(imported.statusCode()).isEqualTo(200);
        json.readTree(imported.body()).get("results").forEach(r -> ids.add(r.get("id").asLong()));
        await().atMost(Duration.ofSeconds(30)).until(() -> indexing.backlog() == 0 && !indexing.reindexing() && index.checksum().count() == 3);
        jdbc.sql("UPDATE article SET status = 'draft' WHERE id = ?").param(ids.get(1)).update();
        indexing.check();
        await().atMost(Duration.ofSeconds(10)).until(() -> indexing.backlog() == 0 && indexing.check().outcome() == SearchIndexing.Check.Outcome.IN_STEP);
    }

    private TestBrowser signedIn(String user, String password) {
        TestBrowser browser = new TestBrowser(port);
        assertThat(browser.signIn(user, password).statusCode()).isEqualTo(302);
        return browser;
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void editorsFindEveryStatusAndFilterByOneButCannotRebuild() {
        TestBrowser editor = signedIn("editor", "editor-password-1234");
        HttpResponse<String> all = editor.get("/admin/search?q=" + q("稻草人"));
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.body()).contains("共 3 条结果，3 篇文章").contains("草稿").contains("已发布")
                .contains("<mark>稻草人</mark>的草稿")
                .contains("aria-current=\"page\">搜索</a>")
                .doesNotContain("action=\"/admin/search/reindex\"");
        assertThat(all.body()).as("a draft has no public link").doesNotContain("href=\"/articles/" + ids.get(1) + "\"")
                .contains("href=\"/articles/" + ids.get(0) + "\"");
        HttpResponse<String> drafts = editor.get("/admin/search?q=" + q("稻草人") + "&status=draft");
        assertThat(drafts.body()).contains("共 1 条结果，1 篇文章").contains("稻草人</mark>的草稿").doesNotContain("展览开幕");
        HttpResponse<String> bad = editor.get("/admin/search?q=" + q("稻草人") + "&status=lost&from=2018-13-45");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("没有「lost」这个状态").contains("日期「2018-13-45」无效").contains("value=\"稻草人\"");
        assertThat(editor.postForm("/admin/search/reindex", Map.of()).statusCode()).isEqualTo(403);
        assertThat(signedIn("author", "author-password-1234").get("/admin/search?q=x").statusCode()).isEqualTo(403);
    }

    @Test
    void theAdminsButtonRebuildsInTheBackgroundAndASecondRebuildIsRefused() throws Exception {
        TestBrowser admin = signedIn("admin", TestSites.ADMIN_PASSWORD);
        HttpResponse<String> page = admin.get("/admin/search");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("action=\"/admin/search/reindex\"").contains("重建索引");
        assertThat(admin.postFormWithoutToken("/admin/search/reindex", Map.of()).statusCode()).as("no CSRF token, no rebuild").isEqualTo(403);

        HttpResponse<String> pressed = admin.postForm("/admin/search/reindex", Map.of());
        assertThat(pressed.statusCode()).isEqualTo(302);
        assertThat(pressed.headers().firstValue("Location").orElse("")).endsWith("/admin/search?rebuild=started");
        await().atMost(Duration.ofSeconds(30)).until(() -> !rebuilds.status().running() && rebuilds.status().last() != null);
        assertThat(rebuilds.status().last().succeeded()).isTrue();
        assertThat(rebuilds.status().last().articles()).isEqualTo(3);
        assertThat(admin.get("/admin/search?rebuild=started").body()).contains("已开始重建索引").contains("3 篇文章").contains("由 admin 发起");
        assertThat(admin.get("/admin/search?q=" + q("稻草人")).body()).as("still searchable after the swap").contains("共 3 条结果");

        // A rebuild held open (its progress callback waits): neither the button nor the API starts another.
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch inside = new CountDownLatch(1);
        CompletableFuture<SearchIndexing.Reindexed> held = CompletableFuture.supplyAsync(() -> indexing.reindex(n -> {
            inside.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        try {
            assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();
            HttpResponse<String> busy = admin.postForm("/admin/search/reindex", Map.of());
            assertThat(busy.headers().firstValue("Location").orElse("")).endsWith("/admin/search?rebuild=busy");
            assertThat(admin.get("/admin/search?rebuild=busy").body()).contains("已有一个重建正在进行").contains("正在重建").contains("disabled");
            String basic = "Basic " + Base64.getEncoder().encodeToString(("admin:" + TestSites.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> api = admin.send("POST", "/api/v1/admin/search/reindex", null, "", Map.of("Authorization", basic));
            assertThat(api.statusCode()).as(api.body()).isEqualTo(409);
            JsonNode status = json.readTree(api.body());
            assertThat(status.get("started").asBoolean()).isFalse();
            assertThat(status.get("running").asBoolean()).isTrue();
        } finally {
            release.countDown();
        }
        assertThat(held.get(30, TimeUnit.SECONDS).articles()).isEqualTo(3);

        String basic = "Basic " + Base64.getEncoder().encodeToString(("admin:" + TestSites.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> started = admin.send("POST", "/api/v1/admin/search/reindex", null, "", Map.of("Authorization", basic));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        assertThat(json.readTree(started.body()).get("started").asBoolean()).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode s = json.readTree(admin.send("GET", "/api/v1/admin/search/reindex", null, "", Map.of("Authorization", basic)).body());
            return !s.get("running").asBoolean() && s.get("last").get("succeeded").asBoolean() && s.get("last").get("articles").asLong() == 3;
        });
    }
}
