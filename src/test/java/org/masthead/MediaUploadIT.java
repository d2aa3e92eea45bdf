package org.masthead;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.masthead.media.TestImages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Uploads through the real server: the JSON contract, refusals that store nothing, the headers of served files. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MediaUploadIT {

    private static Path dataDir;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private TestBrowser admin;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        dataDir = TestSites.useFreshSqlite(registry);
        registry.add("masthead.media.max-bytes", () -> "300KB");
    }

    @BeforeAll
    void signIn() {
        admin = new TestBrowser(port);
        assertThat(admin.signIn("admin", TestSites.ADMIN_PASSWORD).statusCode()).isEqualTo(302);
        admin.refreshCsrf("/admin/media");
    }

    @Test
    void uploadsAPhotoAnswersTheJsonContractAndServesItForAYear() throws Exception {
        byte[] photo = TestImages.jpegWithGps(TestImages.photo(1400, 700), 1);
        HttpResponse<String> response = upload("/admin/media", "holiday.jpg", "image/jpeg", photo, "海边", true, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("id").asLong()).isPositive();
        assertThat(body.get("width").asInt()).isEqualTo(1400);
        assertThat(body.get("height").asInt()).isEqualTo(700);
        String url = body.get("url").asText();
        assertThat(url).matches("/media/[0-9a-f]{2}/[0-9a-f]{64}\\.jpg");
        assertThat(body.get("thumbnails").get("320").asText()).isEqualTo(url.replace(".jpg", "-320.jpg"));
        assertThat(body.get("thumbnails").get("1280").asText()).isEqualTo(url.replace(".jpg", "-1280.jpg"));

        HttpResponse<byte[]> file = getBytes(url, Map.of());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Cache-Control").orElse("")).isEqualTo("max-age=31536000, public, immutable");
        assertThat(file.headers().firstValue("Content-Type").orElse("")).isEqualTo("image/jpeg");
        assertThat(file.headers().firstValue("X-Content-Type-Options").orElse("")).isEqualTo("nosniff");
        assertThat(new String(file.body(), StandardCharsets.ISO_8859_1)).doesNotContain("Exif").doesNotContain("SecretCam");
        HttpResponse<byte[]> thumb = getBytes(body.get("thumbnails").get("640").asText(), Map.of());
        assertThat(thumb.statusCode()).isEqualTo(200);
        assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(thumb.body())).getWidth()).isEqualTo(640);
        String etag = file.headers().firstValue("ETag").orElseThrow();
        assertThat(getBytes(url, Map.of("If-None-Match", etag)).statusCode()).isEqualTo(304);

        // The same picture again: one row, one set of files, the same id.
        HttpResponse<String> again = upload("/admin/media", "copy.jpg", "image/jpeg", photo, "", true, null);
        assertThat(JSON.readTree(again.body()).get("id").asLong()).isEqualTo(body.get("id").asLong());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM media_item WHERE hash = ?").param(url.substring(10, 74)).query(Long.class).single()).isEqualTo(1);

        assertThat(admin.get("/admin/media").body()).contains(url.replace(".jpg", "-320.jpg")).contains("holiday.jpg").contains("海边");
    }

    @Test
    void answersUnknownFilesWith404() {
        assertThat(TestSites.get(port, "/media/ab/" + "ab".repeat(32) + "-640.jpg").statusCode()).isEqualTo(404);
        // Jetty refuses an encoded slash itself (400); either way nothing is read outside the media folder.
        assertThat(TestSites.get(port, "/media/ab/..%2F..%2Fmasthead.db").statusCode()).isIn(400, 404);
        assertThat(TestSites.get(port, "/media/zz/readme.txt").statusCode()).isEqualTo(404);
    }

    @Test
    void refusesANonImageNamedLikeOneAndStoresNothing() throws Exception {
        long rows = rows();
        long files = files();
        HttpResponse<String> response = upload("/admin/media", "photo.jpg", "image/jpeg", TestImages.ascii("<html><script>alert(1)</script></html>"), "", true,
                null);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("error").asText()).contains("只接受 JPEG、PNG、WebP 和 GIF");
        assertThat(rows()).isEqualTo(rows);
        assertThat(files()).isEqualTo(files);
    }

    @Test
    void refusesPolyglotsAndStoresNothing() throws Exception {
        long rows = rows();
        long files = files();
        byte[] gifar = TestImages.concat(TestImages.encode(TestImages.halves(60, 30), "gif"), TestImages.zip());
        HttpResponse<String> response = upload("/admin/media", "cat.gif", "image/gif", gifar, "", true, null);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("error").asText()).contains("夹带了其他内容（ZIP）");
        byte[] script = TestImages.concat(TestImages.jpeg(60, 30), TestImages.ascii("<script>alert(document.cookie)</script>"));
        HttpResponse<String> viaApi = upload("/api/v1/media", "x.jpg", "image/jpeg", script, "", true, "admin:" + TestSites.ADMIN_PASSWORD);
        assertThat(viaApi.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(viaApi.body()).get("error").asText()).contains("HTML/JavaScript");
        assertThat(rows()).isEqualTo(rows);
        assertThat(files()).isEqualTo(files);
    }

    @Test
    void refusesAnOversizedUploadWith413AndTheMessage() throws Exception {
        long rows = rows();
        long files = files();
        // Just over the limit (300 KB): arrives, refused by the library.
        byte[] over = TestImages.concat(TestImages.jpeg(40, 20), new byte[310 * 1024]);
        HttpResponse<String> response = upload("/admin/media", "big.jpg", "image/jpeg", over, "", true, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(JSON.readTree(response.body()).get("error").asText()).isEqualTo("文件太大：单个图片不能超过 300 KB。");
        // Far over: answered from Content-Length before anything reads the body. A script asks to go on
        // first, as curl does for a body over 1 MB, and is answered before it sends the body.
        byte[] huge = new byte[3 * 1024 * 1024];
        HttpResponse<String> api = upload("/api/v1/media", "huge.jpg", "image/jpeg", huge, "", false, "admin:" + TestSites.ADMIN_PASSWORD);
        assertThat(api.statusCode()).as(api.body()).isEqualTo(413);
        assertThat(JSON.readTree(api.body()).get("error").asText()).isEqualTo("文件太大：单个图片不能超过 300 KB。");
        // The plain form (a browser never waits for "100 Continue"): the body is read and dropped, then
        // back to the library, which says why.
        HttpResponse<String> form = upload("/admin/media", "huge.jpg", "image/jpeg", huge, "", false, null);
        assertThat(form.statusCode()).isEqualTo(303);
        assertThat(admin.get(form.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "")).body())
                .contains("文件太大：单个图片不能超过 300 KB。");
        assertThat(rows()).isEqualTo(rows);
        assertThat(files()).isEqualTo(files);
    }

    @Test
    void theFormWithoutJavaScriptRedirectsWithAMessage() {
        HttpResponse<String> response = upload("/admin/media", "small.png", "image/png", TestImages.encode(TestImages.halves(200, 100), "png"), "", false, null);
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse("")).endsWith("/admin/media");
        assertThat(admin.get("/admin/media").body()).contains("「small.png」已上传");
        HttpResponse<String> refused = upload("/admin/media", "notes.txt", "text/plain", TestImages.ascii("just text"), "", false, null);
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(admin.get("/admin/media").body()).contains("这不是可接受的图片");
    }

    @Test
    void refusesToDeleteAnImageAnArticleShowsAndDeletesOneNobodyUses() throws Exception {
        HttpResponse<String> used = upload("/admin/media", "cover.png", "image/png", TestImages.encode(TestImages.halves(700, 300), "png"), "", true, null);
        assertThat(used.statusCode()).as(used.body()).isEqualTo(201);
        JsonNode usedJson = JSON.readTree(used.body());
        String coverUrl = usedJson.get("url").asText();
        HttpResponse<String> imported = TestSites.importAsAdmin(port, "{\"title\":\"用了素材的文章\",\"body\":\"<p>正文。</p>\",\"coverImage\":\"" + coverUrl
                + "\",\"publishedAt\":\"2026-11-01T09:00:00+08:00\",\"originalUrl\":\"https://example.cn/media-test\"}\n");
        assertThat(imported.statusCode()).as(imported.body()).isLessThan(300);

        long id = usedJson.get("id").asLong();
        HttpResponse<String> refused = admin.postForm("/admin/media/" + id + "/delete", Map.of("confirm", "yes"));
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(admin.get("/admin/media").body()).contains("仍被文章").contains("未删除");
        assertThat(getBytes(coverUrl, Map.of()).statusCode()).isEqualTo(200);

        HttpResponse<String> free = upload("/admin/media", "spare.png", "image/png", TestImages.encode(TestImages.halves(500, 300), "png"), "", true, null);
        assertThat(free.statusCode()).as(free.body()).isEqualTo(201);
        JsonNode freeJson = JSON.readTree(free.body());
        assertThat(freeJson.get("thumbnails").get("320").asText()).endsWith("-320.png");
        long freeId = freeJson.get("id").asLong();
        admin.postForm("/admin/media/" + freeId + "/delete", Map.of());
        assertThat(admin.get("/admin/media").body()).contains("请先勾选「确认删除」");
        assertThat(getBytes(freeJson.get("url").asText(), Map.of()).statusCode()).isEqualTo(200);
        admin.postForm("/admin/media/" + freeId + "/delete", Map.of("confirm", "yes"));
        assertThat(admin.get("/admin/media").body()).contains("已删除「spare.png」");
        assertThat(getBytes(freeJson.get("url").asText(), Map.of()).statusCode()).isEqualTo(404);
        assertThat(getBytes(freeJson.get("thumbnails").get("320").asText(), Map.of()).statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM media_item WHERE id = ?").param(freeId).query(Long.class).single()).isZero();
    }

    @Test
    void theApiNeedsCredentials() {
        HttpResponse<String> response = upload("/api/v1/media", "a.png", "image/png", TestImages.encode(TestImages.halves(20, 10), "png"), "", true, "");
        assertThat(response.statusCode()).isEqualTo(401);
    }

    private long rows() {
        return jdbc.sql("SELECT COUNT(*) FROM media_item").query(Long.class).single();
    }

    private long files() throws IOException {
        Path media = dataDir.resolve("media");
        if (!Files.exists(media)) {
            return 0;
        }
        try (Stream<Path> all = Files.walk(media)) {
            return all.filter(Files::isRegularFile).count();
        }
    }

    /** A multipart upload: the admin session (cookies, CSRF token) unless basic credentials are given ("" for none). */
    private HttpResponse<String> upload(String path, String filename, String type, byte[] bytes, String alt, boolean json, String basic) {
        String boundary = "----masthead" + UUID.randomUUID();
        // The plain form sends its CSRF token as a field, as a browser does; scripts send the header.
        boolean formField = basic == null && !json;
        String csrfPart = formField ? "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + admin.csrf() + "\r\n" : "";
        byte[] head = (csrfPart + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"alt\"\r\n\r\n" + alt + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename + "\"\r\nContent-Type: " + type + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = TestImages.concat(TestImages.concat(head, bytes), tail);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).version(HttpClient.Version.HTTP_1_1)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (json) {
            request.header("Accept", "application/json");
        }
        if (basic == null) {
            if (!formField) {
                request.header("X-CSRF-TOKEN", admin.csrf());
            }
            return send(admin, request.build());
        }
        if (bytes.length > 1024 * 1024) {
            request.expectContinue(true);
        }
        if (!basic.isEmpty()) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
        }
        return send(null, request.build());
    }

    private HttpResponse<String> send(TestBrowser browser, HttpRequest request) {
        HttpClient.Builder builder = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER);
        if (browser != null) {
            builder.cookieHandler(browser.cookies());
        }
        try (HttpClient http = builder.build()) {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<byte[]> getBytes(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        headers.forEach(request::header);
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        }
    }
}
