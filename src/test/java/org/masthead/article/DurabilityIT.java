package org.masthead.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A write the API acknowledged survives {@code kill -9}. The application runs as a child JVM on an
 * SQLite file, exactly as {@code java -jar} would run it; the moment a 200 answer to an import
 * arrives the child is killed with SIGKILL (no shutdown hook, no checkpoint, no flush), and the file
 * is then opened directly with JDBC: every acknowledged article is there, intact.
 */
class DurabilityIT {

    static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    static final Duration EXIT_TIMEOUT = Duration.ofSeconds(30);
    /** What a JVM killed by SIGKILL exits with (128 + 9). */
    static final int KILLED = 137;
    static final String PASSWORD = "durability-" + Long.toHexString(System.nanoTime());
    static final String PUBLISHED_AT = "2023-08-29T09:18:41+08:00";
    private static final Logger log = LoggerFactory.getLogger(DurabilityIT.class);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final List<Process> started = new ArrayList<>();

    @TempDir
    Path work;

    @AfterEach
    void killWhatIsStillRunning() throws InterruptedException {
        for (Process app : started) {
            app.destroyForcibly();
            app.waitFor(EXIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
        http.close();
    }

    @Test
    void anAcknowledgedImportSurvivesKillDashNine() throws Exception {
        Path dataDir = work.resolve("data");
        App app = start(dataDir, "first");
        List<String> lines = new ArrayList<>();
        for (int n = 1; n <= 5; n++) {
            lines.add(articleLine("台南市防汛快讯第" + n + "则：安南区积水已退", "https://example.cn/n/batch-" + n));
        }

        HttpResponse<String> answer = http.send(importRequest(app.port(), String.join("\n", lines) + "\n"), HttpResponse.BodyHandlers.ofString());
        app.process().destroyForcibly();

        assertThat(app.process().waitFor(EXIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("the killed JVM exits").isTrue();
        assertThat(app.process().exitValue()).as("killed by SIGKILL, not shut down").isEqualTo(KILLED);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        Map<String, Long> acknowledged = acknowledgedIds(answer, lines);
        assertThat(acknowledged).hasSize(5);
        Map<String, StoredArticle> stored = storedArticles(dataDir);
        assertThat(stored).hasSize(5);
        acknowledged.forEach((url, id) -> assertThat(stored.get(url)).as(url)
                .isEqualTo(new StoredArticle(id, titleOf(lines, url), url)));
    }

    @Test
    void acknowledgedWritesSurviveKillDashNineWhileOtherWritesAreInFlight() throws Exception {
        Path dataDir = work.resolve("data");
        App app = start(dataDir, "first");
        List<String> lines = new ArrayList<>();
        Map<String, CompletableFuture<HttpResponse<String>>> requests = new HashMap<>();
        CountDownLatch firstAcknowledged = new CountDownLatch(1);
        for (int n = 1; n <= 24; n++) {
            String line = articleLine("中西区街道整修进度第" + n + "报", "https://example.cn/n/concurrent-" + n);
            lines.add(line);
            CompletableFuture<HttpResponse<String>> request = http.sendAsync(importRequest(app.port(), line + "\n"), HttpResponse.BodyHandlers.ofString());
            request.thenAccept(response -> {
                if (response.statusCode() == 200) {
                    firstAcknowledged.countDown();
                }
            });
            requests.put(line, request);
        }

        boolean anyAcknowledged = firstAcknowledged.await(REQUEST_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        app.process().destroyForcibly();

        assertThat(anyAcknowledged).as("an import was acknowledged within %s; log:%n%s", REQUEST_TIMEOUT, app.logTail()).isTrue();
        assertThat(app.process().waitFor(EXIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("the killed JVM exits").isTrue();
        assertThat(app.process().exitValue()).as("killed by SIGKILL, not shut down").isEqualTo(KILLED);
        Map<String, Long> acknowledged = new HashMap<>();
        for (Map.Entry<String, CompletableFuture<HttpResponse<String>>> request : requests.entrySet()) {
            HttpResponse<String> answer = answerOrNull(request.getValue());
            if (answer != null && answer.statusCode() == 200) {
                acknowledged.putAll(acknowledgedIds(answer, List.of(request.getKey())));
            }
        }
        assertThat(acknowledged).isNotEmpty();

        Map<String, StoredArticle> stored = storedArticles(dataDir);
        acknowledged.forEach((url, id) -> assertThat(stored.get(url)).as("acknowledged %s", url)
                .isEqualTo(new StoredArticle(id, titleOf(lines, url), url)));
        assertThat(stored.keySet()).as("nothing stored that was not sent").allMatch(url -> url.startsWith("https://example.cn/n/concurrent-"));
        log.info("Killed with {} of {} imports acknowledged; {} articles on disk", acknowledged.size(), lines.size(), stored.size());

        App restarted = start(dataDir, "restarted");
        for (Map.Entry<String, Long> article : acknowledged.entrySet()) {
            HttpResponse<String> read = http.send(HttpRequest.newBuilder(restarted.uri("/api/v1/articles/" + article.getValue()))
                    .timeout(REQUEST_TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
            assertThat(json.readTree(read.body()).path("title").asString()).isEqualTo(titleOf(lines, article.getKey()));
        }
    }

    record App(Process process, int port, Path log) {

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        String logTail() {
            try {
                List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
                return String.join("\n", all.subList(Math.max(0, all.size() - 60), all.size()));
            } catch (IOException e) {
                return "(no log: " + e + ")";
            }
        }
    }

    record StoredArticle(long id, String title, String originalUrl) {}

    /** Starts the application the way an operator would, on its own port and data folder, and waits until it is healthy. */
    private App start(Path dataDir, String name) throws IOException, InterruptedException {
        int port = freePort();
        Path log = work.resolve(name + ".log");
        String java = ProcessHandle.current().info().command().orElseThrow(() -> new IllegalStateException("cannot tell which java runs this test"));
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx384m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "org.masthead.MastheadApplication", "--server.port=" + port, "--masthead.data-dir=" + dataDir, "--spring.main.banner-mode=off")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("MASTHEAD_ADMIN_PASSWORD", PASSWORD);
        App app = new App(builder.start(), port, log);
        started.add(app.process());
        awaitHealthy(app);
        return app;
    }

    private void awaitHealthy(App app) throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        HttpRequest health = HttpRequest.newBuilder(app.uri("/actuator/health")).timeout(Duration.ofSeconds(5)).GET().build();
        while (System.nanoTime() < deadline) {
            if (!app.process().isAlive()) {
                fail("the application exited with %d before it was healthy; log:%n%s", app.process().exitValue(), app.logTail());
            }
            try {
                HttpResponse<String> answer = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().contains("\"UP\"")) {
                    return;
                }
            } catch (ConnectException | HttpTimeoutException notYet) {
                // still starting
            } catch (IOException notYet) {
                // connection closed while starting
            }
            Thread.sleep(250);
        }
        fail("the application was not healthy within %s; log:%n%s", START_TIMEOUT, app.logTail());
    }

    private HttpRequest importRequest(int port, String ndjson) {
        String credentials = Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/articles"))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-ndjson")
                .header("Authorization", "Basic " + credentials)
                .POST(HttpRequest.BodyPublishers.ofString(ndjson, StandardCharsets.UTF_8))
                .build();
    }

    private String articleLine(String title, String originalUrl) {
        Map<String, Object> article = new HashMap<>();
        article.put("title", title);
        article.put("body", "<p>" + title + "。台南市政府工务局表示，相关工程将依进度完成，请民众留意交通管制。</p>");
        article.put("publishedAt", PUBLISHED_AT);
        article.put("originalUrl", originalUrl);
        article.put("source", "台南市政府");
        article.put("channel", "快讯");
        article.put("tags", List.of("防汛", "交通"));
        article.put("authors", List.of("王小明"));
        return json.writeValueAsString(article);
    }

    /** original URL → id of each line of one request, all of which the answer must report created (lines count from 1). */
    private Map<String, Long> acknowledgedIds(HttpResponse<String> answer, List<String> requestLines) {
        Map<String, Long> ids = new HashMap<>();
        for (JsonNode result : json.readTree(answer.body()).path("results")) {
            assertThat(result.path("status").asString()).as(result.toString()).isEqualTo("created");
            String line = requestLines.get(result.path("line").asInt() - 1);
            ids.put(json.readTree(line).path("originalUrl").asString(), result.path("id").asLong());
        }
        assertThat(ids).as(answer.body()).hasSize(requestLines.size());
        return ids;
    }

    private String titleOf(List<String> lines, String url) {
        return lines.stream().map(json::readTree).filter(n -> n.path("originalUrl").asString().equals(url)).findFirst().orElseThrow()
                .path("title").asString();
    }

    private static Map<String, StoredArticle> storedArticles(Path dataDir) throws SQLException {
        Map<String, StoredArticle> stored = new HashMap<>();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("masthead.db"));
                Statement statement = db.createStatement()) {
            try (ResultSet check = statement.executeQuery("PRAGMA integrity_check")) {
                assertThat(check.next()).isTrue();
                assertThat(check.getString(1)).isEqualTo("ok");
            }
            try (ResultSet rows = statement.executeQuery("SELECT id, title, original_url FROM article")) {
                while (rows.next()) {
                    StoredArticle article = new StoredArticle(rows.getLong(1), rows.getString(2), rows.getString(3));
                    assertThat(stored.put(article.originalUrl(), article)).as("one row per original URL").isNull();
                }
            }
        }
        return stored;
    }

    private static HttpResponse<String> answerOrNull(CompletableFuture<HttpResponse<String>> request) throws InterruptedException {
        try {
            return request.get(REQUEST_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException cutOffByTheKill) {
            return null;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
