package org.masthead.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.masthead.TestBrowser;
import org.masthead.TestSites;
import org.masthead.article.ArticleDraft;
import org.masthead.article.ArticleEditing;
import org.masthead.source.SourceDirectory;
import org.masthead.source.SourceProfile;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.masthead.site.NuHtmlChecker;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The back-office pages of this module pass the W3C Nu HTML checker with no errors, in their error states too. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminHtmlValidityIT {

    @LocalServerPort
    int port;

    private final NuHtmlChecker checker = new NuHtmlChecker();
    private TestBrowser admin;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestSites.useFreshSqlite(registry);
    }

    @BeforeAll
    void signIn() {
        admin = new TestBrowser(port);
        admin.signIn("admin", TestSites.ADMIN_PASSWORD);
    }

    @Test
    void signInPageWithAndWithoutAnErrorIsValid() {
        assertValid(new TestBrowser(port).get("/admin/login"), 200);
        TestBrowser failing = new TestBrowser(port);
        failing.signIn("nobody", "wrong-password-here");
        assertThat(assertValid(failing.get("/admin/login?error"), 401)).contains("用户名或密码错误");
    }

    @Test
    void dashboardIsValid() {
        assertThat(assertValid(admin.get("/admin"), 200)).contains("文章状态");
    }

    @Test
    void usersPageWithAnErrorIsValid() {
        assertValid(admin.get("/admin/users"), 200);
        admin.postForm("/admin/users", Map.of("username", "html.check", "password", "html-check-password", "role", "editor"));
        assertThat(assertValid(admin.postForm("/admin/users", Map.of("username", "x", "password", "short", "role", "author")), 400)).contains("用户名须为");
    }

    @Test
    void tokensPageWithANewTokenIsValid() {
        assertValid(admin.get("/admin/tokens"), 200);
        String created = assertValid(admin.send("POST", "/admin/tokens", "application/x-www-form-urlencoded",
                "name=check&scopes=articles%3Aread&_csrf=" + java.net.URLEncoder.encode(admin.csrf(), java.nio.charset.StandardCharsets.UTF_8), Map.of()), 201);
        assertThat(created).contains("mh_");
        assertValid(admin.get("/admin/tokens"), 200);
    }

    @Test
    void searchPageWithResultsProblemsAndTheRebuildPanelIsValid() {
        assertThat(assertValid(admin.get("/admin/search"), 200)).contains("重建索引");
        assertValid(admin.get("/admin/search?q=" + java.net.URLEncoder.encode("稻草人 \"<b>\"", java.nio.charset.StandardCharsets.UTF_8) + "&status=draft"), 200);
        assertThat(assertValid(admin.get("/admin/search?q=x&status=lost&page=0"), 400)).contains("lost");
    }

    @Test
    void passwordAndForbiddenPagesAreValid() {
        assertValid(admin.get("/admin/password"), 200);
        assertValid(admin.get("/admin/forbidden"), 403);
    }

    @Test
    void sourcePagesAndTheReviewQueueAreValid(@Autowired SourceDirectory directory, @Autowired ArticleEditing editing, @Autowired JdbcClient jdbc) {
        SourceProfile source = directory.create(new SourceDirectory.Fields("校验来源", "https://check.example.cn/", "https://check.example.cn/logo.png"),
                "https://check.example.cn/rss.xml", java.time.Duration.ofMinutes(30));
        jdbc.sql("INSERT INTO ingest_event (at, source_id, feed_id, kind, article_id, item_url, detail) VALUES (?, ?, NULL, 'flagged', 1, ?, ?)")
                .params(System.currentTimeMillis(), source.id(), "https://check.example.cn/a?x=1&y=2", "quality.reason.hospital-ad quality.reason.phone-number")
                .update();
        jdbc.sql("INSERT INTO ingest_event (at, source_id, feed_id, kind, detail) VALUES (?, ?, NULL, 'failed', 'HTTP 500 <boom>')")
                .params(System.currentTimeMillis(), source.id()).update();
        assertValid(admin.get("/admin/sources"), 200);
        assertThat(assertValid(admin.postForm("/admin/sources", Map.of("name", "校验来源", "pollMinutes", "30")), 409)).contains("已存在");
        assertThat(assertValid(admin.get("/admin/sources/" + source.id()), 200)).contains("医疗广告用语", "HTTP 500 &lt;boom&gt;");
        assertValid(admin.postForm("/admin/sources/" + source.id(), Map.of("name", "校验来源", "homepage", "nope", "pollMinutes", "30")), 400);

        editing.saveForReview(new ArticleDraft("上海哪里白癜风医院好", null, "<p>白癜风医院免费咨询热线 400-123-4567。</p>", null, java.time.Instant.now(),
                "https://check.example.cn/ad.html", "校验来源", null, List.of(), null, List.of(), null, List.of()));
        assertThat(assertValid(admin.get("/admin/review"), 200)).contains("上海哪里白癜风医院好", "医疗广告用语");
    }

    @Test
    void taxonomyAndSettingsPagesWithErrorsAreValid() {
        assertThat(TestSites.importAsAdmin(port, "{\"title\":\"校验\",\"body\":\"<p>正文。</p>\",\"publishedAt\":\"2026-01-02T03:04:05Z\","
                + "\"channel\":\"校验栏目\",\"tags\":[\"校验标签\"],\"authors\":[\"校验作者\"],\"originalUrl\":\"https://example.cn/html/1\"}\n").statusCode())
                .isEqualTo(200);
        admin.postForm("/admin/channels", Map.of("name", "校验子栏目", "slug", "", "parent", "1"));
        assertValid(admin.get("/admin/channels"), 200);
        assertValid(admin.postForm("/admin/channels", Map.of("name", "", "slug", "", "parent", "")), 400);
        assertValid(admin.get("/admin/channels/1"), 200);
        assertValid(admin.postForm("/admin/channels/1/delete", Map.of()), 409);
        assertValid(admin.get("/admin/tags"), 200);
        assertValid(admin.postForm("/admin/tags/1/merge", Map.of("into", "没有这个标签")), 400);
        assertValid(admin.get("/admin/bylines?q=" + java.net.URLEncoder.encode("校验", java.nio.charset.StandardCharsets.UTF_8)), 200);
        assertValid(admin.get("/admin/settings"), 200);
        assertValid(admin.postForm("/admin/settings", Map.of("name", "", "timeZone", "Nowhere", "linkName", "无地址")), 400);
    }

    @Test
    void logoPickersFromTheMediaLibraryAreValidAndRefuseAnImageNoLongerThere(@Autowired org.masthead.media.MediaLibrary media,
            @Autowired SourceDirectory directory, @Autowired org.masthead.setting.SiteSettingsStore settings) {
        org.masthead.media.MediaItem logo = media.upload(new org.masthead.media.MediaLibrary.Upload(org.masthead.media.TestImages.jpeg(200, 80),
                "来源标志.jpg", "标志", "admin"));
        String option = "<option value=\"" + logo.id() + "\">来源标志.jpg（200×80）</option>";
        assertThat(assertValid(admin.get("/admin/settings"), 200)).contains(option);
        assertThat(assertValid(admin.postForm("/admin/settings", Map.of("name", "报头", "logoMedia", "999999")), 400)).contains("所选图片已不在素材库中");
        assertThat(assertValid(admin.get("/admin/sources"), 200)).contains(option);
        SourceProfile source = directory.create(new SourceDirectory.Fields("标志来源", "https://logo.example.cn/", null), null, java.time.Duration.ofMinutes(30));
        assertThat(assertValid(admin.get("/admin/sources/" + source.id()), 200)).contains(option);
        assertThat(assertValid(admin.postForm("/admin/sources/" + source.id(), Map.of("name", "标志来源", "logoUrl", "https://typed.example/x.png",
                "logoMedia", "999999", "pollMinutes", "30")), 400)).contains("所选图片已不在素材库中", "value=\"https://typed.example/x.png\"");
        assertThat(directory.byId(source.id()).orElseThrow().logoUrl()).as("nothing stored").isNull();
        assertThat(admin.postForm("/admin/sources/" + source.id(), Map.of("name", "标志来源", "logoUrl", "https://typed.example/x.png",
                "logoMedia", String.valueOf(logo.id()), "pollMinutes", "30")).statusCode()).isEqualTo(302);
        assertThat(directory.byId(source.id()).orElseThrow().logoUrl()).as("the picked image wins over the typed address")
                .isEqualTo(settings.current().baseUrl() + logo.url());
    }

    @Test
    void adsTopicsAndFlagsPagesAndTheAdFrameAreValidInTheirErrorStatesToo() {
        assertValid(admin.get("/admin/ads"), 200);
        assertThat(admin.postForm("/admin/ads/slots", Map.of("name", "校验广告位", "placement", "sidebar", "width", "300", "height", "250")).statusCode())
                .isEqualTo(302);
        String overview = assertValid(admin.postForm("/admin/ads/slots", Map.of("name", "", "placement", "sidebar", "height", "x")), 400);
        String slot = overview.replaceAll("(?s).*/admin/ads/creatives/new\\?slot=(\\d+).*", "$1");
        assertValid(admin.get("/admin/ads/creatives/new?slot=" + slot), 200);
        assertValid(admin.postForm("/admin/ads/creatives", Map.of("slotId", slot, "kind", "image", "title", "缺图片", "weight", "1")), 400);
        assertThat(admin.postForm("/admin/ads/creatives", Map.of("slotId", slot, "kind", "text", "title", "校验广告", "linkUrl", "/contact", "weight", "2",
                "startsAt", "2020-01-01T08:00", "endsAt", "")).statusCode()).isEqualTo(302);
        assertValid(admin.get("/admin/ads"), 200);
        String frame = assertValid(new TestBrowser(port).get("/ad/slot/" + slot), 200);
        assertThat(frame).contains("校验广告");
        assertValid(admin.get("/admin/ads/creatives/999999"), 404);

        assertValid(admin.get("/admin/topics"), 200);
        assertValid(admin.postForm("/admin/topics", Map.of("title", "", "slug", "a b")), 400);
        HttpResponse<String> created = admin.postForm("/admin/topics", Map.of("title", "校验专题", "slug", "check", "summary", "导语"));
        assertThat(created.statusCode()).isEqualTo(302);
        String edit = created.headers().firstValue("Location").orElseThrow().replaceAll("\\?.*", "").replaceAll("^https?://[^/]+", "");
        assertValid(admin.get(edit), 200);
        assertValid(admin.postForm(edit + "/articles", Map.of("articles", "999999", "section", "")), 400);
        assertValid(admin.postForm("/admin/topics/flags", Map.of("article", "999999", "flag", "pinned", "on", "true")), 404);
        assertValid(new TestBrowser(port).get("/topic/check"), 200);
        assertValid(new TestBrowser(port).get("/topics"), 200);
    }

    private String assertValid(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        String html = response.body();
        List<String> errors = new ArrayList<>();
        for (NuHtmlChecker.Message m : checker.check(html)) {
            if (m.isError()) {
                errors.add(m.where() + ": " + m.text());
            }
        }
        assertThat(errors).as("Nu HTML checker errors on %s", response.uri()).isEmpty();
        return html;
    }
}
