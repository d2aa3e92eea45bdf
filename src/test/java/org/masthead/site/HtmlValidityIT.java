package org.masthead.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.masthead.ads.AdCreative;
import org.masthead.ads.AdSlots;
import org.masthead.channel.Channels;
import org.masthead.ingest.ArticleLineImport;
import org.masthead.ingest.LineResult;
import org.masthead.source.Sources;
import org.masthead.tag.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every kind of public page, rendered by the running application from imported articles, passes the
 * W3C Nu HTML checker (the engine behind validator.w3.org/nu) with no errors. Warnings are logged.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "masthead.site.email=editor@example.cn",
            "masthead.site.icp=沪ICP备12345678号-1",
            "masthead.site.public-security-filing=沪公网安备31011302000001号",
            // The 30 filler articles below differ by a number only, so story clustering would rightly make
            // them one story and one search result; they stand for 30 stories here, to page the results.
            "masthead.enrichment.window=0s"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HtmlValidityIT {

    private static final Logger log = LoggerFactory.getLogger(HtmlValidityIT.class);
    private static final Path DATA_DIR = temporaryDataDirectory();
    private static final String FIGURE = "<figure><img src=\"https://img.example.cn/a.jpg\" alt=\"会场\"><figcaption>【资料图】</figcaption></figure>";
    private static final String CHANNEL = "行业动态";
    private static final String TAG = "教育";
    private static final String SOURCE = "新民晚报";
    private static final String AUTHOR = "余婧瑶";

    private final ArticleLineImport importer;
    private final AdSlots ads;
    private final Channels channels;
    private final Tags tags;
    private final Sources sources;
    private final JsonMapper json = JsonMapper.builder().build();
    private final NuHtmlChecker checker = new NuHtmlChecker();

    @Autowired
    org.masthead.search.SearchIndex searchIndex;

    /** Library images (ResponsiveImages): the rich article's cover, shown above it and on every list's card, and one in its body. */
    @Autowired
    org.masthead.media.MediaLibrary media;

    private String coverImage;
    private String bodyImage;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private String articleUrl;
    private String bareArticleUrl;

    HtmlValidityIT(@Autowired ArticleLineImport importer, @Autowired AdSlots ads, @Autowired Channels channels, @Autowired Tags tags,
            @Autowired Sources sources, @LocalServerPort int port) {
        this.importer = importer;
        this.ads = ads;
        this.channels = channels;
        this.tags = tags;
        this.sources = sources;
        this.base = "http://localhost:" + port;
    }

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("masthead.data-dir", DATA_DIR::toString);
        registry.add("spring.datasource.url", () -> "jdbc:sqlite:" + DATA_DIR.resolve("masthead.db")
                + "?journal_mode=WAL&synchronous=FULL&foreign_keys=true&busy_timeout=10000&transaction_mode=IMMEDIATE");
    }

    @BeforeAll
    void importArticlesAndPlaceAds() {
        coverImage = media.upload(new org.masthead.media.MediaLibrary.Upload(org.masthead.media.TestImages.jpeg(1400, 700), "cover.jpg", "会场全景", "admin")).url();
        bodyImage = media.upload(new org.masthead.media.MediaLibrary.Upload(
                org.masthead.media.TestImages.encode(org.masthead.media.TestImages.halves(900, 600), "png"), "chart.png", "", "admin")).url();
        StringBuilder lines = new StringBuilder();
        lines.append(line(richArticle())).append('\n');
        lines.append(line(bareArticle())).append('\n');
        // Enough further articles for a second page of /latest, in two more channels, one title that needs escaping.
        for (int i = 1; i <= 30; i++) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("title", i == 7 ? "“引号”与 <b>标记</b> & 符号 " + i : "浦东新区第" + i + "场招聘会举行");
            a.put("body", "<p>第" + i + "段正文，介绍活动的时间、地点与参加的企业。</p><p>第二段，补充说明。</p>");
            a.put("publishedAt", "2023-08-%02dT%02d:15:00+08:00".formatted(1 + i % 28, i % 24));
            a.put("source", i % 2 == 0 ? SOURCE : "东方网");
            a.put("originalUrl", "https://example.cn/news/filler-" + i);
            a.put("channel", i % 3 == 0 ? CHANNEL : i % 3 == 1 ? "社会" : "财经");
            a.put("tags", List.of("招聘", i % 2 == 0 ? TAG : "就业"));
            lines.append(line(a)).append('\n');
        }
        List<LineResult> results = importer.importLines(new StringReader(lines.toString()));
        assertThat(results).as("import results").noneMatch(LineResult::failed);
        articleUrl = results.get(0).url();
        bareArticleUrl = results.get(1).url();
        // Every slot, so each form of the closable ad is checked: with a link, with an image, text only.
        ads.place(new AdCreative(AdSlots.SIDEBAR, "广告位招租", "https://ads.example.cn/", null));
        ads.place(new AdCreative(AdSlots.ARTICLE_BOTTOM, "秋季家装节", "https://ads.example.cn/jiazhuang", "https://img.example.cn/ad.png"));
        ads.place(new AdCreative(AdSlots.HOME_TOP, "本站诚聘编辑", null, null));
    }

    private Map<String, Object> richArticle() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("title", "宝山教育高质量发展推进会召开");
        a.put("subtitle", "区内学校代表交流经验");
        a.put("coverImage", coverImage);
        a.put("body", "<p>8月28日下午，宝山区教育高质量发展推进会召开。</p>" + FIGURE + "<p><img src=\"" + bodyImage + "\" alt=\"图表\" width=\"450\"></p>"
                + "<p>会议总结了上学年的工作，<a href=\"https://example.cn/report\">部署了新学年的任务</a>。</p>");
        a.put("publishedAt", "2023-08-29T09:18:41+08:00");
        a.put("source", SOURCE);
        a.put("sourceUrl", "https://www.xinmin.cn/");
        a.put("originalUrl", "https://example.cn/news/1");
        a.put("authors", List.of(AUTHOR, "李金珽", "卢毅"));
        a.put("channel", CHANNEL);
        a.put("tags", List.of("宝山", TAG));
        a.put("images", List.of(
                Map.of("url", "https://img.example.cn/a.jpg", "caption", "【资料图】"),
                Map.of("url", "https://img.example.cn/b.jpg", "caption", "会场一角")));
        return a;
    }

    /** Only what the format requires: no channel, source, authors, tags or images. */
    private static Map<String, Object> bareArticle() {
        return Map.of(
                "title", "短讯：地铁18号线二期开通",
                "body", "今天上午，地铁18号线二期开通试运营。",
                "bodyFormat", "text",
                "publishedAt", "2023-08-29T10:00:00+08:00");
    }

    @Test
    void homePageIsValid() {
        String home = assertValid("/", 200);
        assertThat(home).contains("src=\"/ad/slot/", "class=\"ad-label\"", "<img class=\"card-image\" src=\"" + coverImage.replace(".jpg", "-320.jpg"));
        // The home-top slot's frame: its own document, valid too, showing the creative.
        String frame = home.replaceAll("(?s).*<main.*?src=\"(/ad/slot/\\d+)\".*", "$1");
        assertThat(assertValid(frame, 200)).contains("本站诚聘编辑");
    }

    @Test
    void articlePageWithFiguresBylineTagsAndSourceLinkIsValid() {
        String html = assertValid(articleUrl, 200);
        // The body's figure is checked in whatever form the body sanitiser keeps it; the extra image is the template's figure.
        assertThat(html).contains("<figure class=\"cover\"><img src=\"" + coverImage + "\" srcset=", "sizes=\"(min-width", " width=\"450\" height=\"300\" srcset=",
                "【资料图】", "<figcaption>会场一角</figcaption>", "class=\"byline\"", "rel=\"tag\"",
                "href=\"https://example.cn/news/1\"", "src=\"/ad/slot/", "ad-close", "沪ICP备12345678号-1", "nospam.");
        // The sidebar's and the article-bottom slot's frames show their creatives.
        java.util.List<String> frames = java.util.regex.Pattern.compile("src=\"(/ad/slot/\\d+)\"").matcher(html).results().map(m -> m.group(1)).toList();
        assertThat(frames).hasSize(2);
        assertThat(frames.stream().map(f -> assertValid(f, 200)).toList()).anySatisfy(f -> assertThat(f).contains("广告位招租"))
                .anySatisfy(f -> assertThat(f).contains("秋季家装节"));
    }

    @Test
    void articlePageWithoutChannelSourceAuthorsOrTagsIsValid() {
        assertValid(bareArticleUrl, 200);
    }

    @Test
    void channelPageIsValid() {
        assertThat(assertValid(channels.byName(CHANNEL).orElseThrow().url(), 200)).contains("<img class=\"card-image\" src=\"" + coverImage.replace(".jpg", "-320.jpg"));
    }

    @Test
    void tagPageIsValid() {
        assertValid(tags.byName(TAG).orElseThrow().url(), 200);
    }

    @Test
    void sourcePageIsValid() {
        assertValid(sources.byName(SOURCE).orElseThrow().url(), 200);
    }

    @Test
    void authorPageIsValid() {
        assertValid(ListingPageController.authorUrl(AUTHOR), 200);
    }

    @Test
    void secondPageOfLatestIsValid() {
        String html = assertValid("/latest?page=2", 200);
        assertThat(html).contains("rel=\"prev\"");
    }

    @Test
    void searchPagesAreValidWithoutWarnings() {
        // The index follows the import in the background.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> searchIndex.checksum().count() == 32);
        String results = assertValid("/search?q=" + enc("招聘会"), 200, true);
        assertThat(results).contains("<mark>", "rel=\"next\"", "facet-channel", "noindex,follow");
        String filtered = assertValid("/search?q=" + enc("招聘会 \"<b>\"") + "&channel=" + enc("社会") + "&from=2023-08-01&to=2023-08-31&sort=time&page=2", 200,
                true);
        assertThat(filtered).contains("active-filters", " open>");
        assertValid("/search?q=" + enc("招聘回"), 200, true);
        assertValid("/search", 200, true);
        assertValid("/search?q=" + enc("招聘会") + "&from=2023-02-30&page=0", 400, true);
    }

    private static String enc(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void notFoundPageIsValid() {
        assertValid("/no-such-page", 404);
    }

    /** Fetches the page, checks its status and runs the checker; fails listing every error with its line. */
    private String assertValid(String path, int status) {
        return assertValid(path, status, false);
    }

    /** @param noWarnings whether warnings fail the test too (new pages are held to it) */
    private String assertValid(String path, int status, boolean noWarnings) {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as("status of %s", path).isEqualTo(status);
        String html = response.body();
        List<String> lines = html.lines().toList();
        List<String> errors = new ArrayList<>();
        for (NuHtmlChecker.Message m : checker.check(html)) {
            if (m.isError() || noWarnings) {
                String source = m.line() >= 1 && m.line() <= lines.size() ? abbreviate(lines.get(m.line() - 1).strip()) : "";
                errors.add(m.where() + ": " + m.text() + (source.isEmpty() ? "" : "\n      " + source));
            } else {
                log.info("Nu checker on {}: {} {}: {}", path, m.subType().isEmpty() ? m.type() : m.subType(), m.where(), m.text());
            }
        }
        assertThat(errors)
                .withFailMessage(() -> errors.size() + " Nu HTML checker error(s) on " + path + ":\n  " + String.join("\n  ", errors))
                .isEmpty();
        return html;
    }

    private HttpResponse<String> get(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String line(Map<String, Object> article) {
        return json.writeValueAsString(article);
    }

    private static String abbreviate(String s) {
        return s.length() <= 240 ? s : s.substring(0, 240) + "…";
    }

    /** Under target/, so {@code ./mvnw clean} removes it; the context outlives the test class, so it is not deleted here. */
    private static Path temporaryDataDirectory() {
        try {
            return Files.createTempDirectory(Files.createDirectories(Path.of("target", "it-data")), "html-validity-").toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
