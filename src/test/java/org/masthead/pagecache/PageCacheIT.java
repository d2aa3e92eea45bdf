package org.masthead.pagecache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.TestSites;
import org.masthead.ads.AdCreative;
import org.masthead.ads.AdSlots;
import org.masthead.setting.SiteSettings;
import org.masthead.setting.SiteSettingsStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The page cache serves kept pages (same bytes, gzip, 304, HEAD) and no reader ever gets a kept page that
 * an edit made stale: after each kind of change, every page a reader can fetch equals a fresh render
 * ({@link #assertNothingStale}), while pages the change does not touch stay kept ({@link #kept}).
 *
 * <p>Views are written every hour and the watch and the side lists' refresh run every hour here, so nothing
 * changes but what a test does; a test calls {@link PageInvalidation#watch()} itself where it needs it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "masthead.views.flush-interval=1h", "masthead.page-cache.watch-interval=1h", "masthead.front-lists.refresh-interval=1h"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_EACH_TEST_METHOD) // each test starts from the same four articles
class PageCacheIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    PageStore store;

    @Autowired
    PageInvalidation invalidation;

    @Autowired
    org.masthead.article.FrontLists front;

    @Autowired
    SiteSettingsStore settings;

    @Autowired
    AdSlots ads;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.masthead.ads.AdEditing adEditing;

    @Autowired
    org.masthead.article.ArticleFlags flags;

    @Autowired
    org.masthead.topic.TopicEditing topics;

    private final Map<String, Long> ids = new LinkedHashMap<>();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestSites.useFreshSqlite(registry);
    }

    @BeforeEach
    void twoChannels() {
        importLine("经济-1", "经济", "2023-08-01T09:00:00+08:00", List.of("财政"), "https://example.cn/e1");
        importLine("经济-2", "经济", "2023-08-02T09:00:00+08:00", List.of("财政"), "https://example.cn/e2");
        importLine("体育-1", "体育", "2023-08-03T09:00:00+08:00", List.of("足球"), "https://example.cn/s1");
        importLine("体育-2", "体育", "2023-08-04T09:00:00+08:00", List.of("足球"), "https://example.cn/s2");
    }

    /** Every address the tests look at. */
    private List<String> pages() {
        return List.of("/", "/latest", "/articles/" + ids.get("经济-1"), "/articles/" + ids.get("体育-1"), "/channel/" + slug("经济"),
                "/channel/" + slug("体育"), "/tag/%E8%B6%B3%E7%90%83", "/feed.xml", "/channel/" + slug("经济") + "/feed.xml",
                "/channel/" + slug("体育") + "/feed.xml", "/tag/%E8%B6%B3%E7%90%83/feed.xml", "/sitemap.xml", "/sitemaps/news.xml", "/robots.txt");
    }

    @Test
    void keepsPagesAndAnswersFromThemWithTheSameBytesGzipHeadAnd304() throws IOException {
        String article = "/articles/" + ids.get("经济-1");
        HttpResponse<byte[]> first = get(article, Map.of());
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(eventuallyKept(article)).as("kept after the first render").isTrue();
        HttpResponse<byte[]> second = get(article, Map.of());
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.headers().firstValue("ETag")).isEqualTo(first.headers().firstValue("ETag"));
        assertThat(second.headers().firstValue("Cache-Control")).hasValue("public, max-age=60");
        assertThat(second.headers().firstValue("Content-Type")).isEqualTo(first.headers().firstValue("Content-Type"));
        assertThat(second.headers().firstValue("X-Content-Type-Options")).isEqualTo(first.headers().firstValue("X-Content-Type-Options"));

        assertThat(store.get(article).encodings().bytes()).as("a page is kept plain until a client asks for a coding").isZero();

        HttpResponse<byte[]> gzipped = get(article, Map.of("Accept-Encoding", "gzip"));
        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gzipped.headers().allValues("Vary")).anyMatch(v -> v.contains("Accept-Encoding"));
        assertThat(new GZIPInputStream(new ByteArrayInputStream(gzipped.body())).readAllBytes()).isEqualTo(first.body());
        assertThat(get(article, Map.of("Accept-Encoding", "gzip;q=0")).headers().firstValue("Content-Encoding")).isEmpty();

        HttpResponse<byte[]> brotli = get(article, Map.of("Accept-Encoding", "gzip, deflate, br"));
        assertThat(brotli.headers().firstValue("Content-Encoding")).hasValue("br");
        assertThat(brotli.headers().allValues("Vary")).anyMatch(v -> v.contains("Accept-Encoding"));
        assertThat(brotli.headers().firstValue("ETag")).isEqualTo(first.headers().firstValue("ETag"));
        assertThat(com.aayushatharva.brotli4j.decoder.Decoder.decompress(brotli.body()).getDecompressedData()).isEqualTo(first.body());
        assertThat(brotli.body().length).isLessThan(gzipped.body().length);
        assertThat(get(article, Map.of("Accept-Encoding", "gzip, br;q=0")).headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(get(article, Map.of("Accept-Encoding", "br;q=0, gzip;q=0")).body()).isEqualTo(first.body());

        HttpResponse<byte[]> notModified = get(article, Map.of("If-None-Match", first.headers().firstValue("ETag").orElseThrow()));
        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();

        HttpResponse<byte[]> head = send(HttpRequest.newBuilder(uri(article)).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(first.body().length);
    }

    @Test
    void keepsNoErrorsNoApiAndNoBackOffice() {
        assertThat(get("/articles/999999", Map.of()).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/articles", Map.of()).statusCode()).isEqualTo(200);
        assertThat(get("/channel/no-such-channel", Map.of()).statusCode()).isEqualTo(404);
        assertThat(store.get("/articles/999999")).isNull();
        assertThat(store.get("/api/v1/articles")).isNull();
        assertThat(store.get("/channel/no-such-channel")).isNull();
    }

    @Test
    void publishingDropsTheListsItJoinsAndKeepsTheOthers() {
        warm();
        importLine("经济-3", "经济", "2023-08-05T09:00:00+08:00", List.of("财政"), "https://example.cn/e3");
        assertNothingStale();
        assertThat(body("/")).contains("经济-3");
        assertThat(body("/channel/" + slug("经济"))).contains("经济-3");
        assertThat(body("/feed.xml")).contains("经济-3");
        warm();
        importLine("经济-4", "经济", "2023-08-06T09:00:00+08:00", List.of("财政"), "https://example.cn/e4");
        // Exactly: the other channel's and the other tag's feeds show nothing that changed.
        assertThat(kept("/channel/" + slug("体育") + "/feed.xml")).isTrue();
        assertThat(kept("/tag/%E8%B6%B3%E7%90%83/feed.xml")).isTrue();
        assertThat(kept("/robots.txt")).isTrue();
        assertThat(kept("/channel/" + slug("经济") + "/feed.xml")).isFalse();
        assertNothingStale();
    }

    @Test
    void changingAnArticleDropsItsPageAndEveryPageShowingIt() {
        warm();
        importLine("经济-1 更正", "经济", "2023-08-01T09:00:00+08:00", List.of("财政"), "https://example.cn/e1");
        assertNothingStale();
        assertThat(body("/articles/" + ids.get("经济-1"))).contains("经济-1 更正");
        assertThat(body("/")).contains("经济-1 更正");
        assertThat(body("/channel/" + slug("经济") + "/feed.xml")).contains("经济-1 更正");
        warm();
        importLine("经济-1 再更正", "经济", "2023-08-01T09:00:00+08:00", List.of("财政"), "https://example.cn/e1");
        // Its listing is known and did not change: lists that do not show it keep their pages.
        assertThat(kept("/tag/%E8%B6%B3%E7%90%83/feed.xml")).isTrue();
        assertThat(kept("/channel/" + slug("体育") + "/feed.xml")).isTrue();
        assertNothingStale();
    }

    @Test
    void movingAnArticleToAnotherChannelAndTagDropsBothListsOldAndNew() {
        warm();
        importLine("经济-2", "体育", "2023-08-02T09:00:00+08:00", List.of("足球"), "https://example.cn/e2");
        assertNothingStale();
        assertThat(body("/channel/" + slug("体育"))).contains("经济-2");
        // The list itself (its description names its newest titles); the most-read side list may still show it.
        assertThat(description("/channel/" + slug("经济"))).doesNotContain("经济-2");
        assertThat(description("/channel/" + slug("体育"))).contains("经济-2");
        assertThat(body("/tag/%E8%B6%B3%E7%90%83/feed.xml")).contains("经济-2");
        warm();
        importLine("经济-2", "经济", "2023-08-02T09:00:00+08:00", List.of("财政"), "https://example.cn/e2");
        assertNothingStale();
        assertThat(body("/channel/" + slug("体育") + "/feed.xml")).doesNotContain("经济-2");
        assertThat(body("/tag/%E8%B6%B3%E7%90%83/feed.xml")).doesNotContain("经济-2");
    }

    @Test
    void withdrawingAnArticleTakesItOffEveryPage() {
        warm();
        long id = ids.get("体育-1");
        // The withdraw operation belongs to the article module; its event maps onto articleMoved.
        jdbc.sql("UPDATE article SET status = 'unpublished' WHERE id = ?").param(id).update();
        invalidation.articleMoved(id);
        assertThat(get("/articles/" + id, Map.of()).statusCode()).isEqualTo(404);
        assertNothingStale();
        for (String page : List.of("/", "/latest", "/channel/" + slug("体育"), "/feed.xml", "/tag/%E8%B6%B3%E7%90%83/feed.xml")) {
            assertThat(body(page)).as(page).doesNotContain("体育-1<").doesNotContain("/articles/" + id + "\"");
        }
    }

    @Test
    void aScheduledArticleAppearsWhenItsTimeComes() throws InterruptedException {
        Instant soon = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
        importLine("定时发布", "经济", soon.atOffset(ZoneOffset.ofHours(8)).toString(), List.of("财政"), "https://example.cn/later");
        warm();
        assertThat(body("/")).doesNotContain("定时发布");
        while (Instant.now().isBefore(soon.plusMillis(200))) {
            Thread.sleep(100);
        }
        invalidation.watch();
        assertNothingStale();
        assertThat(body("/")).contains("定时发布");
        assertThat(body("/channel/" + slug("经济"))).contains("定时发布");
    }

    @Test
    void changedSettingsShowOnEveryPage() {
        warm();
        SiteSettings now = settings.current();
        settings.update(new SiteSettings("缓存测试新闻", now.tagline(), now.copyrightSince(), now.icp(), now.publicSecurityFiling(), now.email(),
                now.timeZone(), now.excerptLength(), now.baseUrl()));
        assertNothingStale();
        for (String page : List.of("/", "/articles/" + ids.get("经济-1"), "/feed.xml")) {
            assertThat(body(page)).as(page).contains("缓存测试新闻");
        }
    }

    @Test
    void aChangedAdShowsOnEveryHtmlPageAndFeedsStayKept() {
        warm();
        ads.place(new AdCreative(AdSlots.SIDEBAR, "缓存广告位测试", "https://ad.example.cn/", null));
        assertThat(kept("/feed.xml")).isTrue();
        assertThat(kept("/sitemap.xml")).isTrue();
        assertThat(kept("/")).isFalse();
        assertNothingStale();
        ads.clear(AdSlots.SIDEBAR);
        assertNothingStale();
    }

    @Test
    void aNewSlotDropsOnlyThePagesOfItsPlacementAndANewCreativeInAShownSlotDropsNothing() {
        warm();
        long top = adEditing.saveSlot(null, new org.masthead.ads.AdSlotDraft("首页通栏", AdSlots.HOME_TOP, null, 90));
        assertThat(kept("/")).as("a slot without creatives shows nothing").isTrue();
        adEditing.saveCreative(null, new org.masthead.ads.CreativeDraft(top, org.masthead.ads.CreativeKind.TEXT, "首页广告", "https://ad.example.cn/", null, null,
                1, null, null));
        assertThat(kept("/")).isFalse();
        assertThat(kept("/latest")).isTrue();
        assertThat(kept("/articles/" + ids.get("经济-1"))).isTrue();
        assertThat(kept("/channel/" + slug("经济"))).isTrue();
        assertNothingStale();
        assertThat(body("/")).contains("src=\"/ad/slot/" + top + "\"");

        warm();
        adEditing.saveCreative(null, new org.masthead.ads.CreativeDraft(top, org.masthead.ads.CreativeKind.TEXT, "另一条首页广告", "https://ad.example.cn/2", null,
                null, 5, null, null));
        for (String page : pages()) {
            assertThat(kept(page)).as(page + ": the frame picks the creative per view, the page does not change").isTrue();
        }

        long bottom = adEditing.saveSlot(null, new org.masthead.ads.AdSlotDraft("文章底部", AdSlots.ARTICLE_BOTTOM, 640, 120));
        adEditing.saveCreative(null, new org.masthead.ads.CreativeDraft(bottom, org.masthead.ads.CreativeKind.TEXT, "文章底部广告", null, null, null, 1, null,
                null));
        assertThat(kept("/articles/" + ids.get("经济-1"))).isFalse();
        assertThat(kept("/articles/" + ids.get("体育-1"))).isFalse();
        assertThat(kept("/")).isTrue();
        assertThat(kept("/channel/" + slug("体育"))).isTrue();
        assertNothingStale();
    }

    @Test
    void aFlagDropsTheHomePageOrTheArticlesChannelPagesAndNothingElse() {
        org.masthead.article.Actor editor = new org.masthead.article.Actor("editor", org.masthead.article.Actor.Role.EDITOR, null);
        warm();
        flags.set(ids.get("经济-1"), Map.of(org.masthead.article.ArticleFlag.HEADLINE, true), editor);
        assertThat(kept("/")).isFalse();
        for (String page : List.of("/latest", "/channel/" + slug("经济"), "/channel/" + slug("体育"), "/articles/" + ids.get("经济-1"), "/feed.xml")) {
            assertThat(kept(page)).as(page).isTrue();
        }
        assertNothingStale();
        assertThat(org.jsoup.Jsoup.parse(body("/")).select(".top-stories .top-story").text()).isEqualTo("经济-1");

        warm();
        flags.set(ids.get("体育-1"), Map.of(org.masthead.article.ArticleFlag.PINNED, true), editor);
        assertThat(kept("/channel/" + slug("体育"))).isFalse();
        assertThat(kept("/channel/" + slug("体育") + "/feed.xml")).as("feeds stay in time order").isTrue();
        assertThat(kept("/channel/" + slug("经济"))).isTrue();
        assertThat(kept("/")).isTrue();
        assertNothingStale();
        org.jsoup.nodes.Document channel = org.jsoup.Jsoup.parse(body("/channel/" + slug("体育")));
        assertThat(channel.select(".pinned .card-title").text()).isEqualTo("体育-1");
        assertThat(channel.select(".primary .card-title")).extracting(org.jsoup.nodes.Element::text).containsExactly("体育-1", "体育-2");
    }

    @Test
    void aTopicPageIsKeptAndDroppedWhenTheTopicOrOneOfItsArticlesChanges() {
        long topic = topics.create(new org.masthead.topic.TopicDraft("cache-test", "缓存专题", "专题导语。", null));
        topics.addArticles(topic, List.of(ids.get("体育-2"), ids.get("经济-1")), "第一部分");
        String page = "/topic/cache-test";
        assertThat(get(page, Map.of()).statusCode()).isEqualTo(200);
        assertThat(eventuallyKept(page)).isTrue();
        assertThat(get("/topics", Map.of()).statusCode()).isEqualTo(200);
        assertThat(eventuallyKept("/topics")).isTrue();
        assertThat(org.jsoup.Jsoup.parse(body(page)).select(".primary .card-title")).extracting(org.jsoup.nodes.Element::text)
                .containsExactly("体育-2", "经济-1");

        topics.moveArticle(topic, ids.get("经济-1"), -1);
        assertThat(kept(page)).isFalse();
        assertThat(kept("/topics")).isFalse();
        assertThat(org.jsoup.Jsoup.parse(body(page)).select(".primary .card-title")).extracting(org.jsoup.nodes.Element::text)
                .containsExactly("经济-1", "体育-2");
        assertThat(eventuallyKept(page)).isTrue();

        importLine("经济-1 更正", "经济", "2023-08-01T09:00:00+08:00", List.of("财政"), "https://example.cn/e1");
        assertThat(kept(page)).as("it links to the changed article").isFalse();
        assertThat(body(page)).contains("经济-1 更正");
        assertThat(eventuallyKept(page)).isTrue();

        long id = ids.get("体育-2");
        jdbc.sql("UPDATE article SET status = 'unpublished' WHERE id = ?").param(id).update();
        invalidation.articleMoved(id);
        assertThat(kept(page)).isFalse();
        assertThat(body(page)).doesNotContain("体育-2");
        jdbc.sql("UPDATE article SET status = 'published' WHERE id = ?").param(id).update();
        assertThat(eventuallyKept(page)).isTrue();
        invalidation.articleMoved(id);
        assertThat(kept(page)).as("it joins the topic's page again: the topic names it though the page did not link to it").isFalse();
        assertThat(body(page)).contains("体育-2");
    }

    @Test
    void topicsAreInThePagesSitemapAndARenameDropsExactlyTheTopicPagesAndSitemapsAndTheOldAddressAnswers301() {
        long topic = topics.create(new org.masthead.topic.TopicDraft("旧专题", "改名专题", "专题导语。", null));
        topics.addArticles(topic, List.of(ids.get("经济-1")), "");
        String oldPage = "/topic/%E6%97%A7%E4%B8%93%E9%A2%98";
        warm();
        for (String page : List.of(oldPage, "/topics", "/sitemaps/pages.xml")) {
            assertThat(get(page, Map.of()).statusCode()).as(page).isEqualTo(200);
            assertThat(eventuallyKept(page)).as(page + " kept").isTrue();
        }
        String sitemap = body("/sitemaps/pages.xml");
        assertThat(sitemap).contains(oldPage + "</loc>", "/topics</loc>");

        topics.update(topic, new org.masthead.topic.TopicDraft("new-topic", "改名专题", "专题导语。", null));
        for (String page : List.of(oldPage, "/topics", "/sitemaps/pages.xml", "/sitemap.xml", "/sitemaps/news.xml")) {
            assertThat(kept(page)).as(page + " dropped").isFalse();
        }
        for (String page : pages()) {
            if (!page.startsWith("/sitemap")) {
                assertThat(kept(page)).as(page + ": shows no topic, kept").isTrue();
            }
        }
        HttpResponse<byte[]> moved = get(oldPage, Map.of());
        assertThat(moved.statusCode()).isEqualTo(301);
        assertThat(moved.headers().firstValue("Location")).hasValue("/topic/new-topic");
        assertThat(moved.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=86400");
        assertThat(body("/topic/new-topic")).contains("改名专题");
        assertThat(body("/sitemaps/pages.xml")).contains("/topic/new-topic</loc>").doesNotContain(oldPage);

        // The old slug given to another topic: the current slug wins, and the history forgets it.
        topics.create(new org.masthead.topic.TopicDraft("旧专题", "另一个专题", "", null));
        HttpResponse<byte[]> reused = get(oldPage, Map.of());
        assertThat(reused.statusCode()).isEqualTo(200);
        assertThat(new String(reused.body(), StandardCharsets.UTF_8)).contains("另一个专题");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM topic_slug_history WHERE slug = '旧专题'").query(Long.class).single()).isZero();
    }

    @Test
    void aRenderThatOverlapsADropIsNotKept() {
        long renderedIn = store.generation();
        store.drop(java.util.Set.of("article:1"));
        CachedPage page = new CachedPage("text/html", List.of(), null, null, new byte[1], java.util.Set.of("html"), -1);
        assertThat(store.keep("/stale", page, renderedIn)).isFalse();
        assertThat(store.get("/stale")).isNull();
        assertThat(store.keep("/fresh", page, store.generation())).isTrue();
    }

    // ---

    /** Fetches every page so that it is kept. */
    private void warm() {
        for (String page : pages()) {
            assertThat(get(page, Map.of()).statusCode()).as(page).isEqualTo(200);
            assertThat(eventuallyKept(page)).as(page + " kept").isTrue();
        }
    }

    /**
     * The filter keeps a page after the last byte was written, and the server may have sent it by then
     * (the length is known): the client can be a little ahead of the cache.
     */
    private boolean eventuallyKept(String page) {
        for (int i = 0; i < 100 && !kept(page); i++) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return kept(page);
    }

    private boolean kept(String page) {
        return store.get(page) != null;
    }

    /** What readers get now (kept or not) is, for every page, what a fresh render gives. */
    private void assertNothingStale() {
        Map<String, String> served = new LinkedHashMap<>();
        pages().forEach(page -> served.put(page, body(page)));
        // A fresh render: nothing kept, neither pages nor the side lists held in memory.
        store.dropAll();
        front.drop();
        served.forEach((page, body) -> assertThat(body).as("stale " + page).isEqualTo(body(page)));
    }

    private void importLine(String title, String channel, String publishedAt, List<String> tags, String originalUrl) {
        String line = json.writeValueAsString(Map.of("title", title, "body", "<p>" + title + "正文。</p>", "publishedAt", publishedAt,
                "channel", channel, "tags", tags, "originalUrl", originalUrl, "source", "测试来源")) + "\n";
        HttpResponse<String> response = TestSites.importAsAdmin(port, line);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        ids.put(title, json.readTree(response.body()).get("results").get(0).get("id").asLong());
    }

    /** The channel's slug as it appears in its URL (percent-encoded), which is also the cache's key. */
    private String slug(String channel) {
        String slug = jdbc.sql("SELECT slug FROM channel WHERE name = ?").param(channel).query(String.class).single();
        return org.springframework.web.util.UriUtils.encodePathSegment(slug, StandardCharsets.UTF_8);
    }

    private String description(String page) {
        return org.jsoup.Jsoup.parse(body(page)).select("meta[name=description]").attr("content");
    }

    private String body(String page) {
        return new String(get(page, Map.of()).body(), StandardCharsets.UTF_8);
    }

    private URI uri(String page) {
        return URI.create("http://localhost:" + port + page);
    }

    private HttpResponse<byte[]> get(String page, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(page)).GET();
        headers.forEach(request::header);
        return send(request.build());
    }

    private static HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
