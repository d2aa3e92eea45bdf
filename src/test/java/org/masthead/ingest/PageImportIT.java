package org.masthead.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.masthead.TestSites;
import org.masthead.article.ArticleDetail;
import org.masthead.article.ArticleLookup;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** POST /api/v1/admin/import-url against pages served locally: metadata, charset, sanitising, errors. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "masthead.ingest.polling=false", "masthead.ingest.allow-private-addresses=true"})
class PageImportIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestSites.useFreshSqlite(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    ArticleLookup articles;

    @Autowired
    JsonMapper json;

    final LocalWebServer server = new LocalWebServer();

    @AfterEach
    void stop() {
        server.close();
    }

    static final String PARAGRAPHS = "<p>8月29日上午，上海市政府新闻办举行新闻发布会，介绍本市进一步优化营商环境的有关情况。市发展改革委主任表示，今年以来，本市围绕企业全生命周期，推出了一批务实举措。</p>"
            + "<p>发布会上还透露，下一步将聚焦市场准入、政务服务、跨境贸易等重点领域，持续打造国际一流营商环境，让各类经营主体有更多获得感。</p>"
            + "<p>据悉，相关政策文件将于近期正式印发，市民和企业可以通过“一网通办”平台查询办理。</p>";

    static String page(String extraHead, String body) {
        return "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"gb2312\"><title>上海优化营商环境_新民网</title>" + extraHead + "</head><body>"
                + "<div class=\"nav\"><a href=\"/\">首页</a> <a href=\"/news\">新闻</a> <a href=\"/sports\">体育</a></div>" + body
                + "<div class=\"footer\">版权所有 新民网 沪ICP备00000000号</div></body></html>";
    }

    HttpResponse<String> importUrl(String url, String password) {
        return TestSites.post(port, "/api/v1/admin/import-url", "application/json", "{\"url\":\"" + url + "\"}", password);
    }

    @Test
    void importsAGbkPageWithItsOwnMetadataAndSanitisesTheBody() {
        String head = "<meta property=\"og:site_name\" content=\"新民网\"><meta property=\"og:image\" content=\"/img/lead.jpg\">"
                + "<link rel=\"canonical\" href=\"/news/2023/0829/123.html?utm_source=weibo\">"
                + "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":\"上海进一步优化营商环境\","
                + "\"datePublished\":\"2023-08-29T09:18:00+08:00\",\"author\":[{\"@type\":\"Person\",\"name\":\"记者 张三\"}],"
                + "\"publisher\":{\"@type\":\"Organization\",\"name\":\"新民晚报\"}}</script>";
        String body = "<article><h1>上海进一步优化营商环境</h1>" + PARAGRAPHS + "<script>alert('x')</script><p onclick=\"steal()\">责任编辑：李四</p></article>";
        server.serve("/news/2023/0829/123.html", "text/html", page(head, body).getBytes(Charset.forName("GBK")));

        HttpResponse<String> response = importUrl(server.url("/news/2023/0829/123.html") + "?spm=abc", TestSites.ADMIN_PASSWORD);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode result = json.readTree(response.body());
        assertThat(result.get("status").asString()).isEqualTo("created");
        ArticleDetail article = articles.any(result.get("id").asLong()).orElseThrow();
        assertThat(article.title()).isEqualTo("上海进一步优化营商环境");
        assertThat(article.bodyHtml()).contains("持续打造国际一流营商环境").doesNotContain("<script").doesNotContain("onclick").doesNotContain("沪ICP备");
        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2023-08-29T01:18:00Z"));
        assertThat(article.source().name()).isEqualTo("新民晚报");
        assertThat(article.authors()).containsExactly("记者 张三");
        assertThat(article.coverImage()).isEqualTo(server.url("/img/lead.jpg").toString());
        assertThat(article.originalUrl()).isEqualTo(server.url("/news/2023/0829/123.html").toString());

        HttpResponse<String> again = importUrl(server.url("/news/2023/0829/123.html").toString(), TestSites.ADMIN_PASSWORD);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json.readTree(again.body()).get("status").asString()).isEqualTo("unchanged");
        assertThat(json.readTree(again.body()).get("id").asLong()).isEqualTo(article.id());
    }

    @Test
    void aPageWithNoArticleOrNoServerGetsAClearError() {
        server.serve("/empty.html", "text/html; charset=utf-8", page("", "<p>登录</p>").getBytes(Charset.forName("GBK")));
        server.serve("/picture.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'});

        HttpResponse<String> empty = importUrl(server.url("/empty.html").toString(), TestSites.ADMIN_PASSWORD);
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(json.readTree(empty.body()).get("error").asString()).startsWith("extract: no article text found");

        HttpResponse<String> missing = importUrl(server.url("/nothing-here.html").toString(), TestSites.ADMIN_PASSWORD);
        assertThat(missing.statusCode()).isEqualTo(422);
        assertThat(json.readTree(missing.body()).get("error").asString()).startsWith("fetch: HTTP 404");

        HttpResponse<String> image = importUrl(server.url("/picture.png").toString(), TestSites.ADMIN_PASSWORD);
        assertThat(json.readTree(image.body()).get("error").asString()).contains("not HTML");

        HttpResponse<String> notUrl = importUrl("javascript:alert(1)", TestSites.ADMIN_PASSWORD);
        assertThat(notUrl.statusCode()).isEqualTo(400);

        assertThat(importUrl(server.url("/empty.html").toString(), null).statusCode()).isEqualTo(401);
    }
}
