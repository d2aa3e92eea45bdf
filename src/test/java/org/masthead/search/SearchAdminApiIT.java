package org.masthead.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.TestSites;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/v1/admin/search}: admins find every article, whatever its status, and can narrow by
 * status; readers' {@code /api/v1/search} and suggestions never show the others. Statuses are changed
 * in the database behind the index's back (no event), so the start-up checksum's repair is what brings
 * them into the index.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SearchAdminApiIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
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

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestSites.useFreshSqlite(registry);
    }

    @BeforeEach
    void articlesInFourStatesOnce() {
        if (!ids.isEmpty()) {
            return;
        }
        StringBuilder ndjson = new StringBuilder();
        String[] titles = {"公开的稻草人报道", "草稿里的稻草人", "撤下的稻草人", "明天发布的稻草人"};
        for (int i = 0; i < titles.length; i++) {
            ndjson.append("{\"title\":\"").append(titles[i]).append("\",\"body\":\"").append(titles[i]).append("，正文提到稻草人。\",")
                    .append("\"bodyFormat\":\"text\",\"publishedAt\":\"2018-11-0").append(i + 1).append("T08:00:00+08:00\",")
                    .append("\"source\":\"").append(i == 0 ? "新京报" : "内部来源").append("\",\"channel\":\"").append(i == 0 ? "社会" : "内部栏目")
                    .append("\",\"tags\":[],\"originalUrl\":\"https://example.cn/admin-search/").append(i).append("\"}\n");
        }
        HttpResponse<String> imported = TestSites.importAsAdmin(port, ndjson.toString());
        assertThat(imported.statusCode()).isEqualTo(200);
        for (JsonNode result : json.readTree(imported.body()).get("results")) {
            ids.add(result.get("id").asLong());
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> indexing.backlog() == 0 && !indexing.reindexing() && index.checksum().count() == 4);
        // Behind the index's back: no event, the update time unchanged; only the status-weighted checksum notices.
        jdbc.sql("UPDATE article SET status = 'draft' WHERE id = ?").param(ids.get(1)).update();
        jdbc.sql("UPDATE article SET status = 'unpublished' WHERE id = ?").param(ids.get(2)).update();
        jdbc.sql("UPDATE article SET published_at = ?, updated_at = updated_at + 1 WHERE id = ?").param(System.currentTimeMillis() + 86_400_000L)
                .param(ids.get(3)).update();
        assertThat(indexing.check().outcome()).isEqualTo(SearchIndexing.Check.Outcome.REPAIRING);
        await().atMost(Duration.ofSeconds(5)).until(() -> indexing.backlog() == 0 && indexing.check().outcome() == SearchIndexing.Check.Outcome.IN_STEP);
    }

    HttpResponse<String> get(String path, String user, String password) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode admin(String query) {
        HttpResponse<String> response = get("/api/v1/admin/search?" + query, "admin", TestSites.ADMIN_PASSWORD);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    static String q(String text) {
        return "q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static List<Long> hitIds(JsonNode body) {
        List<Long> found = new ArrayList<>();
        body.get("hits").forEach(h -> found.add(h.get("id").asLong()));
        return found;
    }

    @Test
    void onlyAnAdminMaySearchEverything() {
        HttpResponse<String> anonymous = get("/api/v1/admin/search?" + q("稻草人"), null, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).contains("\"status\":401").doesNotContain("稻草人");
        HttpResponse<String> wrong = get("/api/v1/admin/search?" + q("稻草人"), "admin", "not-the-password");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).doesNotContain("稻草人");
    }

    @Test
    void adminsFindEveryStatusAndCanChooseOne() {
        JsonNode all = admin(q("稻草人"));
        assertThat(all.get("total").asLong()).isEqualTo(4);
        assertThat(hitIds(all)).containsExactlyInAnyOrderElementsOf(ids);
        List<String> statuses = new ArrayList<>();
        all.get("hits").forEach(h -> statuses.add(h.get("id").asLong() + "=" + h.get("status").asString()));
        assertThat(statuses).containsExactlyInAnyOrder(ids.get(0) + "=published", ids.get(1) + "=draft", ids.get(2) + "=unpublished",
                ids.get(3) + "=published");
        assertThat(all.get("facets").get("channel").toString()).contains("\"value\":\"内部栏目\",\"count\":3");

        assertThat(hitIds(admin(q("稻草人") + "&status=draft"))).containsExactly(ids.get(1));
        assertThat(hitIds(admin(q("稻草人") + "&status=PUBLISHED&sort=time"))).containsExactly(ids.get(3), ids.get(0));
        assertThat(hitIds(admin(q("稻草人") + "&status=all&channel=" + URLEncoder.encode("内部栏目", StandardCharsets.UTF_8))))
                .containsExactlyInAnyOrder(ids.get(1), ids.get(2), ids.get(3));

        HttpResponse<String> bad = get("/api/v1/admin/search?" + q("稻草人") + "&status=secret", "admin", TestSites.ADMIN_PASSWORD);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json.readTree(bad.body()).get("error").asString()).startsWith("status: ").contains("draft").contains("all");
        HttpResponse<String> badPage = get("/api/v1/admin/search?" + q("稻草人") + "&page=0", "admin", TestSites.ADMIN_PASSWORD);
        assertThat(badPage.statusCode()).isEqualTo(400);
        assertThat(badPage.body()).contains("page: ");
    }

    @Test
    void readersSeeOnlyThePublishedArticleWhoseTimeHasCome() {
        HttpResponse<String> response = TestSites.get(port, "/api/v1/search?" + q("稻草人"));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("total").asLong()).isEqualTo(1);
        assertThat(hitIds(body)).containsExactly(ids.get(0));
        assertThat(body.get("hits").get(0).has("status")).as("the public answer is unchanged").isFalse();
        assertThat(response.body()).doesNotContain("内部栏目").doesNotContain("内部来源").doesNotContain("草稿");
        assertThat(json.readTree(TestSites.get(port, "/api/v1/search?" + q("草稿")).body()).get("total").asLong()).isZero();
        assertThat(json.readTree(TestSites.get(port, "/api/v1/search?" + q("稻草人") + "&channel="
                + URLEncoder.encode("内部栏目", StandardCharsets.UTF_8)).body()).get("total").asLong()).isZero();
        String suggestions = TestSites.get(port, "/api/v1/search/suggest?" + q("稻草")).body();
        assertThat(suggestions).contains("公开的稻草人报道").doesNotContain("草稿里").doesNotContain("撤下").doesNotContain("明天发布");
        assertThat(TestSites.get(port, "/api/v1/search?" + q("稻草人") + "&status=draft").body())
                .as("the public search has no status parameter").doesNotContain("草稿里");
    }
}
