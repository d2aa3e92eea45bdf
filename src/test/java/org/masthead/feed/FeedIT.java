package org.masthead.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.input.SAXBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.TestSites;
import org.masthead.source.Sources;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The feeds over HTTP, on the 50 real articles of the seed fixture plus a few made here (in the
 * channel 测试, dated before every seed article so the site feeds show only seed articles): what each
 * format lists and in which order, absolute links, stable ids, dates in the site zone, publishers,
 * authors, enclosures, hostile text, conditional GET and unknown lists.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "masthead.site.name=报头新闻", "masthead.site.base-url=https://news.example.cn/", "masthead.site.time-zone=Asia/Shanghai"})
class FeedIT {

    static final String BASE = "https://news.example.cn";
    static final String TEST_CHANNEL = "/channel/" + URLEncoder.encode("测试", StandardCharsets.UTF_8);
    static final Namespace ATOM = Namespace.getNamespace("http://www.w3.org/2005/Atom");
    static final Namespace DC = Namespace.getNamespace("http://purl.org/dc/elements/1.1/");
    static final String HOSTILE_TITLE = "<script>alert('报头')</script> & “引号”\u0001\u0008\u001b尾";
    static final String HOSTILE_TITLE_CLEANED = "<script>alert('报头')</script> & “引号”尾";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    Sources sources;

    /** Seed articles newest first: title and id. */
    private static volatile List<Map.Entry<String, Long>> seedNewestFirst;

    private static volatile Map<String, String> channelOfTitle;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestSites.useFreshSqlite(registry);
    }

    @BeforeEach
    void importOnce() {
        if (seedNewestFirst != null) {
            return;
        }
        String fixture = TestSites.fixture("seed-page.jsonl");
        JsonNode results = json.readTree(TestSites.importAsAdmin(port, fixture).body()).get("results");
        String[] lines = fixture.split("\n");
        assertThat(results).hasSize(lines.length);
        record Seed(String title, long id, OffsetDateTime published) {}
        List<Seed> seeds = new ArrayList<>();
        Map<String, String> channels = new HashMap<>();
        for (int i = 0; i < lines.length; i++) {
            JsonNode line = json.readTree(lines[i]);
            assertThat(results.get(i).get("status").asString()).isEqualTo("created");
            seeds.add(new Seed(line.get("title").asString(), results.get(i).get("id").asLong(), OffsetDateTime.parse(line.get("publishedAt").asString())));
            channels.put(line.get("title").asString(), line.get("channel").asString());
        }
        importLine(article("封面图片(相对地址)", "2023-08-20T10:00:00+08:00", "https://example.cn/feed-it/cover-relative").put("coverImage", "/media/2023/cover.jpg"));
        importLine(article("封面图片(绝对地址)", "2023-08-20T09:00:00+08:00", "https://example.cn/feed-it/cover-absolute")
                .put("coverImage", "https://img.example.cn/c.png?w=640"));
        importLine(article(HOSTILE_TITLE, "2023-08-20T08:00:00+08:00", "https://example.cn/feed-it/hostile").put("summary", "摘要<b>加粗</b> & 结尾\u0002"));
        channelOfTitle = channels;
        seedNewestFirst = seeds.stream().sorted(Comparator.comparing(Seed::published).reversed())
                .map(s -> Map.entry(s.title(), s.id())).toList();
    }

    @Test
    void siteFeedsListTheTwentyNewestArticlesNewestFirstWithAbsoluteLinks() throws Exception {
        List<Map.Entry<String, Long>> expected = seedNewestFirst.subList(0, 20);
        List<String> titles = expected.stream().map(Map.Entry::getKey).toList();
        List<String> links = expected.stream().map(e -> BASE + "/articles/" + e.getValue()).toList();

        for (String path : List.of("/feed.xml", "/atom.xml")) {
            SyndFeed feed = rome(path);
            assertThat(feed.getEntries()).as(path).extracting(SyndEntry::getTitle).containsExactlyElementsOf(titles);
            assertThat(feed.getEntries()).as(path).extracting(SyndEntry::getLink).containsExactlyElementsOf(links);
            assertThat(feed.getEntries()).as("the id is the address: " + path).extracting(SyndEntry::getUri).containsExactlyElementsOf(links);
            assertThat(feed.getTitle()).isEqualTo("报头新闻");
        }
        JsonNode feed = jsonFeed("/feed.json");
        assertThat(feed.get("version").asString()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(feed.get("home_page_url").asString()).isEqualTo(BASE + "/");
        assertThat(feed.get("feed_url").asString()).isEqualTo(BASE + "/feed.json");
        assertThat(feed.get("items").valueStream().map(i -> i.get("title").asString())).containsExactlyElementsOf(titles);
        assertThat(feed.get("items").valueStream().map(i -> i.get("url").asString())).containsExactlyElementsOf(links);
        for (JsonNode item : feed.get("items")) {
            assertThat(item.get("id").asString()).isEqualTo(item.get("url").asString());
            assertThat(item.get("content_text").asString()).as("summaries by default").isNotBlank();
            assertThat(item.get("summary").asString()).isEqualTo(item.get("content_text").asString());
            assertThat(item.has("content_html")).isFalse();
            assertThat(item.get("date_published").asString()).endsWith("+08:00");
        }
        Element rss = xml("/feed.xml").getRootElement().getChild("channel");
        assertThat(rss.getChildText("link")).isEqualTo(BASE + "/");
        assertThat(rss.getChild("link", ATOM).getAttributeValue("href")).isEqualTo(BASE + "/feed.xml");
        assertThat(rss.getChildText("language")).isEqualTo("zh-CN");
        Element atom = xml("/atom.xml").getRootElement();
        assertThat(atom.getChildText("id", ATOM)).isEqualTo(BASE + "/atom.xml");
        assertThat(atom.getAttributeValue("lang", Namespace.XML_NAMESPACE)).as("Rome reads no xml:lang, so it is checked here").isEqualTo("zh-CN");
        assertThat(feed.get("language").asString()).isEqualTo("zh-CN");
    }

    @Test
    void followsTheW3cFeedValidatorsRules() throws Exception {
        for (String list : List.of("", TEST_CHANNEL)) {
            Element channel = xml(list + "/feed.xml").getRootElement().getChild("channel");
            for (String required : List.of("title", "link", "description", "language")) {
                assertThat(channel.getChildText(required)).as(list + " channel " + required).isNotBlank();
            }
            assertThat(channel.getChildren("link", ATOM)).as("MissingAtomSelfLink").anySatisfy(l -> assertThat(l.getAttributeValue("rel")).isEqualTo("self"));
            for (Element item : channel.getChildren("item")) {
                assertThat(item.getChildText("title")).isNotBlank();
                assertThat(item.getChildText("link")).startsWith(BASE + "/articles/");
                assertThat(item.getChild("guid").getAttributeValue("isPermaLink")).isEqualTo("true");
                assertThat(item.getChildText("guid")).as("a permalink guid is a full http URL").isEqualTo(item.getChildText("link"));
                assertThat(item.getChildText("pubDate")).matches(FeedWritersTest.RFC2822);
                assertThat(item.getChildren("enclosure")).as("at most one enclosure").hasSizeLessThanOrEqualTo(1);
                for (Element enclosure : item.getChildren("enclosure")) {
                    assertThat(enclosure.getAttributeValue("url")).startsWith("http");
                    assertThat(Long.parseLong(enclosure.getAttributeValue("length"))).as("non-negative length").isNotNegative();
                    assertThat(enclosure.getAttributeValue("type")).matches("[a-z]+/[a-z0-9.+-]+");
                }
                if (item.getChild("source") != null) {
                    assertThat(item.getChild("source").getAttributeValue("url")).startsWith(BASE + "/source/");
                }
            }
            Element feed = xml(list + "/atom.xml").getRootElement();
            assertThat(feed.getChildText("id", ATOM)).startsWith("https://");
            assertThat(feed.getChildText("title", ATOM)).isNotBlank();
            assertThat(feed.getChildText("updated", ATOM)).matches(FeedWritersTest.RFC3339);
            assertThat(feed.getChildren("author", ATOM)).as("the feed's author stands for entries without one").isNotEmpty();
            for (Element entry : feed.getChildren("entry", ATOM)) {
                assertThat(entry.getChildText("id", ATOM)).startsWith(BASE + "/articles/");
                assertThat(entry.getChildText("title", ATOM)).isNotBlank();
                assertThat(entry.getChildText("updated", ATOM)).matches(FeedWritersTest.RFC3339);
                assertThat(entry.getChildText("published", ATOM)).matches(FeedWritersTest.RFC3339);
                assertThat(OffsetDateTime.parse(entry.getChildText("published", ATOM)))
                        .isBeforeOrEqualTo(OffsetDateTime.parse(entry.getChildText("updated", ATOM)));
                assertThat(entry.getChildren("link", ATOM)).anySatisfy(l -> assertThat(l.getAttributeValue("rel")).isEqualTo("alternate"));
            }
        }
    }

    @Test
    void everyFeedIsWellFormedWithItsContentTypeCacheControlAndValidators() throws Exception {
        long source = sources.byName("证券时报").orElseThrow().id();
        for (String list : List.of("", "/channel/%E8%B4%A2%E7%BB%8F", "/tag/%E5%AE%9D%E5%B1%B1", "/source/" + source)) {
            for (String file : List.of("feed.xml", "atom.xml", "feed.json")) {
                String path = list + "/" + file;
                HttpResponse<String> response = get(path, Map.of());
                assertThat(response.statusCode()).as(path).isEqualTo(200);
                String type = response.headers().firstValue("Content-Type").orElseThrow();
                switch (file) {
                    case "feed.xml" -> assertThat(type).as(path).isEqualToIgnoringCase("application/rss+xml;charset=UTF-8");
                    case "atom.xml" -> assertThat(type).as(path).isEqualToIgnoringCase("application/atom+xml;charset=UTF-8");
                    default -> assertThat(type).as(path).isEqualTo("application/feed+json");
                }
                assertThat(response.headers().firstValue("Cache-Control")).as(path).hasValue("max-age=300, public");
                assertThat(response.headers().firstValue("ETag")).as(path).hasValueSatisfying(etag -> assertThat(etag).matches("W/\"[0-9a-f]{32}\""));
                assertThat(response.headers().firstValue("Last-Modified")).as(path).isPresent();
                if (file.endsWith(".xml")) {
                    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                    factory.setNamespaceAware(true);
                    factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
                } else {
                    assertThat(json.readTree(response.body()).get("items").isEmpty()).as(path).isFalse();
                }
            }
        }
    }

    @Test
    void channelTagAndSourceFeedsListOnlyTheirOwnArticles() throws Exception {
        List<String> finance = seedNewestFirst.stream().map(Map.Entry::getKey).filter(t -> channelOfTitle.get(t).equals("财经")).limit(20).toList();
        assertThat(finance).hasSizeGreaterThan(10);
        SyndFeed channel = rome("/channel/%E8%B4%A2%E7%BB%8F/feed.xml");
        assertThat(channel.getEntries()).extracting(SyndEntry::getTitle).containsExactlyElementsOf(finance);
        assertThat(channel.getTitle()).isEqualTo("财经 — 报头新闻");
        assertThat(channel.getLink()).isEqualTo(BASE + "/channel/%E8%B4%A2%E7%BB%8F");
        assertThat(channel.getEntries()).allSatisfy(e -> assertThat(e.getCategories().getFirst().getName()).isEqualTo("财经"));

        SyndFeed tag = rome("/tag/%E5%AE%9D%E5%B1%B1/atom.xml");
        assertThat(tag.getEntries()).extracting(SyndEntry::getTitle).containsExactly("宝山教育高质量发展推进会召开,重磅发布三大专项方案");
        assertThat(tag.getEntries().getFirst().getCategories()).extracting(c -> c.getName()).containsExactly("行业动态", "宝山", "教育");

        long securitiesTimes = sources.byName("证券时报").orElseThrow().id();
        JsonNode source = jsonFeed("/source/" + securitiesTimes + "/feed.json");
        assertThat(source.get("items").valueStream().map(i -> i.get("title").asString())).containsExactly(
                "25股业绩连续亏损 最新紧急避雷股出炉(名单)",
                "均瑶健康:上半年营收增110% 益生菌产能拉满龙头效应渐显",
                "峨眉电影集团原党委书记、董事长何世平被查");
        assertThat(source.get("title").asString()).isEqualTo("证券时报 — 报头新闻");
    }

    @Test
    void datesAreRfc822AndRfc3339WithTheSiteZoneOffset() throws Exception {
        Element channel = xml("/feed.xml").getRootElement().getChild("channel");
        List<Element> items = channel.getChildren("item");
        assertThat(items.getFirst().getChildText("pubDate")).isEqualTo("Tue, 29 Aug 2023 09:18:41 +0800");
        for (Element item : items) {
            assertThat(item.getChildText("pubDate")).matches(FeedWritersTest.RFC2822).endsWith(" +0800");
        }
        assertThat(channel.getChildText("lastBuildDate")).matches(FeedWritersTest.RFC2822).endsWith(" +0800");

        Element first = xml("/atom.xml").getRootElement().getChild("entry", ATOM);
        assertThat(first.getChildText("published", ATOM)).isEqualTo("2023-08-29T09:18:41+08:00");
        assertThat(first.getChildText("updated", ATOM)).matches(FeedWritersTest.RFC3339).endsWith("+08:00");
        assertThat(xml("/atom.xml").getRootElement().getChildText("updated", ATOM)).matches(FeedWritersTest.RFC3339).endsWith("+08:00");
        assertThat(jsonFeed("/feed.json").get("items").get(0).get("date_published").asString()).isEqualTo("2023-08-29T09:18:41+08:00");
    }

    @Test
    void itemsNameTheirPublisherAndAuthors() throws Exception {
        long xinmin = sources.byName("新民晚报").orElseThrow().id();
        List<Element> items = xml("/feed.xml").getRootElement().getChild("channel").getChildren("item");
        Element baoshan = items.getFirst();
        assertThat(baoshan.getChildText("source")).isEqualTo("新民晚报");
        assertThat(baoshan.getChild("source").getAttributeValue("url")).isEqualTo(BASE + "/source/" + xinmin + "/feed.xml");
        assertThat(baoshan.getChildren("creator", DC)).extracting(Element::getText).containsExactly("余婧瑶", "李金珽", "卢毅");
        assertThat(items.get(1).getChild("source")).as("the second seed article names no publisher").isNull();
        assertThat(items.get(1).getChildren("creator", DC)).isEmpty();
        // The publisher's feed named in <source url> exists (on this server, under the configured base URL).
        assertThat(rome("/source/" + xinmin + "/feed.xml").getEntries()).extracting(SyndEntry::getTitle)
                .containsExactly("宝山教育高质量发展推进会召开,重磅发布三大专项方案");
        SyndEntry read = rome("/feed.xml").getEntries().getFirst();
        assertThat(((DCModule) read.getModule(DCModule.URI)).getCreators()).containsExactly("余婧瑶", "李金珽", "卢毅");
        assertThat(rome("/atom.xml").getEntries().getFirst().getAuthors()).extracting(p -> p.getName()).containsExactly("余婧瑶", "李金珽", "卢毅");
    }

    @Test
    void coverImagesBecomeEnclosuresWithAbsoluteAddressesAndGuessedTypes() throws Exception {
        for (String file : List.of("/feed.xml", "/atom.xml")) {
            Map<String, SyndEntry> byTitle = new HashMap<>();
            rome(TEST_CHANNEL + file).getEntries().forEach(e -> byTitle.put(e.getTitle(), e));
            assertThat(byTitle.get("封面图片(相对地址)").getEnclosures()).as(file).extracting(SyndEnclosure::getUrl, SyndEnclosure::getType)
                    .containsExactly(tuple(BASE + "/media/2023/cover.jpg", "image/jpeg"));
            assertThat(byTitle.get("封面图片(绝对地址)").getEnclosures()).as(file).extracting(SyndEnclosure::getUrl, SyndEnclosure::getType)
                    .containsExactly(tuple("https://img.example.cn/c.png?w=640", "image/png"));
            assertThat(byTitle.get(HOSTILE_TITLE_CLEANED).getEnclosures()).isEmpty();
        }
        Element enclosure = xml(TEST_CHANNEL + "/feed.xml").getRootElement().getChild("channel").getChildren("item").getFirst().getChild("enclosure");
        assertThat(enclosure.getAttributeValue("length")).isEqualTo("0");
        assertThat(jsonFeed(TEST_CHANNEL + "/feed.json").get("items").get(0).get("image").asString()).isEqualTo(BASE + "/media/2023/cover.jpg");
    }

    @Test
    void hostileTitlesAreEscapedAndCharactersXmlForbidsAreDropped() throws Exception {
        for (String file : List.of("/feed.xml", "/atom.xml")) {
            String body = get(TEST_CHANNEL + file, Map.of()).body();
            assertThat(body).doesNotContain("<script>").contains("&lt;script&gt;alert('报头')&lt;/script&gt; &amp; “引号”尾");
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
            assertThat(rome(TEST_CHANNEL + file).getEntries()).extracting(SyndEntry::getTitle).contains(HOSTILE_TITLE_CLEANED);
        }
        Element item = xml(TEST_CHANNEL + "/feed.xml").getRootElement().getChild("channel").getChildren("item").get(2);
        assertThat(item.getChildText("title")).isEqualTo(HOSTILE_TITLE_CLEANED);
        assertThat(item.getChildText("description")).as("plain text, escaped once as HTML").isEqualTo("摘要&lt;b&gt;加粗&lt;/b&gt; &amp; 结尾");
        assertThat(jsonFeed(TEST_CHANNEL + "/feed.json").get("items").get(2).get("title").asString()).isEqualTo(HOSTILE_TITLE_CLEANED);
    }

    @Test
    void guidsStayTheSameAcrossFetchesAndWhenTheArticleIsUpdated() throws Exception {
        importLine(article("改标题之前", "2023-08-19T10:00:00+08:00", "https://example.cn/feed-it/retitled"));
        String rssBefore = guidOf(TEST_CHANNEL + "/feed.xml", "改标题之前");
        assertThat(guidOf(TEST_CHANNEL + "/feed.xml", "改标题之前")).isEqualTo(rssBefore);
        String atomBefore = uriOf(TEST_CHANNEL + "/atom.xml", "改标题之前");
        String jsonBefore = jsonIdOf("改标题之前");
        HttpResponse<String> before = get(TEST_CHANNEL + "/feed.xml", Map.of());

        JsonNode result = importLine(article("改标题之后", "2023-08-19T10:00:00+08:00", "https://example.cn/feed-it/retitled"));
        assertThat(result.get("status").asString()).isEqualTo("updated");

        assertThat(rssBefore).isEqualTo(BASE + "/articles/" + result.get("id").asLong());
        assertThat(guidOf(TEST_CHANNEL + "/feed.xml", "改标题之后")).isEqualTo(rssBefore);
        assertThat(uriOf(TEST_CHANNEL + "/atom.xml", "改标题之后")).isEqualTo(atomBefore).isEqualTo(rssBefore);
        assertThat(jsonIdOf("改标题之后")).isEqualTo(jsonBefore).isEqualTo(rssBefore);
        assertThat(rome(TEST_CHANNEL + "/feed.xml").getEntries()).extracting(SyndEntry::getTitle).doesNotContain("改标题之前");
        HttpResponse<String> after = get(TEST_CHANNEL + "/feed.xml", Map.of());
        assertThat(after.headers().firstValue("ETag")).isNotEqualTo(before.headers().firstValue("ETag"));
        assertThat(get(TEST_CHANNEL + "/feed.xml", Map.of("If-None-Match", before.headers().firstValue("ETag").orElseThrow())).statusCode())
                .as("a changed feed is sent again").isEqualTo(200);
    }

    @Test
    void aFeedReaderThatAsksAgainGetsNotModified() {
        for (String path : List.of("/feed.xml", "/atom.xml", "/feed.json", "/tag/%E5%AE%9D%E5%B1%B1/feed.xml")) {
            HttpResponse<String> first = get(path, Map.of());
            String etag = first.headers().firstValue("ETag").orElseThrow();
            String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
            assertThat(get(path, Map.of()).headers().firstValue("ETag")).as("same bytes, same tag: " + path).hasValue(etag);

            HttpResponse<String> byTag = get(path, Map.of("If-None-Match", etag));
            assertThat(byTag.statusCode()).as(path).isEqualTo(304);
            assertThat(byTag.body()).isEmpty();
            assertThat(byTag.headers().firstValue("ETag")).hasValue(etag);
            assertThat(byTag.headers().firstValue("Cache-Control")).hasValue("max-age=300, public");

            HttpResponse<String> byDate = get(path, Map.of("If-Modified-Since", lastModified));
            assertThat(byDate.statusCode()).as(path).isEqualTo(304);
            assertThat(byDate.body()).isEmpty();

            String anHourEarlier = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.parse(lastModified, DateTimeFormatter.RFC_1123_DATE_TIME).minusHours(1));
            assertThat(get(path, Map.of("If-Modified-Since", anHourEarlier)).statusCode()).as(path).isEqualTo(200);
            assertThat(get(path, Map.of("If-None-Match", "W/\"0123456789abcdef0123456789abcdef\"")).statusCode()).as(path).isEqualTo(200);
        }
    }

    @Test
    void lastModifiedIsTheNewestChangeAmongTheItems() throws Exception {
        HttpResponse<String> response = get(TEST_CHANNEL + "/atom.xml", Map.of());
        ZonedDateTime lastModified = ZonedDateTime.parse(response.headers().firstValue("Last-Modified").orElseThrow(), DateTimeFormatter.RFC_1123_DATE_TIME);
        OffsetDateTime newest = new SAXBuilder().build(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8))).getRootElement()
                .getChildren("entry", ATOM).stream().map(e -> OffsetDateTime.parse(e.getChildText("updated", ATOM)))
                .max(Comparator.naturalOrder()).orElseThrow();
        assertThat(lastModified.toInstant()).isEqualTo(newest.toInstant());
    }

    @Test
    void unknownListsAnswer404InJson() {
        for (String path : List.of("/channel/nope/feed.xml", "/tag/nope/atom.xml", "/source/99999/feed.json", "/source/abc/feed.xml",
                "/source/99999999999999999999/atom.xml")) {
            HttpResponse<String> response = get(path, Map.of());
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
            assertThat(json.readTree(response.body()).get("status").asInt()).as(path).isEqualTo(404);
        }
    }

    private String guidOf(String path, String title) throws Exception {
        return xml(path).getRootElement().getChild("channel").getChildren("item").stream().filter(i -> i.getChildText("title").equals(title))
                .map(i -> i.getChildText("guid")).findFirst().orElseThrow();
    }

    private String uriOf(String path, String title) throws Exception {
        return rome(path).getEntries().stream().filter(e -> e.getTitle().equals(title)).map(SyndEntry::getUri).findFirst().orElseThrow();
    }

    private String jsonIdOf(String title) {
        return jsonFeed(TEST_CHANNEL + "/feed.json").get("items").valueStream().filter(i -> i.get("title").asString().equals(title))
                .map(i -> i.get("id").asString()).findFirst().orElseThrow();
    }

    private ObjectNode article(String title, String publishedAt, String originalUrl) {
        ObjectNode article = json.createObjectNode();
        article.put("title", title);
        article.put("body", "<p>" + title.replace("<", "&lt;") + "的正文。</p>");
        article.put("publishedAt", publishedAt);
        article.put("originalUrl", originalUrl);
        article.put("channel", "测试");
        return article;
    }

    private JsonNode importLine(ObjectNode article) {
        HttpResponse<String> response = TestSites.importAsAdmin(port, json.writeValueAsString(article));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = json.readTree(response.body()).get("results").get(0);
        assertThat(result.get("status").asString()).as(result.toString()).isIn("created", "updated");
        return result;
    }

    private SyndFeed rome(String path) throws Exception {
        HttpResponse<String> response = get(path, Map.of());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8))));
    }

    private Document xml(String path) throws Exception {
        HttpResponse<String> response = get(path, Map.of());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return new SAXBuilder().build(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
    }

    private JsonNode jsonFeed(String path) {
        HttpResponse<String> response = get(path, Map.of());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        headers.forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
