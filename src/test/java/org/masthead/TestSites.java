package org.masthead;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.springframework.test.context.DynamicPropertyRegistry;

/** A running site for integration tests: a fresh SQLite data dir each, and plain HTTP calls. */
public final class TestSites {

    public static final String ADMIN_PASSWORD = "test-admin-password";
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    private TestSites() {}

    /** Points the application at a new, empty SQLite database in a temporary folder. */
    public static Path useFreshSqlite(DynamicPropertyRegistry registry) {
        try {
            // Under target/, so `mvn clean` removes the test databases.
            Path root = Files.createDirectories(Path.of("target", "test-data"));
            Path dir = Files.createTempDirectory(root, "site-").toAbsolutePath();
            registry.add("masthead.data-dir", dir::toString);
            registry.add("spring.datasource.url", () -> sqliteUrl(dir));
            registry.add("masthead.admin-password", () -> ADMIN_PASSWORD);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String sqliteUrl(Path dir) {
        return "jdbc:sqlite:" + dir.resolve("masthead.db") + "?journal_mode=WAL&synchronous=FULL&foreign_keys=true&busy_timeout=10000&transaction_mode=IMMEDIATE";
    }

    public static HttpResponse<String> get(int port, String path) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build());
    }

    public static HttpResponse<String> post(int port, String path, String contentType, String body, String password) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (password != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return send(request.build());
    }

    public static HttpResponse<String> importAsAdmin(int port, String ndjson) {
        return post(port, "/api/v1/articles", "application/x-ndjson", ndjson, ADMIN_PASSWORD);
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String fixture(String name) {
        try (var in = TestSites.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
