package org.masthead.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.masthead.TestSites;
import org.masthead.ads.AdCreative;
import org.masthead.ads.AdSlots;
import org.masthead.setting.SiteSettings;
import org.masthead.setting.SiteSettingsStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reader pages answer {@code If-None-Match} with 304 while nothing they show has changed, and with the new
 * page as soon as anything has: an edited article, the settings, an ad.
 *
 * <p>View counts are written only every hour here: the most-read list reorders when they are written, which
 * (correctly) changes the pages, and would make "nothing changed" depend on timing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "masthead.site.name=报头新闻", "masthead.site.email=editor@masthead.example", "masthead.views.flush-interval=1h"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConditionalPagesIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    SiteSettingsStore settings;

    @Autowired
    AdSlots ads;

    private long id;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestSites.useFreshSqlite(registry);
    }

    @BeforeAll
    void importAnArticle() {
        HttpResponse<String> response = TestSites.importAsAdmin(port, line("宝山教育高质量发展推进会召开"));
        assertThat(response.statusCode()).isEqualTo(200);
        id = json.readTree(response.body()).get("results").get(0).get("id").asLong();
    }

    private String line(String title) {
        return json.writeValueAsString(Map.of("title", title, "body", "<p>8月28日下午，宝山区教育高质量发展推进会召开。</p>".repeat(40),
                "publishedAt", "2023-08-29T09:18:41+08:00", "channel", "教育", "originalUrl", "https://example.cn/news/etag")) + "\n";
    }

    @Test
    void answers304WhileThePageIsTheSame() {
        HttpResponse<String> first = get("/articles/" + id, Map.of());
        assertThat(first.statusCode()).isEqualTo(200);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).matches("W/\"[0-9a-f]+\"");
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("public, max-age=60");
        assertThat(first.headers().firstValue("Last-Modified")).as("ETag only, see ReaderPageCaching").isEmpty();

        HttpResponse<String> again = get("/articles/" + id, Map.of("If-None-Match", etag));
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).hasValue(etag);
        assertThat(again.headers().firstValue("Cache-Control")).hasValue("public, max-age=60");

        for (String path : new String[] {"/", "/latest", "/channel/%E6%95%99%E8%82%B2"}) {
            HttpResponse<String> page = get(path, Map.of());
            String tag = page.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag on " + path));
            assertThat(get(path, Map.of("If-None-Match", tag)).statusCode()).as(path).isEqualTo(304);
        }
    }

    @Test
    void anEditedArticleIsServedAgainWithItsNewTitle() {
        String articleTag = get("/articles/" + id, Map.of()).headers().firstValue("ETag").orElseThrow();
        String homeTag = get("/", Map.of()).headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> edit = TestSites.importAsAdmin(port, line("宝山教育高质量发展推进会召开（更新）"));
        assertThat(json.readTree(edit.body()).get("results").get(0).get("status").asString()).isEqualTo("updated");

        HttpResponse<String> article = get("/articles/" + id, Map.of("If-None-Match", articleTag));
        assertThat(article.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(article.body()).selectFirst("h1").text()).isEqualTo("宝山教育高质量发展推进会召开（更新）");
        assertThat(article.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(articleTag);
        HttpResponse<String> home = get("/", Map.of("If-None-Match", homeTag));
        assertThat(home.statusCode()).as("the home page lists the title too").isEqualTo(200);
        assertThat(home.body()).contains("宝山教育高质量发展推进会召开（更新）");
    }

    @Test
    void changedSettingsAndAdsChangeEveryPage() {
        String before = get("/latest", Map.of()).headers().firstValue("ETag").orElseThrow();
        SiteSettings s = settings.current();
        settings.update(new SiteSettings("报头晚报", s.tagline(), s.copyrightSince(), s.icp(), s.publicSecurityFiling(), s.email(), s.timeZone(),
                s.excerptLength(), s.baseUrl()));
        try {
            HttpResponse<String> renamed = get("/latest", Map.of("If-None-Match", before));
            assertThat(renamed.statusCode()).isEqualTo(200);
            assertThat(renamed.body()).contains("报头晚报");
        } finally {
            settings.update(s);
        }
        String restored = get("/latest", Map.of()).headers().firstValue("ETag").orElseThrow();
        assertThat(restored).as("same page, same validator").isEqualTo(before);

        ads.place(new AdCreative(AdSlots.SIDEBAR, "秋季家装节", "https://ads.example.cn/", null));
        try {
            HttpResponse<String> withAd = get("/latest", Map.of("If-None-Match", before));
            assertThat(withAd.statusCode()).isEqualTo(200);
            // The page holds the slot's frame; the frame shows the creative (chosen per view).
            assertThat(withAd.body()).contains("src=\"/ad/slot/", "class=\"ad-label\"");
            String frame = withAd.body().replaceAll("(?s).*src=\"(/ad/slot/\\d+)\".*", "$1");
            assertThat(get(frame, Map.of()).body()).contains("秋季家装节");
        } finally {
            ads.clear(AdSlots.SIDEBAR);
        }
    }

    @Test
    void pagesStayCompressedWithTheirValidator() {
        HttpResponse<String> page = get("/articles/" + id, Map.of("Accept-Encoding", "gzip"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(page.headers().firstValue("ETag")).isPresent();
        String etag = page.headers().firstValue("ETag").orElseThrow();
        assertThat(get("/articles/" + id, Map.of("Accept-Encoding", "gzip", "If-None-Match", etag)).statusCode()).isEqualTo(304);
    }

    @Test
    void contactIsNeverStoredAndMissingPagesCarryNoValidator() {
        HttpResponse<String> contact = get("/contact", Map.of());
        assertThat(contact.statusCode()).isEqualTo(302);
        assertThat(contact.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(contact.headers().firstValue("ETag")).isEmpty();

        HttpResponse<String> missing = get("/articles/999999", Map.of());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("ETag")).isEmpty();
        assertThat(missing.headers().firstValue("Cache-Control")).as("briefly, like a page").hasValue("public, max-age=60");

        HttpResponse<String> api = get("/api/v1/articles/" + id, Map.of());
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.headers().firstValue("ETag")).as("the API is not a reader page").isEmpty();
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        headers.forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
