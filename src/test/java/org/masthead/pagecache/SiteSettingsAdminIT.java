package org.masthead.pagecache;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.masthead.TestBrowser;
import org.masthead.TestSites;
import org.masthead.setting.SiteSettingsStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code /admin/settings} through the real server: wrong values are refused field by field and keep what
 * was typed; a save shows on the public site at once, even on pages the page cache was keeping.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "masthead.views.flush-interval=1h", "masthead.page-cache.watch-interval=1h"})
class SiteSettingsAdminIT {

    @LocalServerPort
    int port;

    @Autowired
    PageStore store;

    @Autowired
    SiteSettingsStore settings;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.masthead.media.MediaLibrary media;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestSites.useFreshSqlite(registry);
    }

    private static Map<String, String> valid() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", "台南晚报");
        form.put("tagline", "在地新闻・即时更新");
        form.put("logoUrl", "https://cdn.example.cn/logo.png");
        form.put("copyrightSince", "2019");
        form.put("icp", "沪ICP备12345678号-1");
        form.put("publicSecurityFiling", "沪公网安备 31010402000001号");
        form.put("email", "desk@tainan.example");
        form.put("timeZone", "Asia/Taipei");
        form.put("excerptLength", "48");
        form.put("listPageSize", "5");
        form.put("homePageSize", "6");
        form.put("baseUrl", "https://news.example.cn/");
        return form;
    }

    @Test
    void refusesWrongValuesFieldByFieldKeepingWhatWasTyped() {
        TestBrowser admin = signedIn();
        var before = settings.current();
        long audited = jdbc.sql("SELECT COUNT(*) FROM admin_audit WHERE action = 'settings.update'").query(Long.class).single();
        Map<String, String> form = valid();
        form.put("name", " ");
        form.put("timeZone", "Mars/Olympus");
        form.put("excerptLength", "很多");
        form.put("icp", "ICP 12345");
        form.put("email", "desk-at-tainan");
        String body = "linkName=" + enc("新华网") + "&linkUrl=" + enc("ftp://xinhuanet.example") + "&linkName=&linkUrl=";
        HttpResponse<String> answer = admin.send("POST", "/admin/settings", "application/x-www-form-urlencoded", encode(form) + "&" + body
                + "&_csrf=" + enc(admin.csrf()), Map.of());

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains(
                "有 6 项设置不正确，未保存",
                "id=\"name-error\" class=\"field-error\">必填。",
                "未知的时区，请填写 IANA 时区名，例如 Asia/Shanghai。",
                "value=\"Mars/Olympus\"",
                "请填写 8 至 500 之间的整数。",
                "value=\"很多\"",
                "格式应为「京ICP备12345678号」或「京ICP备12345678号-1」。",
                "不是有效的邮箱地址。",
                "「新华网」的地址须以 http:// 或 https:// 开头。",
                "value=\"ftp://xinhuanet.example\"",
                "value=\"在地新闻・即时更新\"",
                "aria-invalid=\"true\"");
        assertThat(settings.current()).as("nothing stored").isEqualTo(before);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM admin_audit WHERE action = 'settings.update'").query(Long.class).single()).isEqualTo(audited);
    }

    @Test
    void aSaveShowsOnThePublicSiteAtOnceEvenOnKeptPages() {
        for (int i = 1; i <= 7; i++) {
            String line = "{\"title\":\"设置测试文章" + i + "\",\"body\":\"<p>正文" + i + "。</p>\",\"publishedAt\":\"2026-02-0" + i
                    + "T09:00:00+08:00\",\"channel\":\"设置栏目\",\"originalUrl\":\"https://example.cn/settings/" + i + "\"}\n";
            assertThat(TestSites.importAsAdmin(port, line).statusCode()).isEqualTo(200);
        }
        String home = TestSites.get(port, "/").body();
        assertThat(home).contains("设置测试文章7").doesNotContain("台南晚报");
        awaitKept("/");
        // Changed behind the application's back (no event): the kept page still shows the old title,
        // which proves the next request is answered from the cache.
        jdbc.sql("UPDATE article SET title = '设置测试文章七' WHERE title = '设置测试文章7'").update();
        assertThat(TestSites.get(port, "/").body()).contains("设置测试文章7");

        TestBrowser admin = signedIn();
        Map<String, String> form = valid();
        String links = "&linkName=" + enc("新华网") + "&linkUrl=" + enc("https://www.xinhuanet.com/") + "&linkName=&linkUrl=&linkName=" + enc("人民网")
                + "&linkUrl=" + enc("http://www.people.com.cn/");
        HttpResponse<String> saved = admin.send("POST", "/admin/settings", "application/x-www-form-urlencoded",
                encode(form) + links + "&_csrf=" + enc(admin.csrf()), Map.of());
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith("/admin/settings?saved");

        String after = TestSites.get(port, "/").body();
        assertThat(after).contains(
                "<title>台南晚报 — 在地新闻・即时更新</title>",
                "设置测试文章七",
                "<img class=\"logo\" src=\"https://cdn.example.cn/logo.png\"",
                "href=\"https://beian.miit.gov.cn/\" rel=\"noopener\">沪ICP备12345678号-1</a>",
                "href=\"https://beian.mps.gov.cn/#/query/webSearch?code=31010402000001\" rel=\"noopener\">沪公网安备 31010402000001号</a>",
                "<a href=\"https://www.xinhuanet.com/\" rel=\"noopener\">新华网</a>",
                "<a href=\"http://www.people.com.cn/\" rel=\"noopener\">人民网</a>",
                "Copyright © 2019-");
        assertThat(after).as("the address stays scraper-safe").doesNotContain("desk@tainan.example").contains("desk<span class=\"decoy\">");
        assertThat(after.split("<p class=\"card-excerpt\">", -1).length - 1).as("home page size: the latest list, with excerpts").isEqualTo(6);
        assertThat(TestSites.get(port, "/latest").body().split("<li class=\"card\">", -1).length - 1).as("list page size").isEqualTo(5);
        assertThat(TestSites.get(port, "/latest?page=2").body()).contains("设置测试文章2", "设置测试文章1");
        assertThat(settings.current().timeZone().getId()).isEqualTo("Asia/Taipei");

        String page = admin.get("/admin/settings?saved").body();
        assertThat(page).contains("设置已保存", "value=\"台南晚报\"", "value=\"人民网\"", "admin 修改了：");
        assertThat(jdbc.sql("SELECT detail FROM admin_audit WHERE action = 'settings.update' ORDER BY id DESC LIMIT 1").query(String.class).single())
                .contains("name", "time-zone", "friend-links", "list-page-size").doesNotContain("site.");
    }

    @Test
    void aLogoPickedFromTheMediaLibraryReplacesTheTypedAddressAndOneNoLongerThereIsRefused() {
        org.masthead.media.MediaItem logo = media.upload(new org.masthead.media.MediaLibrary.Upload(org.masthead.media.TestImages.jpeg(320, 120),
                "报头标志.jpg", "标志", "admin"));
        TestBrowser admin = signedIn();
        String form = admin.get("/admin/settings").body();
        assertThat(form).contains("<select id=\"logoMedia\" name=\"logoMedia\"", "<option value=\"" + logo.id() + "\">报头标志.jpg（320×120）</option>");

        var before = settings.current();
        Map<String, String> fields = valid();
        fields.put("name", "素材标志报");
        fields.put("logoMedia", "999999");
        HttpResponse<String> refused = admin.send("POST", "/admin/settings", "application/x-www-form-urlencoded",
                encode(fields) + "&_csrf=" + enc(admin.csrf()), Map.of());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("有 1 项设置不正确，未保存", "所选图片已不在素材库中", "value=\"素材标志报\"",
                "value=\"https://cdn.example.cn/logo.png\"");
        assertThat(settings.current()).as("nothing stored").isEqualTo(before);

        fields.put("logoMedia", String.valueOf(logo.id()));
        HttpResponse<String> saved = admin.send("POST", "/admin/settings", "application/x-www-form-urlencoded",
                encode(fields) + "&_csrf=" + enc(admin.csrf()), Map.of());
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(settings.current().logoUrl()).as("the picked image, not the typed address").isEqualTo(logo.url());
        assertThat(TestSites.get(port, "/").body()).contains("<img class=\"logo\" src=\"" + logo.url() + "\"");
        assertThat(admin.get("/admin/settings").body()).contains("报头标志.jpg（320×120，当前标志）</option>", "value=\"" + logo.url() + "\"");
    }

    private TestBrowser signedIn() {
        TestBrowser admin = new TestBrowser(port);
        admin.signIn("admin", TestSites.ADMIN_PASSWORD);
        admin.refreshCsrf("/admin/settings");
        return admin;
    }

    private void awaitKept(String path) {
        Instant until = Instant.now().plus(Duration.ofSeconds(5));
        while (store.get(path) == null && Instant.now().isBefore(until)) {
            Thread.onSpinWait();
        }
        assertThat(store.get(path)).as(path + " kept").isNotNull();
    }

    private static String encode(Map<String, String> form) {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(enc(k)).append('=').append(enc(v)));
        return body.toString();
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
