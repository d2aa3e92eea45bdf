package org.masthead.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.masthead.TestSites;
import org.masthead.channel.Channels;
import org.masthead.media.TestImages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Images uploaded through the media API and used by a published article come to readers with their
 * thumbnails: the article page (cover and body), the home page and the channel page name every stored
 * thumbnail in srcset with a sizes for where the picture stands and its width and height, every address in
 * a srcset answers 200 with an image of the width it claims, and an image from elsewhere is left as it was.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResponsiveImagesIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern IMG = Pattern.compile("<img [^>]*>");
    private static final Pattern SRCSET = Pattern.compile(" srcset=\"([^\"]*)\"");
    private static final String EXTERNAL = "<img src=\"https://img.example.cn/wire.jpg\" alt=\"通稿图\" loading=\"lazy\">";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Channels channels;

    private final HttpClient http = HttpClient.newHttpClient();
    private JsonNode cover;
    private JsonNode inBody;
    private String articlePath;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestSites.useFreshSqlite(registry);
    }

    @BeforeAll
    void uploadTwoImagesAndPublishAnArticleShowingThem() {
        cover = upload("cover.jpg", TestImages.jpeg(1400, 700), "外滩夜景");
        inBody = upload("chart.png", TestImages.encode(TestImages.halves(900, 600), "png"), "图表");
        String body = "<p>第一段。</p><figure><img src=\"" + inBody.get("url").asText() + "\" alt=\"客流图表\"><figcaption>客流</figcaption></figure>"
                + "<p>第二段。</p><p><img src=\"https://img.example.cn/wire.jpg\" alt=\"通稿图\"></p>";
        Map<String, Object> article = new LinkedHashMap<>();
        article.put("title", "外滩观景平台重新开放");
        article.put("body", body);
        article.put("coverImage", cover.get("url").asText());
        article.put("channel", "图片新闻");
        article.put("publishedAt", "2026-11-20T09:00:00+08:00");
        article.put("originalUrl", "https://example.cn/srcset-test");
        HttpResponse<String> imported = TestSites.importAsAdmin(port, JSON.writeValueAsString(article) + "\n");
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(imported.body()).contains("created");
        long id = jdbc.sql("SELECT id FROM article WHERE original_url = ?").param("https://example.cn/srcset-test").query(Long.class).single();
        articlePath = "/articles/" + id;
    }

    @Test
    void theArticlePageShowsTheCoverAtOnceAndTheBodysLibraryImageLazilyWithTheirThumbnails() {
        String html = page(articlePath);
        String coverUrl = cover.get("url").asText();
        String coverSrcset = srcset(cover, 320, 640, 1280);
        String coverTag = tagWithSrc(html, coverUrl);
        assertThat(coverTag).isEqualTo("<img src=\"" + coverUrl + "\" srcset=\"" + coverSrcset + "\" sizes=\"" + ResponsiveImages.COLUMN
                + "\" width=\"1400\" height=\"700\" alt=\"外滩夜景\">");
        assertThat(html).contains("<figure class=\"cover\">" + coverTag);

        String bodyUrl = inBody.get("url").asText();
        assertThat(tagWithSrc(html, bodyUrl)).isEqualTo("<img src=\"" + bodyUrl + "\" alt=\"客流图表\" width=\"900\" height=\"600\" srcset=\""
                + srcset(inBody, 320, 640) + "\" sizes=\"" + ResponsiveImages.COLUMN + "\" loading=\"lazy\" decoding=\"async\">");
        // The image from another site is as the sanitiser stored it.
        assertThat(html).contains(EXTERNAL);
    }

    @Test
    void homeAndChannelPagesShowTheCoverAsASmallThumbnail() {
        String channel = channels.byName("图片新闻").orElseThrow().url();
        for (String path : List.of("/", channel)) {
            String html = page(path);
            assertThat(html).as(path).contains("<img class=\"card-image\" src=\"" + thumbnail(cover, 320) + "\" srcset=\"" + srcset(cover, 320, 640, 1280)
                    + "\" sizes=\"7.5rem\" width=\"1400\" height=\"700\" alt=\"\" loading=\"lazy\" decoding=\"async\">");
        }
    }

    @Test
    void everyAddressInEverySrcsetIsAnImageOfTheWidthItClaims() throws Exception {
        Set<String> candidates = new LinkedHashSet<>();
        for (String path : List.of(articlePath, "/", channels.byName("图片新闻").orElseThrow().url())) {
            Matcher m = SRCSET.matcher(page(path));
            while (m.find()) {
                candidates.addAll(List.of(m.group(1).split(", ")));
            }
        }
        // The cover's four files and the body image's three.
        assertThat(candidates).hasSize(7);
        for (String candidate : candidates) {
            String[] parts = candidate.split(" ");
            assertThat(parts).as(candidate).hasSize(2);
            HttpResponse<byte[]> file = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + parts[0])).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(file.statusCode()).as(parts[0]).isEqualTo(200);
            assertThat(file.headers().firstValue("Content-Type").orElse("")).as(parts[0]).isIn("image/jpeg", "image/png");
            int width = ImageIO.read(new ByteArrayInputStream(file.body())).getWidth();
            assertThat(width + "w").as(parts[0]).isEqualTo(parts[1]);
        }
    }

    /** The thumbnails at these widths, then the image itself, as the upload answered them. */
    private static String srcset(JsonNode item, int... widths) {
        List<String> candidates = new ArrayList<>();
        for (int width : widths) {
            candidates.add(thumbnail(item, width) + " " + width + "w");
        }
        candidates.add(item.get("url").asText() + " " + item.get("width").asInt() + "w");
        return String.join(", ", candidates);
    }

    private static String thumbnail(JsonNode item, int width) {
        String url = item.get("thumbnails").get(String.valueOf(width)).asText();
        assertThat(url).isNotEqualTo(item.get("url").asText());
        return url;
    }

    private static String tagWithSrc(String html, String src) {
        List<String> tags = IMG.matcher(html).results().map(m -> m.group()).filter(t -> t.contains(" src=\"" + src + "\"")).toList();
        assertThat(tags).as("img with src %s", src).hasSize(1);
        return tags.getFirst();
    }

    private String page(String path) {
        HttpResponse<String> response = TestSites.get(port, path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    /** Through the REST API with the admin's password, as a script would. */
    private JsonNode upload(String filename, byte[] bytes, String alt) {
        String boundary = "----masthead" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"alt\"\r\n\r\n" + alt + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] body = TestImages.concat(TestImages.concat(head, bytes), ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/media"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + TestSites.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
