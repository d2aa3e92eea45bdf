package org.masthead.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.masthead.TestSites;
import org.masthead.account.ApiTokens;
import org.masthead.account.Permission;
import org.masthead.account.Role;
import org.masthead.account.SignedInUser;
import org.masthead.article.ArticlePublished;
import org.masthead.article.ArticleWithdrawn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The workflow over HTTP as the newsroom uses it: an author writes and submits, an editor schedules,
 * the schedule publishes, the editor withdraws; revisions and the audit log read back. Whatever is not
 * published never shows on a reader page, a feed, the sitemap or the public API. The schedule checks
 * every 200 ms here (15 s in production).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "masthead.workflow.publish-check-interval=200ms")
class ArticleWorkflowApiIT {

    static final String PASSWORD = "a-long-test-password";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    Events events;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestSites.useFreshSqlite(registry);
    }

    /** Every ArticlePublished and ArticleWithdrawn of the application, in order. */
    static class Events {
        final List<Object> seen = new CopyOnWriteArrayList<>();

        @EventListener
        void on(ArticlePublished e) {
            seen.add(e);
        }

        @EventListener
        void on(ArticleWithdrawn e) {
            seen.add(e);
        }
    }

    @TestConfiguration
    static class Listening {
        @Bean
        Events events() {
            return new Events();
        }
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApiTokens tokens;

    @Autowired
    void users(JdbcClient jdbc, PasswordEncoder encoder) {
        for (String[] user : List.of(new String[] {"author1", "author"}, new String[] {"author2", "author"}, new String[] {"editor1", "editor"})) {
            jdbc.sql("INSERT INTO app_user (username, password_hash, role, created_at) VALUES (?, ?, ?, 0) ON CONFLICT (username) DO NOTHING")
                    .params(user[0], encoder.encode(PASSWORD), user[1])
                    .update();
        }
    }

    HttpResponse<String> call(String method, String path, String user, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (user != null && user.startsWith("token:")) {
            request.header("Authorization", "Bearer " + user.substring("token:".length()));
        } else if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode ok(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return json.readTree(response.body());
    }

    long createDraft(String user, String title) {
        String body = "{\"title\":\"" + title + "\",\"body\":\"<p>" + title + "的正文，市区道路将于周末进行养护施工。</p><script>alert(1)</script>\","
                + "\"channel\":\"市政\",\"tags\":[\"交通\"],\"authors\":[\"王小明\"]}";
        JsonNode created = ok(call("POST", "/api/v1/articles/drafts", user, body), 201);
        assertThat(created.get("status").asString()).isEqualTo("draft");
        return created.get("id").asLong();
    }

    /** What a reader can reach: the page, the home page, the RSS feed, the sitemap, the public API (one and list). */
    void assertPublic(long id, String title, boolean visible) {
        int page = call("GET", "/articles/" + id, null, null).statusCode();
        int api = call("GET", "/api/v1/articles/" + id, null, null).statusCode();
        String home = call("GET", "/", null, null).body();
        String feed = call("GET", "/feed.xml", null, null).body();
        String sitemap = call("GET", "/sitemap.xml", null, null).body() + sitemapFiles();
        String list = call("GET", "/api/v1/articles?size=100", null, null).body();
        if (visible) {
            assertThat(page).isEqualTo(200);
            assertThat(api).isEqualTo(200);
            assertThat(home).contains(title);
            assertThat(feed).contains(title);
            assertThat(sitemap).contains("/articles/" + id + "<");
            assertThat(list).contains(title);
        } else {
            assertThat(page).as("reader page").isEqualTo(404);
            assertThat(api).as("public API").isEqualTo(404);
            assertThat(home).as("home page").doesNotContain(title);
            assertThat(feed).as("RSS feed").doesNotContain(title);
            assertThat(sitemap).as("sitemaps").doesNotContain("/articles/" + id + "<");
            assertThat(list).as("public API list").doesNotContain(title);
        }
    }

    private String sitemapFiles() {
        StringBuilder all = new StringBuilder();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<loc>https?://[^/]+(/[^<]+)</loc>").matcher(call("GET", "/sitemap.xml", null, null).body());
        while (m.find()) {
            all.append(call("GET", m.group(1), null, null).body());
        }
        return all.toString();
    }

    @Test
    void anAuthorWritesAndSubmitsAnEditorSchedulesTheSchedulePublishesOnceTheEditorWithdrawsAndRestoresARevision() {
        String title = "台南市中西区道路周末养护施工" + System.nanoTime();
        long id = createDraft("author1", title);
        assertPublic(id, title, false);

        JsonNode edited = ok(call("PUT", "/api/v1/articles/" + id, "author1", "{\"title\":\"" + title + "\",\"body\":\"<p>" + title
                + "的正文，市区道路将于下周进行养护施工。</p>\",\"channel\":\"市政\",\"tags\":[\"交通\"],\"authors\":[\"王小明\"]}"), 200);
        assertThat(edited.get("outcome").asString()).isEqualTo("updated");
        JsonNode refused = ok(call("POST", "/api/v1/articles/" + id + "/publish", "author1", null), 403);
        assertThat(refused.get("error").asString()).isEqualTo("作者不能发布文章：请提交审核，由编辑发布。");
        assertThat(refused.get("code").asString()).isEqualTo("workflow.authorCannotPublish");
        assertThat(ok(call("PUT", "/api/v1/articles/" + id, "author2", "{\"title\":\"改别人的稿\",\"body\":\"<p>x</p>\"}"), 403).get("code").asString())
                .isEqualTo("workflow.notOwner");
        assertThat(ok(call("POST", "/api/v1/articles/" + id + "/submit", "author1", null), 200).get("status").asString()).isEqualTo("review");
        assertPublic(id, title, false);

        String past = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(5).withNano(0).toString();
        JsonNode inPast = ok(call("POST", "/api/v1/articles/" + id + "/schedule", "editor1", "{\"publishAt\":\"" + past + "\"}"), 400);
        assertThat(inPast.get("error").asString()).startsWith("定时发布时间须晚于现在：");
        assertThat(ok(call("POST", "/api/v1/articles/" + id + "/schedule", "editor1", "{\"publishAt\":\"明天\"}"), 400).get("error").asString())
                .startsWith("publishAt: not a time with offset");
        assertThat(ok(call("POST", "/api/v1/articles/" + id + "/schedule", "editor1", null), 400).get("code").asString())
                .isEqualTo("workflow.scheduleNeedsTime");
        Instant at = Instant.now().plusSeconds(2).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        JsonNode scheduled = ok(call("POST", "/api/v1/articles/" + id + "/schedule", "editor1",
                "{\"publishAt\":\"" + at.atOffset(ZoneOffset.ofHours(8)) + "\"}"), 200);
        assertThat(scheduled.get("status").asString()).isEqualTo("scheduled");
        assertThat(OffsetDateTime.parse(scheduled.get("publishedAt").asString()).toInstant()).isEqualTo(at);
        assertPublic(id, title, false);

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> call("GET", "/api/v1/articles/" + id, null, null).statusCode() == 200);
        Instant live = Instant.now();
        assertThat(Duration.between(at, live)).as("live within seconds of its time (checks every 200 ms; production: 15 s)").isLessThan(Duration.ofSeconds(10));
        assertPublic(id, title, true);
        assertThat(ok(call("GET", "/api/v1/articles/" + id, null, null), 200).get("body").asString()).doesNotContain("<script");
        assertThat(events.seen.stream().filter(e -> e instanceof ArticlePublished p && p.articleId() == id)).as("published exactly once").hasSize(1);

        assertThat(ok(call("POST", "/api/v1/articles/" + id + "/unpublish", "editor1", null), 200).get("status").asString()).isEqualTo("unpublished");
        assertPublic(id, title, false);
        assertThat(events.seen.stream().filter(e -> e instanceof ArticleWithdrawn w && w.articleId() == id)).hasSize(1);
        JsonNode withdrawn = ok(call("POST", "/api/v1/articles/" + id + "/schedule", "editor1",
                "{\"publishAt\":\"" + Instant.now().plusSeconds(3600).atOffset(ZoneOffset.ofHours(8)) + "\"}"), 409);
        assertThat(withdrawn.get("error").asString()).isEqualTo("文章已撤下，须先退回草稿，才能定时发布。");

        // Revisions: 1 created, 2 edited; the diff shows the changed word; restoring 1 makes 3.
        JsonNode revisions = ok(call("GET", "/api/v1/articles/" + id + "/revisions", "author1", null), 200).get("revisions");
        assertThat(revisions.valueStream().map(r -> r.get("number").asInt() + " " + r.get("reason").asString() + " " + r.get("createdBy").asString()))
                .containsExactly("2 update author1", "1 create author1");
        JsonNode diff = ok(call("GET", "/api/v1/articles/" + id + "/revisions/diff?from=1&to=2", "editor1", null), 200);
        assertThat(diff.get("text").asString()).isEqualTo("body:\n" + title + "的正文，市区道路将于[-周末-]{+下周+}进行养护施工。\n\n");
        assertThat(diff.get("changes").get(0).get("parts").valueStream().map(p -> p.get("op").asString())).containsExactly("equal", "delete", "insert", "equal");
        assertThat(ok(call("GET", "/api/v1/articles/" + id + "/revisions/1", "editor1", null), 200).get("content").get("body").asString())
                .contains("周末").doesNotContain("<script");
        assertThat(ok(call("POST", "/api/v1/articles/" + id + "/revisions/1/restore", "editor1", null), 200).get("outcome").asString()).isEqualTo("updated");
        assertThat(ok(call("GET", "/api/v1/articles/" + id, "editor1", null), 200).get("body").asString()).contains("周末");
        assertThat(ok(call("GET", "/api/v1/articles/" + id + "/revisions", "editor1", null), 200).get("revisions").get(0).get("reason").asString())
                .isEqualTo("restore:1");

        // The audit log: who, what, from where.
        JsonNode audit = ok(call("GET", "/api/v1/articles/" + id + "/audit", "author1", null), 200).get("entries");
        assertThat(audit.valueStream().map(e -> e.get("action").asString() + " by " + e.get("actor").asString())).containsExactly(
                "restore by editor1", "unpublish by editor1", "publish by system:schedule", "schedule by editor1", "submit by author1",
                "update by author1", "create by author1");
        assertThat(audit.get(1).get("address").asString()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(audit.get(2).get("role").asString()).isEqualTo("system");
        assertThat(ok(call("GET", "/api/v1/audit?limit=3", "author1", null), 403).get("code").asString()).isEqualTo("audit.editorsOnly");
        assertThat(ok(call("GET", "/api/v1/audit?limit=3", "editor1", null), 200).get("entries").get(0).get("action").asString()).isEqualTo("restore");
        assertThat(ok(call("GET", "/api/v1/articles/" + id + "/revisions", "author2", null), 403).get("code").asString()).isEqualTo("workflow.notOwner");
    }

    @Test
    void anEditorPublishesAtOnceArchivesAndDeletesAndEachStepReachesTheReaders() {
        String title = "市政府发布防汛通知" + System.nanoTime();
        long id = createDraft("editor1", title);

        assertThat(ok(call("POST", "/api/v1/articles/" + id + "/publish", "editor1", null), 200).get("status").asString()).isEqualTo("published");
        assertPublic(id, title, true);
        assertThat(ok(call("POST", "/api/v1/articles/" + id + "/archive", "editor1", null), 200).get("status").asString()).isEqualTo("archived");
        assertPublic(id, title, false);
        assertThat(ok(call("POST", "/api/v1/articles/" + id + "/reopen", "editor1", null), 200).get("status").asString()).isEqualTo("draft");
        assertThat(ok(call("POST", "/api/v1/articles/" + id + "/publish", "editor1", null), 200).get("status").asString()).isEqualTo("published");
        assertPublic(id, title, true);

        assertThat(call("DELETE", "/api/v1/articles/" + id, "author1", null).statusCode()).isEqualTo(403);
        assertThat(call("DELETE", "/api/v1/articles/" + id, "editor1", null).statusCode()).isEqualTo(204);
        assertPublic(id, title, false);
        assertThat(ok(call("POST", "/api/v1/articles/" + id + "/submit", "editor1", null), 404).get("error").asString()).isEqualTo("文章 " + id + " 不存在。");
        assertThat(ok(call("GET", "/api/v1/articles/" + id + "/audit", "editor1", null), 200).get("entries").get(0).get("action").asString())
                .isEqualTo("delete");
    }

    @Test
    void writesNeedANewsroomRoleAndReadsOfHistoryNeedAnAccount() {
        long id = createDraft("author1", "只给编辑部看的稿件");

        assertThat(call("POST", "/api/v1/articles/drafts", null, "{\"title\":\"匿名\"}").statusCode()).isEqualTo(401);
        assertThat(call("POST", "/api/v1/articles/" + id + "/submit", null, null).statusCode()).isEqualTo(401);
        assertThat(call("PUT", "/api/v1/articles/" + id, null, "{\"title\":\"匿名\"}").statusCode()).isEqualTo(401);
        assertThat(call("DELETE", "/api/v1/articles/" + id, null, null).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/api/v1/articles/" + id + "/revisions", null, null).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/api/v1/articles/" + id + "/audit", null, null).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/api/v1/audit", null, null).statusCode()).isEqualTo(401);
        // Every account has a newsroom role; what can lack one is an API token whose scopes do not include writing.
        long authorId = jdbc.sql("SELECT id FROM app_user WHERE username = 'author1'").query(Long.class).single();
        String readOnly = tokens.create(new SignedInUser(authorId, "author1", Role.AUTHOR, 0, null), "read-only", List.of(Permission.ARTICLES_READ.authority()), null).secret();
        assertThat(call("POST", "/api/v1/articles/drafts", "token:" + readOnly, "{\"title\":\"没有写权限\"}").statusCode()).isEqualTo(403);
        assertThat(call("POST", "/api/v1/articles/" + id + "/submit", "token:" + readOnly, null).statusCode()).isEqualTo(403);
        assertThat(call("POST", "/api/v1/articles", "author1", "{\"title\":\"作者不能导入\"}").statusCode())
                .as("an import may publish, so it takes the publishing permission authors lack").isEqualTo(403);
        assertThat(call("GET", "/api/v1/articles?status=draft&size=100", "editor1", null).body()).as("editors list drafts").contains("只给编辑部看的稿件");
        assertThat(call("GET", "/api/v1/articles?status=draft&size=100", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void badInputGetsAClearMessageAndStoresNothing() {
        assertThat(ok(call("POST", "/api/v1/articles/drafts", "author1", "{\"title\":\"\"}"), 400).get("error").asString()).isEqualTo("title: must not be empty");
        assertThat(ok(call("POST", "/api/v1/articles/drafts", "author1", "{\"title\":"), 400).get("error").asString()).startsWith("json:");
        assertThat(ok(call("POST", "/api/v1/articles/drafts", "author1", "{\"title\":\"x\",\"format\":\"markdown\",\"body\":\"x\"}"), 400)
                .get("error").asString()).startsWith("format:");
        long id = createDraft("author1", "空正文测试");
        assertThat(ok(call("PUT", "/api/v1/articles/" + id, "author1", "{\"title\":\"空正文测试\",\"body\":\"\"}"), 200).get("outcome").asString())
                .isEqualTo("updated");
        assertThat(ok(call("POST", "/api/v1/articles/" + id + "/submit", "author1", null), 400).get("error").asString()).isEqualTo("正文为空的文章不能提交审核。");
        assertThat(ok(call("GET", "/api/v1/articles/" + id + "/revisions/diff?from=1&to=x", "author1", null), 400).get("error").asString())
                .startsWith("to:");
        assertThat(ok(call("GET", "/api/v1/articles/" + id + "/revisions/7", "author1", null), 404).get("error").asString())
                .isEqualTo("文章 " + id + " 没有第 7 版。");
    }
}
