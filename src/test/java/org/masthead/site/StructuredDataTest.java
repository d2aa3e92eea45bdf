package org.masthead.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class StructuredDataTest {

    private static final String BASE = "https://news.example.cn";
    private final JsonMapper json = JsonMapper.builder().build();
    private final StructuredData data = new StructuredData(json);
    private final StructuredData.Organization publisher = new StructuredData.Organization("报头新闻", BASE + "/", BASE + "/img/logo.png", 512);

    private StructuredData.NewsArticle article(String headline, List<StructuredData.Person> authors, StructuredData.Organization source) {
        return new StructuredData.NewsArticle(BASE + "/articles/7", headline, "8月28日下午，宝山区教育高质量发展推进会召开。", "2023-08-29T09:18:41+08:00",
                "2023-08-30T10:00:00+08:00", authors, source, publisher, List.of("https://img.example.cn/a.jpg"), "行业动态", List.of("宝山", "教育"),
                "https://www.xinmin.cn/news/1", "zh-CN");
    }

    private List<StructuredData.Crumb> trail(String title) {
        return List.of(new StructuredData.Crumb("首页", BASE + "/"), new StructuredData.Crumb("行业动态", BASE + "/channel/hangye"),
                new StructuredData.Crumb(title, BASE + "/articles/7"));
    }

    @Test
    void describesANewsArticleWithItsBylineAsPersonsAndTheSiteAsPublisher() {
        JsonNode graph = json.readTree(data.article(article("宝山教育高质量发展推进会召开",
                List.of(new StructuredData.Person("余婧瑶", BASE + "/author/%E4%BD%99"), new StructuredData.Person("卢毅", BASE + "/author/%E5%8D%A2")),
                null), trail("宝山教育高质量发展推进会召开")));

        assertThat(graph.get("@context").asString()).isEqualTo("https://schema.org");
        JsonNode a = graph.get("@graph").get(0);
        assertThat(a.get("@type").asString()).isEqualTo("NewsArticle");
        assertThat(a.get("headline").asString()).isEqualTo("宝山教育高质量发展推进会召开");
        assertThat(a.get("datePublished").asString()).isEqualTo("2023-08-29T09:18:41+08:00");
        assertThat(a.get("dateModified").asString()).isEqualTo("2023-08-30T10:00:00+08:00");
        assertThat(a.get("mainEntityOfPage").get("@id").asString()).isEqualTo(BASE + "/articles/7");
        assertThat(a.get("author").findValuesAsString("name")).containsExactly("余婧瑶", "卢毅");
        assertThat(a.get("author").get(0).get("@type").asString()).isEqualTo("Person");
        assertThat(a.get("publisher").get("name").asString()).isEqualTo("报头新闻");
        assertThat(a.get("publisher").get("logo").get("@type").asString()).isEqualTo("ImageObject");
        assertThat(a.get("publisher").get("logo").get("url").asString()).isEqualTo(BASE + "/img/logo.png");
        assertThat(a.get("image").get(0).asString()).isEqualTo("https://img.example.cn/a.jpg");
        assertThat(a.get("isBasedOn").asString()).isEqualTo("https://www.xinmin.cn/news/1");

        JsonNode crumbs = graph.get("@graph").get(1);
        assertThat(crumbs.get("@type").asString()).isEqualTo("BreadcrumbList");
        assertThat(crumbs.get("itemListElement").findValuesAsString("name")).containsExactly("首页", "行业动态", "宝山教育高质量发展推进会召开");
        assertThat(crumbs.get("itemListElement").get(2).get("position").asInt()).isEqualTo(3);
    }

    @Test
    void creditsTheSourceAsAuthorWhenThereIsNoByline() {
        JsonNode a = json.readTree(data.article(article("短讯", List.of(), new StructuredData.Organization("新民晚报", "https://www.xinmin.cn/", null, 0)),
                trail("短讯"))).get("@graph").get(0);
        assertThat(a.get("author").get("@type").asString()).isEqualTo("Organization");
        assertThat(a.get("author").get("name").asString()).isEqualTo("新民晚报");
        assertThat(a.get("author").has("logo")).isFalse();
    }

    @Test
    void creditsTheSiteWhenThereIsNeitherBylineNorSource() {
        JsonNode a = json.readTree(data.article(article("短讯", List.of(), null), trail("短讯"))).get("@graph").get(0);
        assertThat(a.get("author").get("name").asString()).isEqualTo("报头新闻");
    }

    @Test
    void aTitleWithAClosingScriptTagCannotLeaveTheScriptElement() {
        String hostile = "</script><script>alert(1)</script><!-- & “引号” \u2028";
        String out = data.article(article(hostile, List.of(), null), trail(hostile));

        assertThat(out).doesNotContain("<", ">", "&").contains("\\u003c/script\\u003e");
        // The JSON still says exactly what the title says.
        assertThat(json.readTree(out).get("@graph").get(0).get("headline").asString()).isEqualTo(hostile);
        // And an HTML parser sees one script element holding all of it.
        Document page = Jsoup.parse("<html><head><script type=\"application/ld+json\">" + out + "</script></head><body><p>正文</p></body></html>");
        assertThat(page.select("script")).hasSize(1);
        assertThat(page.selectFirst("script").data()).isEqualTo(out);
        assertThat(page.body().text()).isEqualTo("正文");
    }

    @Test
    void writesKeysInAFixedOrderSoThePageAndItsETagAreTheSameOnEveryNode() {
        String out = data.article(article("短讯", List.of(new StructuredData.Person("卢毅", BASE + "/author/x")), null), trail("短讯"));
        assertThat(out).startsWith("{\"@context\":\"https://schema.org\",\"@graph\":[{\"@type\":\"NewsArticle\",\"@id\":")
                .contains("\"mainEntityOfPage\":{\"@type\":\"WebPage\",\"@id\":")
                .contains("{\"@type\":\"Person\",\"name\":\"卢毅\",\"url\":")
                .contains("{\"@type\":\"ListItem\",\"position\":1,\"name\":\"首页\",\"item\":");
    }

    @Test
    void escapesOnlyWhatHtmlOrOldJavaScriptWouldMisread() {
        assertThat(StructuredData.scriptSafe("{\"a\":\"</script> & <!-- 中文 \u2029\"}"))
                .isEqualTo("{\"a\":\"\\u003c/script\\u003e \\u0026 \\u003c!-- 中文 \\u2029\"}");
    }

    @Test
    void homePageOffersASearchActionAndTheOrganisationWithItsLogo() {
        JsonNode graph = json.readTree(data.website(BASE + "/", "报头新闻", "新闻聚合与发布", "zh-CN", publisher)).get("@graph");
        JsonNode site = graph.get(0);
        assertThat(site.get("@type").asString()).isEqualTo("WebSite");
        JsonNode action = site.get("potentialAction");
        assertThat(action.get("@type").asString()).isEqualTo("SearchAction");
        assertThat(action.get("target").get("urlTemplate").asString()).isEqualTo(BASE + "/search?q={search_term_string}");
        assertThat(action.get("query-input").asString()).isEqualTo("required name=search_term_string");
        assertThat(site.get("publisher").get("@id").asString()).isEqualTo(graph.get(1).get("@id").asString());
        assertThat(graph.get(1).get("logo").get("width").asInt()).isEqualTo(512);
    }
}
