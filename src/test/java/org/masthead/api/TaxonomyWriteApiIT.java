package org.masthead.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.masthead.TestSites;
import org.masthead.account.ApiTokens;
import org.masthead.account.Role;
import org.masthead.account.SignedInUser;
import org.masthead.account.UserAccount;
import org.masthead.account.UserAdministration;
import org.masthead.setting.SiteSettingsStore;
import org.masthead.tag.Tags;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Channel, tag and settings writes through {@code /api/v1}: they go through the back office's services
 * (same rules, same audit lines, old addresses answer 301), a refusal says why in Chinese with a stable
 * code and changes nothing, and only the right role with the right token scope gets in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "masthead.page-cache.watch-interval=1h")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// By name: the channel test's order of top-level channels must not include the channels the others create.
@TestMethodOrder(MethodOrderer.MethodName.class)
class TaxonomyWriteApiIT {

    private static final SignedInUser SETUP = new SignedInUser(0, "test-setup", Role.ADMIN, 0, null);
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int port;

    @Autowired
    UserAdministration users;

    @Autowired
    ApiTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    SiteSettingsStore settings;

    @Autowired
    Tags tags;

    private String editor;
    private String author;
    private String admin;
    private String adminReadOnly;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestSites.useFreshSqlite(registry);
    }

    @BeforeAll
    void people() {
        editor = token(users.create(SETUP, "bian.ji", "bian-ji-password", Role.EDITOR), List.of("taxonomy:write", "articles:write"));
        author = token(users.create(SETUP, "zuo.zhe", "zuo-zhe-password", Role.AUTHOR), List.of("articles:write", "articles:read"));
        UserAccount boss = users.create(SETUP, "guan.li", "guan-li-password", Role.ADMIN);
        admin = token(boss, List.of("settings:write", "taxonomy:write"));
        adminReadOnly = token(boss, List.of("articles:read"));
    }

    private String token(UserAccount user, List<String> scopes) {
        return tokens.create(new SignedInUser(user.id(), user.username(), user.role(), 0, null), "api-test", scopes, null).secret();
    }

    @Test
    void channelsAreCreatedEditedMovedAndDeletedWithTheBackOfficeRules() {
        HttpResponse<String> created = send("POST", "/api/v1/channels", editor, "{\"name\": \"财经\", \"slug\": \"Finance\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode finance = json.readTree(created.body());
        long financeId = finance.get("id").asLong();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/channels/" + financeId);
        assertThat(finance.get("slug").asString()).isEqualTo("finance");
        assertThat(finance.get("depth").asInt()).isZero();
        JsonNode stocks = json.readTree(send("POST", "/api/v1/channels", editor, "{\"name\": \"股市\", \"parentId\": " + financeId + "}").body());
        assertThat(stocks.get("slug").asString()).as("made from the name").isEqualTo("股市");
        assertThat(stocks.get("parentId").asLong()).isEqualTo(financeId);
        assertThat(stocks.get("depth").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT actor FROM admin_audit WHERE action = 'channel.create' AND (subject LIKE '财经 %' OR subject LIKE '股市 %') ORDER BY id")
                .query(String.class).list())
                .containsExactly("bian.ji", "bian.ji");

        long channels = count("channel");
        assertRefused(send("POST", "/api/v1/channels", editor, "{\"name\": \"财经\"}"), 409, "channel.error.nameTaken", "已有名为「财经」的栏目");
        assertRefused(send("POST", "/api/v1/channels", editor, "{\"name\": \"  \"}"), 400, "channel.error.name", "栏目名称须为 1 至 40 个字");
        assertRefused(send("POST", "/api/v1/channels", editor, "{\"name\": \"新\", \"slug\": \"a/b\"}"), 400, "channel.error.slug", "网址别名");
        assertRefused(send("POST", "/api/v1/channels", editor, "{\"name\": \"新\", \"parentId\": 999999}"), 404, "channel.error.notFound", "栏目 999999 不存在");
        assertThat(json.readTree(send("POST", "/api/v1/channels", editor, "{\"name\": 5}").body()).get("error").asString()).isEqualTo("name: must be a string");
        assertThat(json.readTree(send("POST", "/api/v1/channels", editor, "{\"name\": \"新\", \"colour\": \"red\"}").body()).get("error").asString())
                .startsWith("colour: unknown field");
        assertThat(send("POST", "/api/v1/channels", editor, "not json").statusCode()).isEqualTo(400);
        assertThat(count("channel")).as("nothing refused was stored").isEqualTo(channels);

        // A new slug: the old address answers 301, and the fields not sent are kept.
        HttpResponse<String> edited = send("PATCH", "/api/v1/channels/" + financeId, editor, "{\"slug\": \"money\"}");
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        assertThat(json.readTree(edited.body()).get("name").asString()).isEqualTo("财经");
        assertThat(json.readTree(edited.body()).get("url").asString()).endsWith("/channel/money");
        HttpResponse<String> old = TestSites.get(port, "/channel/finance");
        assertThat(old.statusCode()).isEqualTo(301);
        assertThat(old.headers().firstValue("Location")).hasValue("/channel/money");
        // Under its own child: refused, nothing changes.
        assertRefused(send("PATCH", "/api/v1/channels/" + financeId, editor, "{\"parentId\": " + stocks.get("id").asLong() + ", \"name\": \"金融\"}"), 400,
                "channel.error.cycle", "不能把栏目放到它自己或它的子栏目「股市」下面");
        assertThat(jdbc.sql("SELECT name || ' ' || slug || ' ' || COALESCE(CAST(parent_id AS TEXT), '-') FROM channel WHERE id = ?").param(financeId)
                .query(String.class).single()).isEqualTo("财经 money -");
        assertRefused(send("PATCH", "/api/v1/channels/999999", editor, "{\"name\": \"无\"}"), 404, "channel.error.notFound", "不存在");

        // Move: a second top-level channel goes up, before 财经.
        long news = json.readTree(send("POST", "/api/v1/channels", editor, "{\"name\": \"要闻\"}").body()).get("id").asLong();
        assertRefused(send("POST", "/api/v1/channels/" + news + "/move", editor, "{\"direction\": \"sideways\"}"), 400, "channel.error.direction", "上移或下移");
        assertThat(send("POST", "/api/v1/channels/" + news + "/move", editor, "{\"direction\": \"up\"}").statusCode()).isEqualTo(200);
        List<String> order = json.readTree(TestSites.get(port, "/api/v1/channels").body()).get("items").valueStream().map(c -> c.get("name").asString())
                .toList();
        assertThat(order).containsExactly("要闻", "财经", "股市");

        // Delete: refused while it has children or articles; with a target the articles move.
        assertRefused(send("DELETE", "/api/v1/channels/" + financeId, editor, null), 409, "channel.error.hasChildren", "还有 1 个子栏目");
        long stocksId = stocks.get("id").asLong();
        importArticle("股市早报", "股市", List.of());
        assertRefused(send("DELETE", "/api/v1/channels/" + stocksId, editor, null), 409, "channel.error.hasArticles", "还有 1 篇文章");
        assertThat(send("DELETE", "/api/v1/channels/" + stocksId + "?moveTo=" + news, editor, null).statusCode()).isEqualTo(204);
        assertThat(jdbc.sql("SELECT c.name FROM article a JOIN channel c ON c.id = a.channel_id WHERE a.title = '股市早报'").query(String.class).single())
                .isEqualTo("要闻");
        assertThat(jdbc.sql("SELECT action FROM admin_audit WHERE actor = 'bian.ji' ORDER BY id").query(String.class).list())
                .endsWith("channel.moveArticles", "channel.delete");
    }

    @Test
    void tagsAreRenamedMergedAndDeletedAndOldNamesAnswer301() {
        importArticle("两会开幕", "时政", List.of("人大会议", "政协"));
        long npc = tags.byName("人大会议").orElseThrow().id();
        long cppcc = tags.byName("政协").orElseThrow().id();

        assertRefused(send("PATCH", "/api/v1/tags/" + npc, editor, "{\"name\": \"政协\"}"), 409, "tag.error.nameTaken", "请使用「合并到」");
        assertRefused(send("PATCH", "/api/v1/tags/" + npc, editor, "{\"name\": \"\"}"), 400, "tag.error.name", "标签名称须为");
        assertRefused(send("PATCH", "/api/v1/tags/999999", editor, "{\"name\": \"无\"}"), 404, "tag.error.notFound", "标签 999999 不存在");
        assertThat(tags.byId(npc).orElseThrow().name()).isEqualTo("人大会议");

        HttpResponse<String> renamed = send("PATCH", "/api/v1/tags/" + npc, editor, "{\"name\": \"全国人大\"}");
        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
        assertThat(json.readTree(renamed.body()).get("name").asString()).isEqualTo("全国人大");
        assertThat(TestSites.get(port, "/tag/%E4%BA%BA%E5%A4%A7%E4%BC%9A%E8%AE%AE").headers().firstValue("Location"))
                .hasValue("/tag/%E5%85%A8%E5%9B%BD%E4%BA%BA%E5%A4%A7");

        assertRefused(send("POST", "/api/v1/tags/" + npc + "/merge", editor, "{\"into\": \"没有这个\"}"), 404, "tag.error.noSuchTarget", "没有名为「没有这个」的标签");
        assertRefused(send("POST", "/api/v1/tags/" + npc + "/merge", editor, "{\"into\": " + npc + "}"), 400, "tag.error.mergeSelf", "合并到它自己");
        HttpResponse<String> merged = send("POST", "/api/v1/tags/" + npc + "/merge", editor, "{\"into\": \"政协\"}");
        assertThat(merged.statusCode()).as(merged.body()).isEqualTo(200);
        assertThat(json.readTree(merged.body()).get("id").asLong()).isEqualTo(cppcc);
        assertThat(tags.byId(npc)).isEmpty();
        assertThat(TestSites.get(port, "/tag/%E5%85%A8%E5%9B%BD%E4%BA%BA%E5%A4%A7").headers().firstValue("Location")).hasValue("/tag/%E6%94%BF%E5%8D%8F");

        assertRefused(send("DELETE", "/api/v1/tags/" + cppcc, editor, null), 409, "tag.error.inUse", "还用在 1 篇文章上");
        long unused = tags.ensure(List.of("无人使用")).getFirst().id();
        assertThat(send("DELETE", "/api/v1/tags/" + unused, editor, null).statusCode()).isEqualTo(204);
        assertThat(tags.byId(unused)).isEmpty();
        assertThat(jdbc.sql("SELECT action FROM admin_audit WHERE action LIKE 'tag.%' ORDER BY id").query(String.class).list())
                .containsExactly("tag.rename", "tag.merge", "tag.delete");
    }

    @Test
    void settingsAreReadAndPatchedByAdminsOnlyAndAWrongPatchStoresNothing() {
        HttpResponse<String> read = send("GET", "/api/v1/settings", admin, null);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(json.readTree(read.body()).get("timeZone").asString()).isEqualTo(settings.current().timeZone().getId());

        var before = settings.current();
        long audited = jdbc.sql("SELECT COUNT(*) FROM admin_audit WHERE action = 'settings.update'").query(Long.class).single();
        HttpResponse<String> wrong = send("PATCH", "/api/v1/settings", admin,
                "{\"name\": \" \", \"tagline\": \"一句好口号\", \"timeZone\": \"Mars/Olympus\", \"excerptLength\": \"很多\", \"friendLinks\": [{\"name\": \"新华网\", \"url\": \"ftp://x.example\"}]}");
        assertThat(wrong.statusCode()).isEqualTo(400);
        JsonNode problems = json.readTree(wrong.body());
        assertThat(problems.get("code").asString()).isEqualTo("settings.invalid");
        assertThat(problems.get("error").asString()).isEqualTo("有 4 项设置不正确，未保存；各项原因见 fields。");
        assertThat(problems.get("fields").propertyNames()).containsExactly("excerptLength", "friendLinks.0", "name", "timeZone");
        assertThat(problems.get("fields").get("timeZone").get("error").asString()).startsWith("未知的时区");
        assertThat(problems.get("fields").get("excerptLength").get("code").asString()).isEqualTo("settings.error.range");
        assertThat(settings.current()).as("nothing stored, not even the right tagline").isEqualTo(before);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM admin_audit WHERE action = 'settings.update'").query(Long.class).single()).isEqualTo(audited);
        assertThat(send("PATCH", "/api/v1/settings", admin, "{\"siteName\": \"x\"}").body()).contains("siteName: unknown field");

        HttpResponse<String> saved = send("PATCH", "/api/v1/settings", admin,
                "{\"name\": \"接口晚报\", \"excerptLength\": 48, \"friendLinks\": [{\"name\": \"新华网\", \"url\": \"https://www.xinhuanet.com/\"}]}");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(json.readTree(saved.body()).get("excerptLength").asInt()).isEqualTo(48);
        assertThat(settings.current().name()).isEqualTo("接口晚报");
        assertThat(settings.current().friendLinks()).extracting(l -> l.name()).containsExactly("新华网");
        assertThat(settings.current().timeZone()).as("fields not sent are kept").isEqualTo(before.timeZone());
        assertThat(jdbc.sql("SELECT actor || ' ' || detail FROM admin_audit WHERE action = 'settings.update' ORDER BY id DESC LIMIT 1").query(String.class).single())
                .isEqualTo("guan.li name, excerpt-length, friend-links");
        assertThat(TestSites.get(port, "/").body()).contains("接口晚报");
    }

    @Test
    void onlyTheRightRoleWithTheRightScopeGetsIn() {
        String body = "{\"name\": \"权限测试\"}";
        assertThat(send("POST", "/api/v1/channels", null, body).statusCode()).as("anonymous").isEqualTo(401);
        assertThat(send("GET", "/api/v1/settings", null, null).statusCode()).as("anonymous").isEqualTo(401);
        assertThat(send("POST", "/api/v1/channels", author, body).statusCode()).as("author").isEqualTo(403);
        assertThat(send("PATCH", "/api/v1/tags/1", author, "{\"name\": \"x\"}").statusCode()).as("author").isEqualTo(403);
        assertThat(send("GET", "/api/v1/settings", editor, null).statusCode()).as("editor").isEqualTo(403);
        assertThat(send("PATCH", "/api/v1/settings", editor, "{\"name\": \"x\"}").statusCode()).as("editor").isEqualTo(403);
        assertThat(send("PATCH", "/api/v1/settings", adminReadOnly, "{\"name\": \"x\"}").statusCode()).as("admin's token without the scope").isEqualTo(403);
        assertThat(send("POST", "/api/v1/channels", adminReadOnly, body).statusCode()).as("admin's token without the scope").isEqualTo(403);
        assertThat(count("channel WHERE name = '权限测试'")).isZero();
        assertThat(send("GET", "/api/v1/channels", null, null).statusCode()).as("reading stays public").isEqualTo(200);

        HttpRequest basic = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/channels"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("bian.ji:bian-ji-password".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        assertThat(call(basic).statusCode()).as("editor with HTTP Basic").isEqualTo(201);
        assertThat(send("DELETE", "/api/v1/channels/" + jdbc.sql("SELECT id FROM channel WHERE name = '权限测试'").query(Long.class).single(), admin, null)
                .statusCode()).as("admin with taxonomy:write").isEqualTo(204);
    }

    private void assertRefused(HttpResponse<String> answer, int status, String code, String message) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        JsonNode body = json.readTree(answer.body());
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("code").asString()).isEqualTo(code);
        assertThat(body.get("error").asString()).contains(message);
    }

    private long count(String tableAndWhere) {
        return jdbc.sql("SELECT COUNT(*) FROM " + tableAndWhere).query(Long.class).single();
    }

    private void importArticle(String title, String channel, List<String> tagNames) {
        String line = json.writeValueAsString(java.util.Map.of("title", title, "body", "<p>" + title + "正文。</p>", "publishedAt", "2024-03-05T09:00:00+08:00",
                "channel", channel, "tags", tagNames, "originalUrl", "https://example.cn/" + Math.abs(title.hashCode()))) + "\n";
        HttpResponse<String> imported = TestSites.importAsAdmin(port, line);
        assertThat(imported.body()).contains("\"created\"");
    }

    private HttpResponse<String> send(String method, String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return call(request.build());
    }

    private static HttpResponse<String> call(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
