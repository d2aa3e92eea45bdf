package org.masthead.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * Story clusters in search, end to end over real Sina text: three near-duplicate copies of one article
 * from three sources, imported through the API among 29 other articles, are clustered by enrichment
 * and come back from {@code /api/v1/search} and the search page as one hit with three sources; a
 * fourth copy imported later joins the story and the same hit then counts four.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StoryCollapseIT {

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    SearchIndexing indexing;

    @Autowired
    SearchIndex index;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestSites.useFreshSqlite(registry);
    }

    private SinaSample.Article copy(SinaSample.Article a, String title, String body, String source, int minutesLater, String url) {
        return new SinaSample.Article(title, body, a.channel(), source, List.of(), a.publishedAt().plusMinutes(minutesLater), url);
    }

    private List<Long> importAll(List<SinaSample.Article> articles) {
        HttpResponse<String> response = TestSites.importAsAdmin(port, new SinaSample(articles).ndjson());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        json.readTree(response.body()).get("results").forEach(r -> {
            assertThat(r.get("status").asString()).as(r.toString()).isEqualTo("created");
            ids.add(r.get("id").asLong());
        });
        return ids;
    }

    private void awaitIndexed(int articles) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> indexing.backlog() == 0 && !indexing.reindexing() && index.checksum().count() == articles);
    }

    private JsonNode search(String q) {
        HttpResponse<String> response = TestSites.get(port, "/api/v1/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private long storyOf(long id) {
        JsonNode article = json.readTree(TestSites.get(port, "/api/v1/articles/" + id).body());
        assertThat(article.get("storyId").isNull()).as("article %d was put in a story by enrichment", id).isFalse();
        return article.get("storyId").asLong();
    }

    @Test
    void nearDuplicatesFromThreeSourcesAreOneHitWithThreeSourcesAndALaterCopyJoinsIt() {
        SinaSample sample = SinaSample.load(40, 30);
        SinaSample.Article original = sample.articles().stream().filter(a -> a.body().length() > 400).findFirst().orElseThrow();
        List<SinaSample.Article> articles = new ArrayList<>(sample.articles());
        articles.remove(original);
        articles.add(copy(original, original.title(), original.body(), "新京报", 0, "https://example.com/bjnews/1"));
        articles.add(copy(original, original.title() + "（组图）", "澎湃新闻讯\n" + original.body(), "澎湃新闻", 20, "https://example.com/thepaper/1"));
        articles.add(copy(original, "转载：" + original.title(), original.body() + "\n（责任编辑：张三）", "人民网", 45, "https://example.com/people/1"));
        List<Long> ids = importAll(articles);
        List<Long> copies = ids.subList(ids.size() - 3, ids.size());
        awaitIndexed(ids.size());
        long story = storyOf(copies.get(0));
        assertThat(storyOf(copies.get(1))).isEqualTo(story);
        assertThat(storyOf(copies.get(2))).isEqualTo(story);

        JsonNode found = search(original.title());
        assertThat(found.get("articles").asLong()).as("the three copies match").isEqualTo(3);
        assertThat(found.get("total").asLong()).as("one story").isEqualTo(1);
        JsonNode hit = found.get("hits").get(0);
        assertThat(copies).contains(hit.get("id").asLong());
        assertThat(hit.get("storyId").asLong()).isEqualTo(story);
        assertThat(hit.get("sources").asInt()).isEqualTo(3);
        assertThat(hit.get("otherSources").asInt()).isEqualTo(2);
        List<Long> others = new ArrayList<>();
        hit.get("others").forEach(o -> others.add(o.get("id").asLong()));
        List<Long> expectedOthers = new ArrayList<>(copies);
        expectedOthers.remove(hit.get("id").asLong());
        assertThat(others).containsExactlyInAnyOrderElementsOf(expectedOthers);
        hit.get("others").forEach(o -> assertThat(o.get("url").asString()).startsWith("http").contains("/articles/" + o.get("id").asLong()));

        String page = TestSites.get(port, "/search?q=" + URLEncoder.encode(original.title(), StandardCharsets.UTF_8)).body();
        assertThat(page).contains("另有 2 家媒体报道").contains("共找到 1 条结果，3 篇文章");
        for (long other : expectedOthers) {
            assertThat(page).contains("href=\"/articles/" + other + "\"");
        }

        // A fourth source reports it an hour later: it joins the story, and the one hit counts it.
        List<Long> later = importAll(List.of(copy(original, original.title() + "（视频）", original.body(), "央视新闻", 60, "https://example.com/cctv/1")));
        awaitIndexed(ids.size() + 1);
        assertThat(storyOf(later.getFirst())).isEqualTo(story);
        JsonNode again = search(original.title());
        assertThat(again.get("total").asLong()).isEqualTo(1);
        assertThat(again.get("articles").asLong()).isEqualTo(4);
        assertThat(again.get("hits").get(0).get("sources").asInt()).isEqualTo(4);
        assertThat(again.get("hits").get(0).get("otherSources").asInt()).isEqualTo(3);
    }
}
