package org.masthead.admin.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.TestBrowser;
import org.masthead.TestSites;
import org.masthead.tag.Tags;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * The channel tree, tags and bylines edited through the back-office forms of a real server, and what
 * readers see afterwards: order, 301s from old addresses, merged tags and bylines. Each test uses names of
 * its own, so they share one site.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "masthead.page-cache.watch-interval=1h")
class TaxonomyAdminIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    Tags tags;

    private TestBrowser admin;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestSites.useFreshSqlite(registry);
    }

    @BeforeEach
    void signIn() {
        admin = new TestBrowser(port);
        admin.signIn("admin", TestSites.ADMIN_PASSWORD);
        admin.refreshCsrf("/admin/channels");
    }

    @Test
    void channelTreeListsChildrenUnderTheirParentAndMovesAmongSiblings() {
        assertThat(post("/admin/channels", Map.of("name", "树甲", "slug", "tree-a", "parent", "")).statusCode()).isEqualTo(302);
        assertThat(post("/admin/channels", Map.of("name", "树乙", "slug", "tree-b", "parent", "")).statusCode()).isEqualTo(302);
        long a = channelId("树甲");
        assertThat(post("/admin/channels", Map.of("name", "树丙", "slug", "tree-c", "parent", String.valueOf(a))).statusCode()).isEqualTo(302);
        assertThat(post("/admin/channels", Map.of("name", "树丁", "slug", "", "parent", String.valueOf(a))).statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT slug FROM channel WHERE name = '树丁'").query(String.class).single()).as("slug made from the name").isEqualTo("树丁");

        assertInOrder(admin.get("/admin/channels").body(), "树甲", "树丙", "树丁", "树乙");

        post("/admin/channels/" + channelId("树丁") + "/move", Map.of("direction", "up"));
        assertInOrder(admin.get("/admin/channels").body(), "树甲", "树丁", "树丙", "树乙");

        String homeBefore = TestSites.get(port, "/").body(); // kept by the page cache
        assertInOrder(homeBefore, ">树甲<", ">树乙<");
        assertThat(homeBefore).as("only top-level channels in the navigation").doesNotContain(">树丙<");
        HttpResponse<String> moved = post("/admin/channels/" + channelId("树乙") + "/move", Map.of("direction", "up"));
        assertThat(moved.headers().firstValue("Location").orElseThrow()).endsWith("/admin/channels?done=moved");
        assertInOrder(admin.get("/admin/channels").body(), "树乙", "树甲", "树丁", "树丙");
        assertInOrder(TestSites.get(port, "/").body(), ">树乙<", ">树甲<");

        HttpResponse<String> cycle = post("/admin/channels/" + a, Map.of("name", "树甲", "slug", "tree-a", "parent", String.valueOf(channelId("树丙"))));
        assertThat(cycle.statusCode()).isEqualTo(400);
        assertThat(cycle.body()).contains("不能把栏目放到它自己或它的子栏目「树丙」下面");
        assertThat(jdbc.sql("SELECT parent_id FROM channel WHERE id = ?").param(a).query(Long.class).optional()).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM admin_audit WHERE action = 'channel.move' AND actor = 'admin' AND address = '127.0.0.1'")
                .query(Long.class).single()).isEqualTo(2);

        String api = TestSites.get(port, "/api/v1/channels").body();
        assertInOrder(api, "\"tree-b\"", "\"tree-a\"", "\"树丁\"", "\"tree-c\"");
        assertThat(api).contains("\"depth\":1");
    }

    @Test
    void aNewSlugKeepsTheOldAddressWorkingWithAPermanentRedirect() {
        long article = importArticle("迁址的文章", "迁址栏目", List.of(), List.of(), "slug-1");
        String old = "/channel/" + encode("迁址栏目");
        assertThat(TestSites.get(port, old).body()).contains("迁址的文章");
        assertThat(TestSites.get(port, old + "/feed.xml").statusCode()).isEqualTo(200);
        long id = channelId("迁址栏目");

        HttpResponse<String> saved = post("/admin/channels/" + id, Map.of("name", "迁址栏目", "slug", "Moved-Channel", "parent", ""));
        assertThat(saved.statusCode()).isEqualTo(302);

        HttpResponse<String> redirect = TestSites.get(port, old);
        assertThat(redirect.statusCode()).isEqualTo(301);
        assertThat(redirect.headers().firstValue("Location")).hasValue("/channel/moved-channel");
        assertThat(redirect.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=86400");
        assertThat(TestSites.get(port, old + "?page=2").headers().firstValue("Location")).hasValue("/channel/moved-channel?page=2");
        HttpResponse<String> feed = TestSites.get(port, old + "/feed.xml");
        assertThat(feed.statusCode()).isEqualTo(301);
        assertThat(feed.headers().firstValue("Location")).hasValue("/channel/moved-channel/feed.xml");
        assertThat(TestSites.get(port, "/channel/moved-channel").body()).contains("迁址的文章");
        assertThat(TestSites.get(port, "/articles/" + article).body()).contains("href=\"/channel/moved-channel\"");

        // Back to the first slug: it is current again, and the second one now redirects.
        post("/admin/channels/" + id, Map.of("name", "迁址栏目", "slug", "迁址栏目", "parent", ""));
        assertThat(TestSites.get(port, old).statusCode()).isEqualTo(200);
        assertThat(TestSites.get(port, "/channel/moved-channel").headers().firstValue("Location")).hasValue(old);

        post("/admin/channels", Map.of("name", "占位栏目", "slug", "taken-slug", "parent", ""));
        HttpResponse<String> taken = post("/admin/channels/" + id, Map.of("name", "迁址栏目改", "slug", "taken-slug", "parent", ""));
        assertThat(taken.statusCode()).isEqualTo(400);
        assertThat(taken.body()).contains("网址别名「taken-slug」已被栏目「占位栏目」使用", "value=\"迁址栏目改\"", "value=\"taken-slug\"");
        assertThat(jdbc.sql("SELECT name FROM channel WHERE id = ?").param(id).query(String.class).single()).isEqualTo("迁址栏目");
    }

    @Test
    void deletingAChannelIsRefusedWhileInUseAndMovesItsArticlesWhenAsked() {
        long article = importArticle("待删栏目的文章", "待删栏目", List.of(), List.of(), "delete-1");
        post("/admin/channels", Map.of("name", "接收栏目", "slug", "", "parent", ""));
        long doomed = channelId("待删栏目");

        HttpResponse<String> refused = post("/admin/channels/" + doomed + "/delete", Map.of("moveTo", ""));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("栏目「待删栏目」还有 1 篇文章，请选择要把这些文章移到哪个栏目");

        assertThat(post("/admin/channels/" + doomed + "/delete", Map.of("moveTo", String.valueOf(channelId("接收栏目")))).statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM channel WHERE name = '待删栏目'").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT channel_id FROM article WHERE id = ?").param(article).query(Long.class).single()).isEqualTo(channelId("接收栏目"));
        assertThat(TestSites.get(port, "/channel/" + encode("接收栏目")).body()).contains("待删栏目的文章");
        assertThat(TestSites.get(port, "/channel/" + encode("待删栏目")).statusCode()).isEqualTo(404);

        post("/admin/channels", Map.of("name", "父栏目", "slug", "", "parent", ""));
        post("/admin/channels", Map.of("name", "子栏目", "slug", "", "parent", String.valueOf(channelId("父栏目"))));
        HttpResponse<String> parent = post("/admin/channels/" + channelId("父栏目") + "/delete", Map.of());
        assertThat(parent.statusCode()).isEqualTo(409);
        assertThat(parent.body()).contains("栏目「父栏目」下还有 1 个子栏目");
    }

    @Test
    void mergingATagMovesItsArticlesKeepsOneOfEachAndRedirectsTheOldAddress() {
        long a1 = importArticle("合并一", "标签栏目", List.of("人大", "两会"), List.of(), "tag-1");
        long a2 = importArticle("合并二", "标签栏目", List.of("人大会议"), List.of(), "tag-2");
        long a3 = importArticle("合并三", "标签栏目", List.of("人大会议", "人大"), List.of(), "tag-3");
        String oldTag = "/tag/" + encode("人大会议");
        assertThat(TestSites.get(port, oldTag).body()).contains("合并二", "合并三"); // kept by the page cache

        String list = admin.get("/admin/tags?q=" + encode("人大")).body();
        assertThat(list).contains("共 2 个标签", ">人大会议</a>", ">人大</a>").doesNotContain(">两会</a>");

        HttpResponse<String> merged = post("/admin/tags/" + tagId("人大会议") + "/merge", Map.of("into", "人大", "q", "人大"));
        assertThat(merged.statusCode()).isEqualTo(302);
        assertThat(merged.headers().firstValue("Location").orElseThrow()).endsWith("/admin/tags?done=merged&q=" + encode("人大"));
        assertThat(tagsOf(a1)).containsExactly("人大", "两会");
        assertThat(tagsOf(a2)).containsExactly("人大");
        assertThat(tagsOf(a3)).as("one 人大, at the first of the two places").containsExactly("人大");
        assertThat(tags.byName("人大会议")).isEmpty();

        HttpResponse<String> redirect = TestSites.get(port, oldTag);
        assertThat(redirect.statusCode()).isEqualTo(301);
        assertThat(redirect.headers().firstValue("Location")).hasValue("/tag/" + encode("人大"));
        assertThat(TestSites.get(port, oldTag + "/atom.xml").headers().firstValue("Location")).hasValue("/tag/" + encode("人大") + "/atom.xml");
        assertThat(TestSites.get(port, "/tag/" + encode("人大")).body()).contains("合并一", "合并二", "合并三");
        assertThat(TestSites.get(port, "/articles/" + a2).body()).contains(">人大</a>").doesNotContain(">人大会议</a>");
        // The search index re-reads the relabelled articles (asynchronously): filtering by the surviving tag finds them.
        String search = "/api/v1/search?q=" + encode("合并二") + "&tag=" + encode("人大");
        java.time.Instant until = java.time.Instant.now().plusSeconds(15);
        while (!TestSites.get(port, search).body().contains("\"total\":1") && java.time.Instant.now().isBefore(until)) {
            Thread.onSpinWait();
        }
        assertThat(TestSites.get(port, search).body()).contains("\"total\":1", "/articles/" + a2);
        long later = importArticle("合并后导入", "标签栏目", List.of("人大会议"), List.of(), "tag-4");
        assertThat(tagsOf(later)).as("the old name means the tag it became").containsExactly("人大");

        post("/admin/tags/" + tagId("两会") + "/rename", Map.of("name", "全国两会"));
        assertThat(TestSites.get(port, "/tag/" + encode("两会")).headers().firstValue("Location")).hasValue("/tag/" + encode("全国两会"));
        assertThat(tagsOf(a1)).containsExactly("人大", "全国两会");
        HttpResponse<String> clash = post("/admin/tags/" + tagId("全国两会") + "/rename", Map.of("name", "人大"));
        assertThat(clash.statusCode()).isEqualTo(400);
        assertThat(clash.body()).contains("已有名为「人大」的标签。要把两个标签合为一个，请使用「合并到」。");

        HttpResponse<String> used = post("/admin/tags/" + tagId("人大") + "/delete", Map.of());
        assertThat(used.statusCode()).isEqualTo(400);
        assertThat(used.body()).contains("标签「人大」还用在 4 篇文章上，不能删除");
        tags.ensure(List.of("无人使用的标签"));
        assertThat(post("/admin/tags/" + tagId("无人使用的标签") + "/delete", Map.of()).statusCode()).isEqualTo(302);
        assertThat(tags.byName("无人使用的标签")).isEmpty();
        assertThat(jdbc.sql("SELECT action FROM admin_audit WHERE action LIKE 'tag.%' ORDER BY id").query(String.class).list())
                .containsExactly("tag.merge", "tag.rename", "tag.delete");
        assertThat(TestSites.get(port, "/api/v1/tags?q=" + encode("人大")).body()).contains("\"name\":\"人大\"").doesNotContain("人大会议");
    }

    @Test
    void renamingABylineToOneInUseMergesThemAndRedirectsTheOldAuthorPage() {
        long b1 = importArticle("署名一", "署名栏目", List.of(), List.of("王小明"), "byline-1");
        long b2 = importArticle("署名二", "署名栏目", List.of(), List.of("王小明", "王晓明"), "byline-2");
        long b3 = importArticle("署名三", "署名栏目", List.of(), List.of("王晓明"), "byline-3");
        String old = "/author/" + encode("王小明");
        assertThat(TestSites.get(port, old).body()).contains("署名一", "署名二");
        assertThat(admin.get("/admin/bylines?q=" + encode("明")).body()).contains(">王小明</a>", ">王晓明</a>", "共 2 个作者署名");

        HttpResponse<String> renamed = post("/admin/bylines/rename", Map.of("from", "王小明", "to", "王晓明"));
        assertThat(renamed.statusCode()).isEqualTo(302);
        assertThat(authorsOf(b1)).containsExactly("王晓明");
        assertThat(authorsOf(b2)).containsExactly("王晓明");
        assertThat(authorsOf(b3)).containsExactly("王晓明");
        HttpResponse<String> redirect = TestSites.get(port, old + "?page=1");
        assertThat(redirect.statusCode()).isEqualTo(301);
        assertThat(redirect.headers().firstValue("Location")).hasValue("/author/" + encode("王晓明") + "?page=1");
        assertThat(TestSites.get(port, "/author/" + encode("王晓明")).body()).contains("署名一", "署名二", "署名三");
        assertThat(jdbc.sql("SELECT detail FROM admin_audit WHERE action = 'byline.merge' AND subject = '王小明 → 王晓明'").query(String.class).single())
                .isEqualTo("2 articles");

        HttpResponse<String> empty = post("/admin/bylines/rename", Map.of("from", "王晓明", "to", " "));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("作者署名须为 1 至 60 个字");
    }

    // ---- helpers

    private HttpResponse<String> post(String path, Map<String, String> fields) {
        return admin.postForm(path, fields);
    }

    private long importArticle(String title, String channel, List<String> tagNames, List<String> authors, String key) {
        String line = json.writeValueAsString(Map.of("title", title, "body", "<p>" + title + "的正文。</p>", "publishedAt", "2026-03-01T09:00:00+08:00",
                "channel", channel, "tags", tagNames, "authors", authors, "originalUrl", "https://example.cn/taxonomy/" + key)) + "\n";
        HttpResponse<String> response = TestSites.importAsAdmin(port, line);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body()).get("results").get(0).get("id").asLong();
    }

    private long channelId(String name) {
        return jdbc.sql("SELECT id FROM channel WHERE name = ?").param(name).query(Long.class).single();
    }

    private long tagId(String name) {
        return tags.byName(name).orElseThrow().id();
    }

    private List<String> tagsOf(long article) {
        return jdbc.sql("SELECT t.name FROM article_tag x JOIN tag t ON t.id = x.tag_id WHERE x.article_id = ? ORDER BY x.position")
                .param(article).query(String.class).list();
    }

    private List<String> authorsOf(long article) {
        return jdbc.sql("SELECT name FROM article_author WHERE article_id = ? ORDER BY position").param(article).query(String.class).list();
    }

    private static String encode(String segment) {
        return UriUtils.encodePathSegment(segment, StandardCharsets.UTF_8);
    }

    private static void assertInOrder(String body, String... parts) {
        int at = -1;
        for (String part : parts) {
            int next = body.indexOf(part, at + 1);
            assertThat(next).as("«%s» after position %d", part, at).isGreaterThan(at);
            at = next;
        }
    }

    static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
