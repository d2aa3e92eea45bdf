package org.masthead.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.masthead.TestBrowser;
import org.masthead.TestSites;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/** Flags and special topics through the real server: the API, the back-office forms and the public pages. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FlagsAndTopicsIT {

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    private final java.util.Map<String, Long> ids = new java.util.LinkedHashMap<>();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestSites.useFreshSqlite(registry);
    }

    @BeforeAll
    void articles() {
        StringBuilder lines = new StringBuilder();
        String[][] articles = {{"市政-1", "市政", "01"}, {"市政-2", "市政", "02"}, {"市政-3", "市政", "03"}, {"文化-1", "文化", "04"}, {"文化-2", "文化", "05"}};
        for (String[] a : articles) {
            lines.append(json.writeValueAsString(Map.of("title", a[0], "body", "<p>" + a[0] + "的正文。</p>", "publishedAt", "2023-08-" + a[2] + "T09:00:00+08:00",
                    "channel", a[1], "originalUrl", "https://example.cn/" + a[0]))).append('\n');
        }
        HttpResponse<String> response = TestSites.importAsAdmin(port, lines.toString());
        assertThat(response.statusCode()).isEqualTo(200);
        json.readTree(response.body()).get("results").forEach(r -> ids.put(articles[ids.size()][0], r.get("id").asLong()));
    }

    @Test
    void editorsSetFlagsThroughTheApiAndTheHomeAndChannelPagesListThem() {
        HttpResponse<String> set = TestSites.post(port, "/api/v1/articles/" + ids.get("市政-1") + "/flags", "application/json",
                "{\"headline\": true, \"recommended\": true}", TestSites.ADMIN_PASSWORD);
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(json.readTree(set.body()).get("flags").toString()).isEqualTo("[\"headline\",\"recommended\"]");
        HttpResponse<String> pin = TestSites.post(port, "/api/v1/articles/" + ids.get("市政-1") + "/flags", "application/json", "{\"pinned\": true, \"recommended\": false}",
                TestSites.ADMIN_PASSWORD);
        assertThat(json.readTree(pin.body()).get("flags").toString()).isEqualTo("[\"headline\",\"pinned\"]");
        HttpResponse<String> bad = TestSites.post(port, "/api/v1/articles/" + ids.get("市政-1") + "/flags", "application/json", "{\"pinned\": \"maybe\"}",
                TestSites.ADMIN_PASSWORD);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("headline, recommended, pinned");
        assertThat(TestSites.post(port, "/api/v1/articles/999999/flags", "application/json", "{\"pinned\": true}", TestSites.ADMIN_PASSWORD).statusCode())
                .isEqualTo(404);

        Document home = Jsoup.parse(TestSites.get(port, "/").body());
        assertThat(home.select(".top-stories .top-story").text()).isEqualTo("市政-1");
        Document channel = Jsoup.parse(TestSites.get(port, "/channel/%E5%B8%82%E6%94%BF").body());
        assertThat(channel.select(".primary .card-title")).extracting(Element::text).containsExactly("市政-1", "市政-3", "市政-2");
        assertThat(channel.select(".pinned .badge").text()).isEqualTo("置顶");
        Document page2OfOther = Jsoup.parse(TestSites.get(port, "/channel/%E6%96%87%E5%8C%96").body());
        assertThat(page2OfOther.select(".pinned")).isEmpty();
    }

    @Test
    void editorsBuildATopicInTheBackOfficeAndReadersSeeItsVisibleArticlesInOrder() {
        TestBrowser editor = new TestBrowser(port);
        assertThat(editor.signIn("admin", TestSites.ADMIN_PASSWORD).statusCode()).isEqualTo(302);

        HttpResponse<String> badSlug = editor.postForm("/admin/topics", Map.of("title", "台南艺术节", "slug", "tainan festival", "summary", "一年一度。", "coverImage", ""));
        assertThat(badSlug.statusCode()).isEqualTo(400);
        assertThat(badSlug.body()).contains("地址名「tainan festival」无效", "value=\"台南艺术节\"", "一年一度。");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM topic").query(Long.class).single()).isZero();

        HttpResponse<String> created = editor.postForm("/admin/topics", Map.of("title", "台南艺术节", "slug", "tainan-festival", "summary", "一年一度。", "coverImage",
                "/media/cover.jpg"));
        assertThat(created.statusCode()).isEqualTo(302);
        String edit = created.headers().firstValue("Location").orElseThrow().replaceAll("\\?.*", "").replaceAll("^https?://[^/]+", "");
        assertThat(edit).matches("/admin/topics/\\d+");

        HttpResponse<String> unknown = editor.postForm(edit + "/articles", Map.of("articles", ids.get("文化-1") + " 999999", "section", ""));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("文章 999999 不存在，没有添加任何文章");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM topic_article").query(Long.class).single()).isZero();

        assertThat(editor.postForm(edit + "/articles", Map.of("articles", ids.get("文化-1") + ", /articles/" + ids.get("文化-2"), "section", "开幕")).statusCode())
                .isEqualTo(302);
        assertThat(editor.postForm(edit + "/articles", Map.of("articles", String.valueOf(ids.get("市政-2")), "section", "交通")).statusCode()).isEqualTo(302);
        assertThat(editor.postForm(edit + "/articles/" + ids.get("文化-2") + "/up", Map.of()).statusCode()).isEqualTo(302);

        Document topic = Jsoup.parse(TestSites.get(port, "/topic/tainan-festival").body());
        assertThat(topic.select("h1").text()).isEqualTo("专题 台南艺术节");
        assertThat(topic.select(".topic-summary").text()).isEqualTo("一年一度。");
        assertThat(topic.select(".topic-section h2")).extracting(Element::text).containsExactly("开幕", "交通");
        assertThat(topic.select(".primary .card-title")).extracting(Element::text).containsExactly("文化-2", "文化-1", "市政-2");
        assertThat(topic.select("link[rel=canonical]").attr("href")).endsWith("/topic/tainan-festival");

        jdbc.sql("UPDATE article SET status = 'unpublished' WHERE id = ?").param(ids.get("文化-1")).update();
        assertThat(editor.postForm(edit + "/articles/" + ids.get("市政-2") + "/section", Map.of("section", "")).statusCode()).isEqualTo(302);
        Document after = Jsoup.parse(TestSites.get(port, "/topic/tainan-festival").body());
        assertThat(after.select(".primary .card-title")).extracting(Element::text).containsExactly("文化-2", "市政-2");
        assertThat(editor.get(edit).body()).contains("（未发布，读者看不到）");
        jdbc.sql("UPDATE article SET status = 'published' WHERE id = ?").param(ids.get("文化-1")).update();

        assertThat(TestSites.get(port, "/topics").body()).contains("href=\"/topic/tainan-festival\"");
        assertThat(TestSites.get(port, "/topic/no-such").statusCode()).isEqualTo(404);

        HttpResponse<String> flag = editor.postForm("/admin/topics/flags", Map.of("article", "/articles/" + ids.get("文化-2"), "flag", "recommended", "on", "true"));
        assertThat(flag.statusCode()).isEqualTo(302);
        assertThat(editor.get("/admin/topics").body()).contains("#" + ids.get("文化-2") + " 文化-2");
        Document culture = Jsoup.parse(TestSites.get(port, "/channel/%E6%96%87%E5%8C%96").body());
        assertThat(culture.select(".recommended li")).extracting(Element::text).containsExactly("文化-2");
        HttpResponse<String> badFlag = editor.postForm("/admin/topics/flags", Map.of("article", "abc", "flag", "recommended", "on", "true"));
        assertThat(badFlag.statusCode()).isEqualTo(400);
        assertThat(badFlag.body()).contains("「abc」不是文章编号或文章地址", "value=\"abc\"");
    }
}
