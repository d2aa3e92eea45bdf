package org.masthead.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.TestSites;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The side lists of article pages come from memory ({@link FrontLists}) and are never older than the last
 * publication, change or withdrawal: each is read through the article page (page cache on) right after the
 * edit. Nothing refreshes them on a timer here (intervals of an hour), so only the events can make the
 * pages right; a change without an event (views) shows only after {@link FrontLists#refresh()}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "masthead.views.flush-interval=1h", "masthead.page-cache.watch-interval=1h", "masthead.front-lists.refresh-interval=1h"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_EACH_TEST_METHOD)
class FrontListsIT {

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FrontLists front;

    @Autowired
    ArticleWorkflow workflow;

    long first;
    long second;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestSites.useFreshSqlite(registry);
    }

    @BeforeEach
    void twoArticles() {
        first = importLine("第一条", "2023-08-01T09:00:00+08:00", "https://example.cn/1");
        second = importLine("第二条", "2023-08-02T09:00:00+08:00", "https://example.cn/2");
    }

    @Test
    void aPublicationShowsInTheSideListOfEveryArticlePageAtOnce() {
        assertThat(latest(first)).containsExactly("第二条");
        long third = importLine("第三条", "2023-08-03T09:00:00+08:00", "https://example.cn/3");
        assertThat(latest(first)).containsExactly("第三条", "第二条");
        assertThat(latest(third)).containsExactly("第二条", "第一条");
        assertThat(front.newest(FrontLists.NEWEST)).extracting(ArticleCard::title).containsExactly("第三条", "第二条", "第一条");
    }

    @Test
    void aChangedTitleShowsInTheSideListsAtOnce() {
        assertThat(latest(first)).containsExactly("第二条");
        assertThat(headlines(first)).contains("第二条");
        importLine("第二条（更正）", "2023-08-02T09:00:00+08:00", "https://example.cn/2");
        assertThat(latest(first)).containsExactly("第二条（更正）");
        assertThat(headlines(first)).contains("第二条（更正）").doesNotContain("第二条");
    }

    @Test
    void aWithdrawnArticleLeavesTheSideListsAtOnce() {
        assertThat(latest(first)).containsExactly("第二条");
        workflow.apply(second, ArticleAction.UNPUBLISH, new Actor("编辑", Actor.Role.EDITOR, "127.0.0.1"), null);
        assertThat(latest(first)).isEmpty();
        assertThat(headlines(first)).containsExactly("第一条");
    }

    @Test
    void viewsReorderTheMostReadListOnRefreshNotBefore() {
        assertThat(front.mostRead(FrontLists.MOST_READ)).extracting(ArticleCard::id).containsExactly(second, first);
        jdbc.sql("UPDATE article SET view_count = 100 WHERE id = ?").param(first).update();
        // Held: the list is not read per page.
        assertThat(front.mostRead(FrontLists.MOST_READ)).extracting(ArticleCard::id).containsExactly(second, first);
        assertThat(front.refresh().mostRead()).extracting(ArticleCard::id).containsExactly(first, second);
        assertThat(front.mostRead(FrontLists.MOST_READ)).extracting(ArticleCard::id).containsExactly(first, second);
    }

    @Test
    void refusesLongerListsThanItHolds() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> front.newest(FrontLists.NEWEST + 1));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> front.mostRead(0));
    }

    /** The titles of the article page's "latest" side list. */
    private List<String> latest(long id) {
        return page(id).select("aside .latest a.card-title").eachText();
    }

    /** The titles of the article page's most-read side list. */
    private List<String> headlines(long id) {
        return page(id).select("aside .headlines a").eachText();
    }

    private Document page(long id) {
        HttpResponse<String> response = TestSites.get(port, "/articles/" + id);
        assertThat(response.statusCode()).isEqualTo(200);
        return Jsoup.parse(response.body());
    }

    private long importLine(String title, String publishedAt, String originalUrl) {
        String line = json.writeValueAsString(Map.of("title", title, "body", "<p>" + title + "正文。</p>", "publishedAt", publishedAt,
                "channel", "经济", "originalUrl", originalUrl, "source", "测试来源")) + "\n";
        HttpResponse<String> response = TestSites.importAsAdmin(port, line);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body()).get("results").get(0).get("id").asLong();
    }
}
