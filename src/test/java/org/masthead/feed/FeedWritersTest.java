package org.masthead.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.input.SAXBuilder;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The three writers on hand-made feeds: what each format must say, and what hostile text must not break. */
class FeedWritersTest {

    /** The W3C feed validator's rule for RSS dates (feedvalidator validators.py, rfc822.rfc2822_re). */
    static final Pattern RFC2822 = Pattern.compile("(((Mon)|(Tue)|(Wed)|(Thu)|(Fri)|(Sat)|(Sun)), )?"
            + "\\d\\d? ((Jan)|(Feb)|(Mar)|(Apr)|(May)|(Jun)|(Jul)|(Aug)|(Sep)|(Oct)|(Nov)|(Dec)) \\d\\d\\d\\d \\d\\d:\\d\\d(:\\d\\d)? "
            + "(([+-]?\\d\\d[03]0)|(UT)|(GMT)|(EST)|(EDT)|(CST)|(CDT)|(MST)|(MDT)|(PST)|(PDT)|Z)");
    static final Pattern RFC3339 = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?(Z|[+-]\\d\\d:\\d\\d)");
    static final Namespace ATOM = Namespace.getNamespace("http://www.w3.org/2005/Atom");
    static final Namespace DC = Namespace.getNamespace("http://purl.org/dc/elements/1.1/");
    static final Namespace CONTENT = Namespace.getNamespace("http://purl.org/rss/1.0/modules/content/");
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    static final String HOSTILE_TITLE = "<script>alert(\"x\")</script> & 股价\u0001\u0008\u000B\u001F\uFFFE\uD800涨";
    static final String HOSTILE_TITLE_CLEANED = "<script>alert(\"x\")</script> & 股价涨";

    static final FeedContent.Entry BAOSHAN = new FeedContent.Entry(
            "https://news.example.cn/articles/1",
            "宝山教育高质量发展推进会召开,重磅发布三大专项方案",
            "8月28日下午,宝山教育高质量发展推进会召开…",
            null,
            Instant.parse("2023-08-29T01:18:41Z"),
            Instant.parse("2026-11-29T03:00:00.123Z"),
            List.of("余婧瑶", "李金珽", "卢毅"),
            List.of("行业动态", "宝山", "教育"),
            new FeedContent.Publisher("新民晚报", "https://news.example.cn/source/7/feed.xml", "https://www.xinmin.cn/"),
            "https://www.xinmin.cn/seed/baoshan-education",
            FeedContent.Image.of("https://img.example.cn/2023/08/29/baoshan.jpg"));

    static final FeedContent.Entry HOSTILE = new FeedContent.Entry(
            "https://news.example.cn/articles/2",
            HOSTILE_TITLE,
            "a<b>c</b> & d\u0007",
            null,
            Instant.parse("2023-08-28T14:32:01Z"),
            Instant.parse("2023-08-28T14:32:01Z"),
            List.of(),
            List.of(),
            null,
            null,
            null);

    final RssWriter rss = new RssWriter();
    final AtomWriter atom = new AtomWriter();
    final JsonFeedWriter json = new JsonFeedWriter(JsonMapper.builder().build());

    static FeedContent feed(FeedContent.Entry... entries) {
        return new FeedContent("财经 — 报头新闻", "栏目「财经」的最新文章", "https://news.example.cn/channel/%E8%B4%A2%E7%BB%8F",
                "https://news.example.cn/channel/%E8%B4%A2%E7%BB%8F", Locale.SIMPLIFIED_CHINESE, "报头新闻",
                Instant.parse("2026-11-29T03:00:00.123Z"), SHANGHAI, List.of(entries));
    }

    @Test
    void rssChannelHasTitleLinkDescriptionLanguageSelfLinkAndLastBuildDateInTheSiteZone() throws Exception {
        Element channel = parse(rss.write(feed(BAOSHAN))).getRootElement().getChild("channel");

        assertThat(channel.getChildText("title")).isEqualTo("财经 — 报头新闻");
        assertThat(channel.getChildText("link")).isEqualTo("https://news.example.cn/channel/%E8%B4%A2%E7%BB%8F");
        assertThat(channel.getChildText("description")).isEqualTo("栏目「财经」的最新文章");
        assertThat(channel.getChildText("language")).isEqualTo("zh-CN");
        assertThat(channel.getChildText("lastBuildDate")).isEqualTo("Sun, 29 Nov 2026 11:00:00 +0800").matches(RFC2822);
        Element self = channel.getChild("link", ATOM);
        assertThat(self.getAttributeValue("rel")).isEqualTo("self");
        assertThat(self.getAttributeValue("href")).isEqualTo("https://news.example.cn/channel/%E8%B4%A2%E7%BB%8F/feed.xml");
        assertThat(self.getAttributeValue("type")).isEqualTo("application/rss+xml");
    }

    @Test
    void rssItemHasPermalinkGuidZonedDateCreatorsSourceEnclosureAndCategories() throws Exception {
        Element item = parse(rss.write(feed(BAOSHAN))).getRootElement().getChild("channel").getChild("item");

        assertThat(item.getChildText("title")).isEqualTo(BAOSHAN.title());
        assertThat(item.getChildText("link")).isEqualTo("https://news.example.cn/articles/1");
        assertThat(item.getChildText("guid")).isEqualTo("https://news.example.cn/articles/1");
        assertThat(item.getChild("guid").getAttributeValue("isPermaLink")).isEqualTo("true");
        assertThat(item.getChildText("pubDate")).isEqualTo("Tue, 29 Aug 2023 09:18:41 +0800").matches(RFC2822);
        assertThat(item.getChildren("creator", DC)).extracting(Element::getText).containsExactly("余婧瑶", "李金珽", "卢毅");
        assertThat(item.getChild("author")).as("RSS author must be an e-mail address").isNull();
        Element source = item.getChild("source");
        assertThat(source.getText()).isEqualTo("新民晚报");
        assertThat(source.getAttributeValue("url")).isEqualTo("https://news.example.cn/source/7/feed.xml");
        Element enclosure = item.getChild("enclosure");
        assertThat(enclosure.getAttributeValue("url")).isEqualTo("https://img.example.cn/2023/08/29/baoshan.jpg");
        assertThat(enclosure.getAttributeValue("type")).isEqualTo("image/jpeg");
        assertThat(enclosure.getAttributeValue("length")).as("unknown size: 0, as the RSS profile and W3C validator ask").isEqualTo("0");
        assertThat(item.getChildren("category")).extracting(Element::getText).containsExactly("行业动态", "宝山", "教育");
        assertThat(item.getChildText("description")).isEqualTo(BAOSHAN.summary());
        assertThat(item.getChild("encoded", CONTENT)).as("summaries only").isNull();
    }

    @Test
    void rssDescriptionIsHtmlSoPlainTextIsEscapedAsHtmlAndFullTextGoesToContentEncoded() throws Exception {
        FeedContent.Entry full = new FeedContent.Entry(BAOSHAN.url(), BAOSHAN.title(), "一<二>三", "<p>正文 <a href=\"https://x.cn/\">链接</a></p>",
                BAOSHAN.published(), BAOSHAN.updated(), List.of(), List.of(), null, null, null);
        Element item = parse(rss.write(feed(full))).getRootElement().getChild("channel").getChild("item");

        assertThat(item.getChildText("description")).isEqualTo("一&lt;二&gt;三");
        assertThat(item.getChildText("encoded", CONTENT)).isEqualTo("<p>正文 <a href=\"https://x.cn/\">链接</a></p>");
    }

    @Test
    void atomFeedHasIdTitleUpdatedAuthorLanguageAndLinks() throws Exception {
        Element root = parse(atom.write(feed(BAOSHAN))).getRootElement();

        assertThat(root.getNamespace()).isEqualTo(ATOM);
        assertThat(root.getAttributeValue("lang", Namespace.XML_NAMESPACE)).isEqualTo("zh-CN");
        assertThat(root.getChildText("id", ATOM)).isEqualTo("https://news.example.cn/channel/%E8%B4%A2%E7%BB%8F/atom.xml");
        assertThat(root.getChildText("title", ATOM)).isEqualTo("财经 — 报头新闻");
        assertThat(root.getChildText("updated", ATOM)).isEqualTo("2026-11-29T11:00:00+08:00").matches(RFC3339);
        assertThat(root.getChild("author", ATOM).getChildText("name", ATOM)).isEqualTo("报头新闻");
        assertThat(root.getChildren("link", ATOM)).extracting(l -> l.getAttributeValue("rel") + " " + l.getAttributeValue("href"))
                .containsExactlyInAnyOrder("alternate https://news.example.cn/channel/%E8%B4%A2%E7%BB%8F",
                        "self https://news.example.cn/channel/%E8%B4%A2%E7%BB%8F/atom.xml");
    }

    @Test
    void atomEntryHasIdPublishedUpdatedAuthorsSummaryEnclosureAndVia() throws Exception {
        Element entry = parse(atom.write(feed(BAOSHAN))).getRootElement().getChild("entry", ATOM);

        assertThat(entry.getChildText("id", ATOM)).isEqualTo("https://news.example.cn/articles/1");
        assertThat(entry.getChildText("published", ATOM)).isEqualTo("2023-08-29T09:18:41+08:00").matches(RFC3339);
        assertThat(entry.getChildText("updated", ATOM)).isEqualTo("2026-11-29T11:00:00+08:00").matches(RFC3339);
        assertThat(entry.getChildren("author", ATOM)).extracting(a -> a.getChildText("name", ATOM)).containsExactly("余婧瑶", "李金珽", "卢毅");
        assertThat(entry.getChild("summary", ATOM).getAttributeValue("type")).isEqualTo("text");
        assertThat(entry.getChildText("summary", ATOM)).isEqualTo(BAOSHAN.summary());
        assertThat(entry.getChild("content", ATOM)).isNull();
        assertThat(entry.getChildren("link", ATOM)).extracting(l -> l.getAttributeValue("rel") + " " + l.getAttributeValue("href") + " "
                + l.getAttributeValue("type")).containsExactlyInAnyOrder(
                        "alternate https://news.example.cn/articles/1 text/html",
                        "enclosure https://img.example.cn/2023/08/29/baoshan.jpg image/jpeg",
                        "via https://www.xinmin.cn/seed/baoshan-education null");
        assertThat(entry.getChildren("category", ATOM)).extracting(c -> c.getAttributeValue("term")).containsExactly("行业动态", "宝山", "教育");
    }

    @Test
    void romeReadsBackWhatItWrote() throws Exception {
        for (byte[] bytes : List.of(rss.write(feed(BAOSHAN, HOSTILE)), atom.write(feed(BAOSHAN, HOSTILE)))) {
            SyndFeed read = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(bytes)));
            assertThat(read.getEntries()).extracting(SyndEntry::getTitle).containsExactly(BAOSHAN.title(), HOSTILE_TITLE_CLEANED);
            SyndEntry first = read.getEntries().getFirst();
            assertThat(first.getUri()).isEqualTo("https://news.example.cn/articles/1");
            assertThat(first.getLink()).isEqualTo("https://news.example.cn/articles/1");
            assertThat(first.getPublishedDate().toInstant()).isEqualTo("2023-08-29T01:18:41Z");
            assertThat(first.getEnclosures()).singleElement().satisfies(e -> {
                assertThat(e.getUrl()).isEqualTo("https://img.example.cn/2023/08/29/baoshan.jpg");
                assertThat(e.getType()).isEqualTo("image/jpeg");
            });
            List<String> authors = read.getFeedType().startsWith("rss")
                    ? ((DCModule) first.getModule(DCModule.URI)).getCreators()
                    : first.getAuthors().stream().map(SyndPerson::getName).toList();
            assertThat(authors).containsExactly("余婧瑶", "李金珽", "卢毅");
        }
    }

    @Test
    void hostileTitlesAreEscapedAndCharactersXmlForbidsAreDropped() throws Exception {
        byte[] rssBytes = rss.write(feed(HOSTILE));
        byte[] atomBytes = atom.write(feed(HOSTILE));
        for (byte[] bytes : List.of(rssBytes, atomBytes)) {
            String xml = new String(bytes, StandardCharsets.UTF_8);
            assertThat(xml).doesNotContain("<script>").contains("&lt;script&gt;").contains("&amp; 股价涨");
            assertThat(xml.chars().filter(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')).isEmpty();
            // A strict parser (the JDK's) reads it: well-formed XML 1.0.
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            assertThat(factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes)).getDocumentElement()).isNotNull();
        }
        Element item = parse(rssBytes).getRootElement().getChild("channel").getChild("item");
        assertThat(item.getChildText("title")).isEqualTo(HOSTILE_TITLE_CLEANED);
        assertThat(item.getChildText("description")).isEqualTo("a&lt;b&gt;c&lt;/b&gt; &amp; d");
        assertThat(item.getChild("source")).as("no publisher known").isNull();
        assertThat(item.getChild("enclosure")).isNull();
        Element entry = parse(atomBytes).getRootElement().getChild("entry", ATOM);
        assertThat(entry.getChildText("title", ATOM)).isEqualTo(HOSTILE_TITLE_CLEANED);
        assertThat(entry.getChildText("summary", ATOM)).isEqualTo("a<b>c</b> & d");

        JsonNode read = JsonMapper.builder().build().readTree(json.write(feed(HOSTILE)));
        assertThat(read.get("items").get(0).get("title").asString()).isEqualTo(HOSTILE_TITLE_CLEANED);
    }

    @Test
    void jsonFeedFollowsVersionOnePointOne() {
        JsonNode read = JsonMapper.builder().build().readTree(json.write(feed(BAOSHAN)));

        assertThat(read.get("version").asString()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(read.propertyNames().iterator().next()).as("version comes first").isEqualTo("version");
        assertThat(read.get("title").asString()).isEqualTo("财经 — 报头新闻");
        assertThat(read.get("home_page_url").asString()).isEqualTo("https://news.example.cn/channel/%E8%B4%A2%E7%BB%8F");
        assertThat(read.get("feed_url").asString()).isEqualTo("https://news.example.cn/channel/%E8%B4%A2%E7%BB%8F/feed.json");
        assertThat(read.get("language").asString()).isEqualTo("zh-CN");
        assertThat(read.get("authors").get(0).get("name").asString()).isEqualTo("报头新闻");
        JsonNode item = read.get("items").get(0);
        assertThat(item.get("id").asString()).isEqualTo("https://news.example.cn/articles/1");
        assertThat(item.get("url").asString()).isEqualTo("https://news.example.cn/articles/1");
        assertThat(item.get("external_url").asString()).isEqualTo("https://www.xinmin.cn/seed/baoshan-education");
        assertThat(item.get("title").asString()).isEqualTo(BAOSHAN.title());
        assertThat(item.get("content_text").asString()).isEqualTo(BAOSHAN.summary());
        assertThat(item.has("content_html")).isFalse();
        assertThat(item.get("summary").asString()).isEqualTo(BAOSHAN.summary());
        assertThat(item.get("image").asString()).isEqualTo("https://img.example.cn/2023/08/29/baoshan.jpg");
        assertThat(item.get("date_published").asString()).isEqualTo("2023-08-29T09:18:41+08:00").matches(RFC3339);
        assertThat(item.get("date_modified").asString()).isEqualTo("2026-11-29T11:00:00+08:00");
        assertThat(item.get("authors").valueStream().map(a -> a.get("name").asString())).containsExactly("余婧瑶", "李金珽", "卢毅");
        assertThat(item.get("tags").valueStream().map(JsonNode::asString)).containsExactly("行业动态", "宝山", "教育");
        assertThat(item.get("_masthead_source").get("name").asString()).isEqualTo("新民晚报");
    }

    @Test
    void jsonFeedCarriesContentHtmlWhenFullText() {
        FeedContent.Entry full = new FeedContent.Entry(BAOSHAN.url(), BAOSHAN.title(), "摘要", "<p>正文</p>", BAOSHAN.published(),
                BAOSHAN.updated(), List.of(), List.of(), null, null, null);
        JsonNode item = JsonMapper.builder().build().readTree(json.write(feed(full))).get("items").get(0);

        assertThat(item.get("content_html").asString()).isEqualTo("<p>正文</p>");
        assertThat(item.has("content_text")).isFalse();
        assertThat(item.get("summary").asString()).isEqualTo("摘要");
        assertThat(item.has("authors")).isFalse();
    }

    @Test
    void anEmptyFeedIsStillValid() throws Exception {
        FeedContent empty = new FeedContent("标签 — 报头新闻", "无文章", "https://news.example.cn/tag/x", "https://news.example.cn/tag/x",
                Locale.SIMPLIFIED_CHINESE, "报头新闻", null, SHANGHAI, List.of());

        Element channel = parse(rss.write(empty)).getRootElement().getChild("channel");
        assertThat(channel.getChildren("item")).isEmpty();
        assertThat(channel.getChild("lastBuildDate")).isNull();
        Element root = parse(atom.write(empty)).getRootElement();
        assertThat(root.getChildText("updated", ATOM)).matches(RFC3339);
        assertThat(root.getChildren("entry", ATOM)).isEmpty();
        assertThat(JsonMapper.builder().build().readTree(json.write(empty)).get("items").isEmpty()).isTrue();
    }

    @Test
    void datesAreWrittenInTheGivenZone() {
        Instant instant = Instant.parse("2023-08-03T01:02:03.999Z");

        assertThat(FeedDates.rfc822(instant, SHANGHAI)).isEqualTo("Thu, 3 Aug 2023 09:02:03 +0800").matches(RFC2822);
        assertThat(FeedDates.rfc822(instant, ZoneId.of("UTC"))).isEqualTo("Thu, 3 Aug 2023 01:02:03 GMT").matches(RFC2822);
        assertThat(FeedDates.rfc3339(instant, SHANGHAI)).isEqualTo("2023-08-03T09:02:03+08:00");
        assertThat(FeedDates.rfc3339(instant, ZoneId.of("America/New_York"))).isEqualTo("2023-08-02T21:02:03-04:00");
    }

    @Test
    void imageTypesAreGuessedFromTheExtensionOnly() {
        assertThat(FeedContent.Image.of("https://img.example.cn/a/B.JPG?w=640#top").type()).isEqualTo("image/jpeg");
        assertThat(FeedContent.Image.of("/media/2023/cover.png").type()).isEqualTo("image/png");
        assertThat(FeedContent.Image.of("https://img.example.cn/a.webp").type()).isEqualTo("image/webp");
        assertThat(FeedContent.Image.of("https://img.example.cn/photo.d/file").type()).isNull();
        assertThat(FeedContent.Image.of("https://img.example.cn/image?id=3.jpg").type()).as("the query is not the file").isNull();
        assertThat(FeedContent.Image.of("https://img.example.cn/clip.mp4").type()).isNull();
    }

    @Test
    void anImageOfUnknownTypeIsNoRssEnclosureButAnAtomLinkWithoutType() throws Exception {
        FeedContent.Entry unknown = new FeedContent.Entry(BAOSHAN.url(), BAOSHAN.title(), "摘要", null, BAOSHAN.published(), BAOSHAN.updated(),
                List.of(), List.of(), null, null, FeedContent.Image.of("https://img.example.cn/image?id=3"));

        assertThat(parse(rss.write(feed(unknown))).getRootElement().getChild("channel").getChild("item").getChild("enclosure")).isNull();
        Element entry = parse(atom.write(feed(unknown))).getRootElement().getChild("entry", ATOM);
        assertThat(entry.getChildren("link", ATOM)).filteredOn(l -> "enclosure".equals(l.getAttributeValue("rel"))).singleElement()
                .satisfies(l -> assertThat(l.getAttributeValue("type")).isNull());
    }

    @Test
    void cleaningKeepsEverythingXmlAllows() {
        String allowed = "中文\t\n\r emoji 😀 𠮷 \uE000 \uFFFD";
        assertThat(FeedText.clean(allowed)).isSameAs(allowed);
        assertThat(FeedText.clean("a\u0000b\u001Fc\uFFFFd\uDC00e")).isEqualTo("abcde");
        assertThat(FeedText.clean(null)).isNull();
    }

    private static Document parse(byte[] bytes) throws Exception {
        return new SAXBuilder().build(new ByteArrayInputStream(bytes));
    }
}
