package org.masthead.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.masthead.TestSites;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Import and read-back through /api/v1/articles: bad lines, updates, auth and hostile input. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ArticleApiIT {

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestSites.useFreshSqlite(registry);
    }

    private static String line(String title, String url) {
        return "{\"title\":\"" + title + "\",\"body\":\"<p>" + title + "的正文。</p>\",\"publishedAt\":\"2023-08-28T10:44:42+08:00\","
                + "\"originalUrl\":\"" + url + "\",\"source\":\"证券时报\",\"channel\":\"财经\",\"tags\":[\"ETF\"],\"authors\":[\"记者甲\"]}";
    }

    private JsonNode results(HttpResponse<String> response) {
        return json.readTree(response.body()).get("results");
    }

    @Test
    void brokenLinesAreReportedWhileEveryGoodLineIsStored() {
        String file = String.join("\n",
                line("好的第一条", "https://example.cn/good/1"),
                "{\"title\": \"断开的 JSON\", ",
                "{\"body\":\"<p>没有标题</p>\",\"publishedAt\":\"2023-08-28T10:44:42+08:00\"}",
                "{\"title\":\"坏日期\",\"body\":\"<p>x</p>\",\"publishedAt\":\"昨天\"}",
                "",
                line("好的第二条", "https://example.cn/good/2"),
                "{\"title\":\"作者不是列表\",\"body\":\"<p>x</p>\",\"publishedAt\":\"2023-08-28T10:44:42+08:00\",\"authors\":{\"a\":1}}",
                "{\"title\":\"没有时区\",\"body\":\"<p>x</p>\",\"publishedAt\":\"2023-08-28T10:44:42\"}",
                "{\"title\":\"坏格式\",\"body\":\"x\",\"bodyFormat\":\"markdown\",\"publishedAt\":\"2023-08-28T10:44:42+08:00\"}",
                "[1,2,3]",
                "{\"title\":\"只有脚本\",\"body\":\"<script>alert(1)</script>\",\"publishedAt\":\"2023-08-28T10:44:42+08:00\"}",
                "{\"title\":\"坏链接\",\"body\":\"<p>x</p>\",\"publishedAt\":\"2023-08-28T10:44:42+08:00\",\"originalUrl\":\"javascript:alert(1)\"}");
        HttpResponse<String> response = TestSites.importAsAdmin(port, file);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode results = results(response);
        assertThat(results).hasSize(11);
        assertThat(results.get(0).get("status").asString()).isEqualTo("created");
        assertError(results.get(1), 2, "json");
        assertError(results.get(2), 3, "title");
        assertError(results.get(3), 4, "publishedAt");
        assertThat(results.get(4).get("line").asInt()).as("the blank line 5 is skipped, numbering goes on").isEqualTo(6);
        assertThat(results.get(4).get("status").asString()).isEqualTo("created");
        assertError(results.get(5), 7, "authors");
        assertError(results.get(6), 8, "publishedAt");
        assertError(results.get(7), 9, "bodyFormat");
        assertError(results.get(8), 10, "json");
        assertError(results.get(9), 11, "body");
        assertError(results.get(10), 12, "originalUrl");
        for (JsonNode good : new JsonNode[] {results.get(0), results.get(4)}) {
            JsonNode article = json.readTree(TestSites.get(port, "/api/v1/articles/" + good.get("id").asLong()).body());
            assertThat(article.get("url").asString()).endsWith(good.get("url").asString());
            assertThat(article.get("source").asString()).isEqualTo("证券时报");
        }
    }

    private static void assertError(JsonNode result, int line, String field) {
        assertThat(result.get("line").asInt()).isEqualTo(line);
        assertThat(result.get("status").asString()).isEqualTo("error");
        assertThat(result.get("error").asString()).as("line %d", line).startsWith(field + ":");
        assertThat(result.has("id")).isFalse();
    }

    @Test
    void reimportingAnOriginalUrlUpdatesThatArticleInsteadOfAddingOne() {
        JsonNode first = results(TestSites.importAsAdmin(port, line("原标题", "https://example.cn/update/1"))).get(0);
        assertThat(first.get("status").asString()).isEqualTo("created");
        JsonNode second = results(TestSites.importAsAdmin(port, line("更正后的标题", "https://example.cn/update/1"))).get(0);
        assertThat(second.get("status").asString()).isEqualTo("updated");
        assertThat(second.get("id").asLong()).isEqualTo(first.get("id").asLong());
        JsonNode third = results(TestSites.importAsAdmin(port, line("更正后的标题", "https://example.cn/update/1"))).get(0);
        assertThat(third.get("status").asString()).isEqualTo("unchanged");
        JsonNode article = json.readTree(TestSites.get(port, "/api/v1/articles/" + first.get("id").asLong()).body());
        assertThat(article.get("title").asString()).isEqualTo("更正后的标题");
        JsonNode list = json.readTree(TestSites.get(port, "/api/v1/articles?size=100").body());
        long copies = 0;
        for (JsonNode item : list.get("items")) {
            if (item.get("title").asString().contains("标题")) {
                copies++;
            }
        }
        assertThat(copies).isEqualTo(1);
    }

    @Test
    void writesNeedAnAdmin() {
        String body = line("未登录", "https://example.cn/anon/1");
        assertThat(TestSites.post(port, "/api/v1/articles", "application/x-ndjson", body, null).statusCode()).isEqualTo(401);
        assertThat(TestSites.post(port, "/api/v1/articles", "application/x-ndjson", body, "wrong-password-123").statusCode()).isEqualTo(401);
        assertThat(TestSites.post(port, "/api/v1/articles", "application/json", body, null).statusCode()).isEqualTo(401);
        JsonNode list = json.readTree(TestSites.get(port, "/api/v1/articles?size=100").body());
        for (JsonNode item : list.get("items")) {
            assertThat(item.get("title").asString()).isNotEqualTo("未登录");
        }
        assertThat(TestSites.get(port, "/api/v1/articles?status=draft").statusCode()).isEqualTo(401);
    }

    @Test
    void oneJsonObjectIsAcceptedAndReadBackWithEveryField() {
        String article = """
                {"title":"证券交易印花税今起减半征收","subtitle":"财政部、税务总局公告",
                 "body":"<p>8月27日,财政部、国家税务总局发布公告。</p><figure><img src=\\"https://img.example.cn/tax.jpg\\" alt=\\"\\"><figcaption>【资料图】</figcaption></figure>",
                 "publishedAt":"2023-08-28T06:57:40+08:00","summary":"证券交易印花税自8月28日起减半征收。",
                 "source":"新华社","sourceUrl":"https://www.news.cn/","originalUrl":"https://www.news.cn/2023-08/27/tax.htm",
                 "authors":["记者乙","记者丙"],"channel":"财经","tags":["印花税","A股"],"coverImage":"https://img.example.cn/tax-cover.jpg",
                 "images":[{"url":"https://img.example.cn/tax.jpg","caption":"【资料图】"},{"url":"https://img.example.cn/tax2.jpg","caption":"交易大厅"}]}
                """;
        HttpResponse<String> response = TestSites.post(port, "/api/v1/articles", "application/json", article, TestSites.ADMIN_PASSWORD);
        assertThat(response.statusCode()).isEqualTo(200);
        long id = results(response).get(0).get("id").asLong();
        JsonNode a = json.readTree(TestSites.get(port, "/api/v1/articles/" + id).body());
        assertThat(a.get("id").asLong()).isEqualTo(id);
        assertThat(a.get("title").asString()).isEqualTo("证券交易印花税今起减半征收");
        assertThat(a.get("subtitle").asString()).isEqualTo("财政部、税务总局公告");
        assertThat(a.get("summary").asString()).isEqualTo("证券交易印花税自8月28日起减半征收。");
        assertThat(a.get("excerpt").asString()).isEqualTo("证券交易印花税自8月28日起减半征收。");
        assertThat(a.get("status").asString()).isEqualTo("published");
        assertThat(a.get("publishedAt").asString()).isEqualTo("2023-08-28T06:57:40+08:00");
        assertThat(a.get("createdAt").asString()).isNotBlank();
        assertThat(a.get("updatedAt").asString()).isNotBlank();
        assertThat(a.get("source").asString()).isEqualTo("新华社");
        assertThat(a.get("sourceUrl").asString()).isEqualTo("https://www.news.cn/");
        assertThat(a.get("originalUrl").asString()).isEqualTo("https://www.news.cn/2023-08/27/tax.htm");
        assertThat(a.get("authors").toString()).isEqualTo("[\"记者乙\",\"记者丙\"]");
        assertThat(a.get("channel").asString()).isEqualTo("财经");
        assertThat(a.get("tags").toString()).isEqualTo("[\"印花税\",\"A股\"]");
        assertThat(a.get("coverImage").asString()).isEqualTo("https://img.example.cn/tax-cover.jpg");
        assertThat(a.get("images")).hasSize(2);
        assertThat(a.get("images").get(1).get("caption").asString()).isEqualTo("交易大厅");
        assertThat(a.get("body").asString()).contains("<figcaption>【资料图】</figcaption>");
        assertThat(a.get("url").asString()).endsWith("/articles/" + id);
        assertThat(a.get("viewCount").asLong()).isZero();

        // The page shows the figure in the body once, and the image only listed with the article after it.
        Document page = Jsoup.parse(TestSites.get(port, "/articles/" + id).body());
        assertThat(page.select(".body figure img").eachAttr("src")).containsExactly("https://img.example.cn/tax.jpg", "https://img.example.cn/tax2.jpg");
        assertThat(page.selectFirst(".subtitle").text()).isEqualTo("财政部、税务总局公告");

        JsonNode byTag = json.readTree(TestSites.get(port, "/api/v1/articles?tag=%E5%8D%B0%E8%8A%B1%E7%A8%8E").body());
        assertThat(byTag.get("total").asLong()).isEqualTo(1);
        JsonNode bySource = json.readTree(TestSites.get(port, "/api/v1/articles?source=%E6%96%B0%E5%8D%8E%E7%A4%BE").body());
        assertThat(bySource.get("items").get(0).get("id").asLong()).isEqualTo(id);
        JsonNode noSuchChannel = json.readTree(TestSites.get(port, "/api/v1/articles?channel=nope").body());
        assertThat(noSuchChannel.get("total").asLong()).isZero();
        assertThat(TestSites.get(port, "/api/v1/articles?size=1000").statusCode()).isEqualTo(400);
        assertThat(TestSites.get(port, "/api/v1/articles?page=x").statusCode()).isEqualTo(400);
        assertThat(TestSites.get(port, "/api/v1/articles/999999").statusCode()).isEqualTo(404);
    }

    @Test
    void hostileMarkupIsNeutralisedAndPlainTextIsEscaped() {
        String hostile = "{\"title\":\"<script>alert('t')</script> & \\\"引号\\\"\",\"publishedAt\":\"2023-08-28T10:44:42+08:00\","
                + "\"body\":\"<p onclick=\\\"alert(1)\\\">正文</p><script>alert(2)</script><img src=x onerror=alert(3)>"
                + "<a href=\\\"javascript:alert(4)\\\">链接</a><iframe src=\\\"https://evil.example/\\\"></iframe><form action=\\\"/x\\\"><input></form>\"}";
        JsonNode result = results(TestSites.importAsAdmin(port, hostile)).get(0);
        assertThat(result.get("status").asString()).isEqualTo("created");
        String html = TestSites.get(port, "/articles/" + result.get("id").asLong()).body();
        Document page = Jsoup.parse(html);
        assertThat(page.select("script:not([type=application/ld+json]), iframe, form:not(.site-search), input:not(.ad-toggle):not(#site-search-q)")).isEmpty();
        // The head's JSON-LD carries the title, with no "<" left for an HTML parser to end the element at.
        assertThat(page.select("script")).hasSize(1);
        assertThat(page.selectFirst("script").data()).contains("\\u003cscript\\u003ealert('t')").doesNotContain("<");
        assertThat(page.select("[onclick], [onerror]")).isEmpty();
        assertThat(page.select("a[href^=javascript]")).isEmpty();
        assertThat(page.selectFirst("h1").text()).isEqualTo("<script>alert('t')</script> & \"引号\"");
        assertThat(html).contains("&lt;script&gt;alert(");
        assertThat(page.selectFirst(".body p").text()).isEqualTo("正文");
    }
}
