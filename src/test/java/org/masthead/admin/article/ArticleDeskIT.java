package org.masthead.admin.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.masthead.TestBrowser;
import org.masthead.TestSites;
import org.masthead.site.NuHtmlChecker;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The back office's article pages over HTTP, as plain forms (no script): writing with pasted Word HTML,
 * an author's limited view, bulk actions that report every article, workflow buttons by role, the
 * preview, revisions with their diff and restore, the dashboard; and every page passes the Nu checker.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArticleDeskIT {

    static final String PASSWORD = "desk-test-password";
    /** What Word puts on the clipboard, shortened: conditional comments, mso styles, o:p, spans with fonts. */
    static final String WORD_HTML = """
            <html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{mso-style-parent:"";}</style></head>
            <body lang=ZH-CN><!--[if gte mso 9]><xml><w:WordDocument></w:WordDocument></xml><![endif]-->
            <p class=MsoNormal style='text-indent:2em;mso-char-indent-count:2'><span style='font-family:宋体;mso-ascii-font-family:Calibri'>市区道路将于<b>周末</b>进行养护施工。<o:p></o:p></span></p>
            <p class=MsoNormal onclick="alert(1)"><span lang=EN-US>Line 2<o:p>&nbsp;</o:p></span></p>
            <script>alert('x')</script></body></html>""";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final NuHtmlChecker checker = new NuHtmlChecker();
    private TestBrowser author;
    private TestBrowser otherAuthor;
    private TestBrowser editor;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestSites.useFreshSqlite(registry);
    }

    @Autowired
    void users(JdbcClient jdbc, PasswordEncoder encoder) {
        for (String[] user : kv("author1", "author", "author2", "author", "editor1", "editor")) {
            jdbc.sql("INSERT INTO app_user (username, password_hash, role, created_at) VALUES (?, ?, ?, 0) ON CONFLICT (username) DO NOTHING")
                    .params(user[0], encoder.encode(PASSWORD), user[1])
                    .update();
        }
    }

    @BeforeAll
    void signIn() {
        author = signedIn("author1");
        otherAuthor = signedIn("author2");
        editor = signedIn("editor1");
    }

    TestBrowser signedIn(String user) {
        TestBrowser browser = new TestBrowser(port);
        assertThat(browser.signIn(user, PASSWORD).statusCode()).isEqualTo(302);
        return browser;
    }

    /** Posts a form whose fields may repeat (ids, figureUrl), with the session's CSRF token. */
    static HttpResponse<String> post(TestBrowser browser, String path, List<String[]> fields) {
        List<String[]> all = new ArrayList<>(fields);
        all.add(new String[] {"_csrf", browser.csrf()});
        String body = all.stream().map(f -> URLEncoder.encode(f[0], StandardCharsets.UTF_8) + "=" + URLEncoder.encode(f[1], StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return browser.send("POST", path, "application/x-www-form-urlencoded", body, Map.of());
    }

    static List<String[]> kv(String... pairs) {
        List<String[]> fields = new ArrayList<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            fields.add(new String[] {pairs[i], pairs[i + 1]});
        }
        return fields;
    }

    static List<String[]> form(String title, String body, String... more) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("title", title);
        f.put("body", body);
        f.put("tags", "交通，春运");
        f.put("authors", "王小明、李华");
        f.put("channel", "");
        for (int i = 0; i + 1 < more.length; i += 2) {
            f.put(more[i], more[i + 1]);
        }
        return f.entrySet().stream().map(e -> new String[] {e.getKey(), e.getValue()}).collect(Collectors.toCollection(ArrayList::new));
    }

    long create(TestBrowser browser, String title, String body, String... more) {
        HttpResponse<String> created = post(browser, "/admin/articles", form(title, body, more));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        Matcher m = Pattern.compile("/admin/articles/(\\d+)/edit\\?saved").matcher(created.headers().firstValue("Location").orElseThrow());
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    String valid(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(status);
        List<String> errors = new ArrayList<>();
        for (NuHtmlChecker.Message m : checker.check(response.body())) {
            if (m.isError()) {
                errors.add(m.where() + ": " + m.text());
            }
        }
        assertThat(errors).as("Nu HTML checker errors on %s", response.uri()).isEmpty();
        return response.body();
    }

    @Test
    void wordHtmlIsCleanedByTheImportSanitiserAndTheSaveKeepsARevision() {
        long id = create(author, "道路养护通知", WORD_HTML, "subtitle", "周末施工", "sourceUrl", "https://www.example.cn/", "source", "市交通局",
                "originalUrl", "https://www.example.cn/notice/1", "figureUrl", "https://img.example.cn/a.jpg", "figureCaption", "【资料图】");
        String body = jdbc.sql("SELECT body_html FROM article WHERE id = ?").param(id).query(String.class).single();
        assertThat(body).contains("市区道路将于<b>周末</b>进行养护施工。").contains("Line 2")
                .doesNotContain("Mso").doesNotContain("style").doesNotContain("o:p").doesNotContain("script").doesNotContain("onclick")
                .doesNotContain("alert").doesNotContain("mso").doesNotContain("[if");
        assertThat(body).isEqualTo(org.masthead.text.BodyHtml.sanitize(WORD_HTML));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM article_revision WHERE article_id = ?").param(id).query(Integer.class).single()).isEqualTo(1);
        String page = valid(author.get("/admin/articles/" + id + "/edit?saved"), 200);
        assertThat(page).contains("已保存。").contains("value=\"道路养护通知\"").contains("【资料图】").contains("王小明，李华")
                .contains("id=\"action-submit\"").doesNotContain("id=\"action-publish\"").doesNotContain("id=\"action-schedule\"")
                .contains("/webjars/quill/").contains("建议摘要");
        assertThat(author.get("/webjars/quill/1.3.7/dist/quill.min.js").statusCode()).as("Quill is served from its WebJar").isEqualTo(200);
    }

    @Test
    void aRefusedFormComesBackAsSentWithTheReason() {
        HttpResponse<String> refused = post(author, "/admin/articles", form("", "<p>正文保留</p>", "subtitle", "副标题保留"));
        String page = valid(refused, 400);
        assertThat(page).contains("标题：必须填写。").contains("副标题保留").contains("&lt;p&gt;正文保留&lt;/p&gt;").contains("aria-invalid=\"true\"");
        String badUrl = valid(post(author, "/admin/articles", form("有标题", "<p>x</p>", "coverImage", "javascript:alert(1)")), 400);
        assertThat(badUrl).contains("封面图：").contains("不是可用的网址");
        String badTime = valid(post(author, "/admin/articles", form("有标题", "<p>x</p>", "publishAt", "明天")), 400);
        assertThat(badTime).contains("发布时间：").contains("无法识别");
    }

    @Test
    void authorsSeeOnlyTheirOwnArticlesAndFiltersNarrowTheList() {
        long mine = create(author, "作者一的稿件", "<p>正文</p>");
        long theirs = create(otherAuthor, "作者二的稿件", "<p>正文</p>");
        String list = valid(author.get("/admin/articles"), 200);
        assertThat(list).contains("作者一的稿件").doesNotContain("作者二的稿件");
        assertThat(editor.get("/admin/articles").body()).contains("作者一的稿件").contains("作者二的稿件");
        assertThat(editor.get("/admin/articles?q=" + URLEncoder.encode("作者二", StandardCharsets.UTF_8)).body())
                .contains("作者二的稿件").doesNotContain("作者一的稿件");
        assertThat(editor.get("/admin/articles?status=published").body()).doesNotContain("作者二的稿件");
        assertThat(editor.get("/admin/articles?author=author2").body()).contains("作者二的稿件").doesNotContain("作者一的稿件");
        String bad = valid(editor.get("/admin/articles?status=nonsense&from=yesterday"), 400);
        assertThat(bad).contains("状态「nonsense」不存在").contains("日期「yesterday」无法识别");
        assertThat(otherAuthor.get("/admin/articles/" + mine + "/edit").statusCode()).as("another author's article").isEqualTo(403);
        assertThat(otherAuthor.get("/admin/articles/" + mine + "/preview").statusCode()).isEqualTo(403);
        assertThat(author.get("/admin/articles/" + theirs + "/revisions").statusCode()).isEqualTo(403);
    }

    @Test
    void bulkActionsReportEveryArticleAndRefuseWhatTheRulesRefuse() {
        long a = create(author, "批量甲", "<p>甲的正文</p>");
        long b = create(author, "批量乙", "<p>乙的正文</p>");
        long empty = create(author, "批量空", "");
        // An author cannot publish: each article says so, none changes.
        String refused = valid(post(author, "/admin/articles/bulk", kv("ids", "" + a, "ids", "" + b, "action", "publish")), 200);
        assertThat(refused).contains("0 篇成功，2 篇被拒绝").contains("作者不能发布文章");
        assertThat(status(a)).isEqualTo("draft");
        // An editor: two published, the empty one refused with its reason.
        String done = valid(post(editor, "/admin/articles/bulk", kv("ids", "" + a, "ids", "" + empty, "ids", "" + b, "action", "publish", "back", "status=draft")), 200);
        assertThat(done).contains("2 篇成功，1 篇被拒绝").contains("正文为空的文章不能发布");
        assertThat(status(a)).isEqualTo("published");
        assertThat(status(b)).isEqualTo("published");
        assertThat(status(empty)).isEqualTo("draft");
        assertThat(TestSites.get(port, "/articles/" + a).statusCode()).isEqualTo(200);
        // Move and tag go through saving: a revision each; moving an author's published article is refused for the author.
        jdbc.sql("INSERT INTO channel (name, slug, position) VALUES ('要闻', 'yaowen', 99) ON CONFLICT DO NOTHING").update();
        String moved = valid(post(editor, "/admin/articles/bulk", kv("ids", "" + a, "action", "move", "channel", "要闻")), 200);
        assertThat(moved).contains("已移到新栏目");
        assertThat(jdbc.sql("SELECT c.name FROM article a JOIN channel c ON c.id = a.channel_id WHERE a.id = ?").param(a).query(String.class).single())
                .isEqualTo("要闻");
        String tagged = valid(post(editor, "/admin/articles/bulk", kv("ids", "" + a, "ids", "" + b, "action", "tag", "tag", "道路")), 200);
        assertThat(tagged).contains("2 篇成功，0 篇被拒绝");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM article_tag x JOIN tag t ON t.id = x.tag_id WHERE t.name = '道路'").query(Integer.class).single())
                .isEqualTo(2);
        String again = post(editor, "/admin/articles/bulk", kv("ids", "" + a, "action", "tag", "tag", "道路")).body();
        assertThat(again).contains("已经如此");
        String authorMove = post(author, "/admin/articles/bulk", kv("ids", "" + a, "action", "tag", "tag", "其他")).body();
        assertThat(authorMove).contains("1 篇被拒绝").contains("作者不能修改「已发布」状态的文章");
        assertThat(valid(post(editor, "/admin/articles/bulk", kv("action", "publish")), 400)).contains("请先勾选");
        assertThat(post(editor, "/admin/articles/bulk", kv("ids", "" + a, "action", "move", "channel", "不存在的栏目")).statusCode()).isEqualTo(400);
    }

    @Test
    void theWorkflowButtonsFollowTheRulesAndARefusalSaysWhy() {
        long id = create(author, "流程稿件", "<p>流程的正文</p>");
        assertThat(post(author, "/admin/articles/" + id + "/submit", kv()).headers().firstValue("Location").orElse(""))
                .endsWith("/admin/articles/" + id + "/edit?done=submit");
        assertThat(status(id)).isEqualTo("review");
        String authorPage = author.get("/admin/articles/" + id + "/edit").body();
        assertThat(authorPage).contains("id=\"action-reopen\"").doesNotContain("id=\"action-publish\"").doesNotContain("id=\"action-submit\"");
        HttpResponse<String> forbidden = post(author, "/admin/articles/" + id + "/publish", kv());
        assertThat(valid(forbidden, 403)).contains("作者不能发布文章");
        assertThat(status(id)).isEqualTo("review");
        String editorPage = valid(editor.get("/admin/articles/" + id + "/edit"), 200);
        assertThat(editorPage).contains("id=\"action-publish\"").contains("id=\"action-schedule\"").contains("id=\"schedule-at\"");
        String past = valid(post(editor, "/admin/articles/" + id + "/schedule", kv("publishAt", "2020-01-01T08:00")), 400);
        assertThat(past).contains("定时发布时间须晚于现在").contains("value=\"2020-01-01T08:00\"");
        assertThat(status(id)).isEqualTo("review");
        assertThat(post(editor, "/admin/articles/" + id + "/schedule", kv("publishAt", "2099-01-01T08:00")).statusCode())
                .isEqualTo(302);
        assertThat(status(id)).isEqualTo("scheduled");
        assertThat(jdbc.sql("SELECT published_at FROM article WHERE id = ?").param(id).query(Long.class).single())
                .as("08:00 in Asia/Shanghai").isEqualTo(java.time.Instant.parse("2099-01-01T00:00:00Z").toEpochMilli());
        String dashboard = valid(editor.get("/admin"), 200);
        assertThat(dashboard).contains("流程稿件").contains("2099-01-01 08:00").contains("最近动态").contains("定时发布");
        assertThat(author.get("/admin").body()).as("the author's activity: their own article").contains("流程稿件");
        assertThat(otherAuthor.get("/admin").body()).doesNotContain("流程稿件");
    }

    @Test
    void thePreviewIsTheArticlePageMarkedNoindexAndNeverCached() {
        long id = create(author, "预览中的稿件", "<p>预览的正文，市区道路将于周末进行养护施工。</p>");
        HttpResponse<String> preview = author.get("/admin/articles/" + id + "/preview");
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(preview.body()).contains("id=\"preview-banner\"").contains("「草稿」").contains("<meta name=\"robots\" content=\"noindex,follow\">")
                .contains("<h1>预览中的稿件</h1>").contains("预览的正文").contains("class=\"primary article\"");
        assertThat(TestSites.get(port, "/articles/" + id).statusCode()).as("a draft is not public").isEqualTo(404);
        post(author, "/admin/articles/" + id, form("预览中的稿件（改）", "<p>改过的正文</p>"));
        assertThat(author.get("/admin/articles/" + id + "/preview").body()).as("an edit shows at once").contains("改过的正文").doesNotContain("预览的正文");
        // Once published, the preview and the public page render the same article the same way.
        post(editor, "/admin/articles/" + id + "/publish", kv());
        String page = TestSites.get(port, "/articles/" + id).body();
        String previewed = editor.get("/admin/articles/" + id + "/preview").body();
        String withoutMarks = previewed.replaceFirst("(?s)<p class=\"preview-banner\".*?</p>", "").replace("<meta name=\"robots\" content=\"noindex,follow\">", "");
        assertThat(withoutMarks.replaceAll("\\s+", " ")).isEqualTo(page.replaceAll("\\s+", " "));
    }

    @Test
    void revisionsCompareAndRestore() {
        long id = create(author, "版本稿件", "<p>周末施工。</p>");
        post(author, "/admin/articles/" + id, form("版本稿件", "<p>下周施工。</p>"));
        String list = valid(author.get("/admin/articles/" + id + "/revisions"), 200);
        assertThat(list).contains("恢复第 1 版").contains("新建").contains("修改");
        String diff = valid(author.get("/admin/articles/" + id + "/revisions/diff?from=1&to=2"), 200);
        assertThat(diff).contains("<del>周末</del><ins>下周</ins>").contains("<dt>正文</dt>");
        assertThat(valid(author.get("/admin/articles/" + id + "/revisions/diff?from=1&to=9"), 404)).contains("没有第 9 版");
        HttpResponse<String> restored = post(author, "/admin/articles/" + id + "/revisions/1/restore", kv());
        assertThat(restored.headers().firstValue("Location").orElse("")).endsWith("/edit?restored=1");
        assertThat(jdbc.sql("SELECT body_html FROM article WHERE id = ?").param(id).query(String.class).single()).isEqualTo("<p>周末施工。</p>");
        assertThat(author.get("/admin/articles/" + id + "/revisions").body()).contains("恢复自第 1 版");
    }

    @Test
    void tagSuggestionsAreJsonOfExistingTags() {
        create(author, "标签稿件", "<p>x</p>");
        HttpResponse<String> json = author.get("/admin/articles/tags?q=" + URLEncoder.encode("春", StandardCharsets.UTF_8));
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(json.body()).contains("\"春运\"");
        assertThat(valid(author.get("/admin/articles/new"), 200)).contains("<option value=\"春运\">");
    }

    private String status(long id) {
        return jdbc.sql("SELECT status FROM article WHERE id = ?").param(id).query(String.class).single();
    }
}
