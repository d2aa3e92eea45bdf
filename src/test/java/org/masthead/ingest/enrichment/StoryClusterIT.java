package org.masthead.ingest.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.masthead.TestSites;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The same story from three publishers becomes one story cluster: one storyId in the API, "also reported by"
 * links on each article page, the first published as primary; another story stays apart, and a hospital ad
 * is flagged with its reasons in the admin suggestions.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StoryClusterIT {

    private static final String STORY = "8月27日，财政部、国家税务总局发布《关于减半征收证券交易印花税的公告》。"
            + "为活跃资本市场、提振投资者信心，自2023年8月28日起，证券交易印花税实施减半征收。"
            + "证券交易印花税减半征收等重磅利好落地，28日早盘A股三大指数集体高开，沪指涨逾5%，深成指和创业板指同步大涨。"
            + "分析人士认为，此举有利于降低交易成本，增强市场活力，提振投资者信心，促进资本市场平稳健康发展。";

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestSites.useFreshSqlite(registry);
    }

    private static String line(String title, String body, String time, String url, String source) {
        return "{\"title\":\"" + title + "\",\"body\":\"" + body + "\",\"bodyFormat\":\"text\",\"publishedAt\":\"" + time
                + "\",\"originalUrl\":\"" + url + "\",\"source\":\"" + source + "\"}";
    }

    private JsonNode article(long id) {
        return json.readTree(TestSites.get(port, "/api/v1/articles/" + id).body());
    }

    @Test
    void theSameStoryFromThreePublishersIsOneClusterAndOtherStoriesStayApart() throws Exception {
        String file = String.join("\n",
                line("证券交易印花税今起减半征收", STORY, "2023-08-28T06:57:40+08:00", "https://example.cn/a/1", "证券时报"),
                line("印花税减半征收落地", STORY.replace("5%", "6%") + "（责任编辑：张三）", "2023-08-28T08:00:00+08:00", "https://example.cn/b/1", "新民晚报"),
                line("财政部：证券交易印花税减半", "【广告】新店开业，全场五折起。" + STORY, "2023-08-28T07:30:00+08:00", "https://example.cn/c/1", "新华社"),
                line("志愿服务成为社会风尚", "新华社杭州8月27日电，早上8点不到，杭州西湖边平日里安静的步道上已有不少志愿者忙碌的身影，"
                        + "他们有的在清理垃圾，有的在为游客指路，亚运之城的志愿服务正成为一种社会风尚。", "2023-08-27T14:48:29+08:00",
                        "https://example.cn/d/1", "新华社"),
                line("上海哪里白癜风医院好-白癜风患者常吃动物肝脏好吗", "上海哪里白癜风医院好？白癜风患者常吃动物肝脏好吗？"
                        + "专家提醒，白癜风治疗要选择正规医院，咨询热线021-51234567，在线咨询可预约专家。", "2023-08-28T15:10:04+08:00",
                        "https://example.cn/e/1", "健康网"));
        JsonNode results = json.readTree(TestSites.importAsAdmin(port, file).body()).get("results");
        long[] ids = new long[5];
        for (int i = 0; i < 5; i++) {
            assertThat(results.get(i).get("status").asString()).isEqualTo("created");
            ids[i] = results.get(i).get("id").asLong();
        }

        long story = article(ids[0]).get("storyId").asLong();
        assertThat(article(ids[1]).get("storyId").asLong()).isEqualTo(story);
        assertThat(article(ids[2]).get("storyId").asLong()).isEqualTo(story);
        assertThat(article(ids[3]).get("storyId").asLong()).isNotEqualTo(story);
        assertThat(article(ids[0]).get("extractiveSummary").asString()).isNotBlank().startsWith("8月27日");

        String page = TestSites.get(port, "/articles/" + ids[1]).body();
        assertThat(page).contains("同一事件的其他报道")
                .contains("href=\"/articles/" + ids[0] + "\"").contains("证券时报：证券交易印花税今起减半征收")
                .contains("href=\"/articles/" + ids[2] + "\"").contains("新华社：财政部：证券交易印花税减半");
        assertThat(TestSites.get(port, "/articles/" + ids[3]).body()).doesNotContain("同一事件的其他报道");

        JsonNode suggestions = json.readTree(getAsAdmin("/api/v1/admin/articles/" + ids[1] + "/suggestions").body());
        assertThat(suggestions.get("storyId").asLong()).isEqualTo(story);
        assertThat(suggestions.get("primaryArticleId").asLong()).isEqualTo(ids[0]); // published first
        assertThat(suggestions.get("tags").toString()).contains("印花税");
        assertThat(suggestions.get("quality").get("flagged").asBoolean()).isFalse();

        JsonNode ad = json.readTree(getAsAdmin("/api/v1/admin/articles/" + ids[4] + "/suggestions").body());
        assertThat(ad.get("quality").get("flagged").asBoolean()).isTrue();
        assertThat(ad.get("quality").get("reasons").toString()).contains("quality.reason.hospital-ad", "quality.reason.phone-number");
        assertThat(getAsAdmin("/api/v1/admin/articles/flagged").body()).contains(String.valueOf(ids[4]));

        // A correction that turns the other story into a copy of this one moves it into this cluster.
        JsonNode updated = json.readTree(TestSites.importAsAdmin(port, line("志愿服务成为社会风尚", "（更正）" + STORY,
                "2023-08-27T14:48:29+08:00", "https://example.cn/d/1", "新华社")).body()).get("results").get(0);
        assertThat(updated.get("status").asString()).isEqualTo("updated");
        assertThat(article(ids[3]).get("storyId").asLong()).isEqualTo(story);
        JsonNode moved = json.readTree(getAsAdmin("/api/v1/admin/articles/" + ids[1] + "/suggestions").body());
        assertThat(moved.get("primaryArticleId").asLong()).isEqualTo(ids[3]); // now the first published
        assertThat(moved.get("sameStory").toString()).contains(String.valueOf(ids[3]));

        assertThat(TestSites.get(port, "/api/v1/admin/articles/" + ids[4] + "/suggestions").statusCode()).isEqualTo(401);
        assertThat(getAsAdmin("/api/v1/admin/articles/999999/suggestions").statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> getAsAdmin(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + TestSites.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
