package org.masthead.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class FeedParsingTest {

    static final Instant NOW = Instant.parse("2023-08-29T02:00:00Z");
    final FeedParsing parsing = new FeedParsing(Clock.fixed(NOW, ZoneOffset.UTC), ZoneId.of("Asia/Shanghai"));
    static final URI BASE = URI.create("https://news.example.cn/rss.xml");

    @Test
    void externalEntitiesAreNeverResolved() throws Exception {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<rss version=\"2.0\"><channel><title>t</title><item><title>a&xxe;b</title><link>https://news.example.cn/1</link><description>x</description></item></channel></rss>";
        try {
            ParsedFeed feed = parsing.parse(xxe, BASE);
            assertThat(feed.items()).allSatisfy(i -> assertThat(i.title()).doesNotContain("root:"));
        } catch (FeedParseException e) {
            assertThat(e.getMessage()).contains("xxe");
        }
    }

    @Test
    void aBillionLaughsIsRejectedQuickly() {
        StringBuilder doc = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i < 10; i++) {
            doc.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">");
        }
        doc.append("]><rss version=\"2.0\"><channel><title>&lol9;</title></channel></rss>");
        long started = System.nanoTime();

        assertThatThrownBy(() -> parsing.parse(doc.toString(), BASE)).isInstanceOf(FeedParseException.class);
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(2_000);
    }

    @Test
    void readsAtomTextAsTextAndMakesLinksAbsolute() throws Exception {
        String atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>科技</title><link href=\"https://tech.example.cn/\"/>"
                + "<entry><id>tag:tech.example.cn,2023:1</id><title>芯片</title><link href=\"/a/1.html\"/><updated>2023-08-29T01:00:00Z</updated>"
                + "<content type=\"text\">价格 &lt;b&gt;上涨&lt;/b&gt; 5%</content><author><name>王五</name></author><category term=\"半导体\"/></entry></feed>";

        ParsedFeed feed = parsing.parse(atom, BASE);

        FeedItem item = feed.items().getFirst();
        assertThat(feed.format()).isEqualTo("atom_1.0");
        assertThat(item.guid()).isEqualTo("tag:tech.example.cn,2023:1");
        assertThat(item.link()).isEqualTo("https://tech.example.cn/a/1.html");
        assertThat(item.contentHtml()).contains("&lt;b&gt;上涨&lt;/b&gt;").doesNotContain("<b>");
        assertThat(item.authors()).containsExactly("王五");
        assertThat(item.categories()).containsExactly("半导体");
        assertThat(item.updatedAt()).isEqualTo(Instant.parse("2023-08-29T01:00:00Z"));
    }

    @Test
    void readsChineseDatesRomeCannotAndHtmlEntitiesXmlLacks() throws Exception {
        String rss = "<rss version=\"2.0\"><channel><title>快讯&nbsp;频道</title>"
                + "<item><title>一</title><link>https://news.example.cn/1</link><description>x</description><pubDate>3分钟前</pubDate></item>"
                + "<item><title>二</title><link>https://news.example.cn/2</link><description>y</description><pubDate>2023年8月28日 23:01</pubDate></item>"
                + "</channel></rss>";

        ParsedFeed feed = parsing.parse(rss, BASE);

        assertThat(feed.title()).isEqualTo("快讯\u00a0频道");
        assertThat(feed.items().get(0).publishedAt()).isEqualTo(NOW.minusSeconds(180));
        assertThat(feed.items().get(1).publishedAt()).isEqualTo(Instant.parse("2023-08-28T15:01:00Z"));
    }

    @Test
    void readsJsonFeedAndRefusesJsonThatIsNot() throws Exception {
        String json = "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"J\",\"home_page_url\":\"https://j.example.cn/\",\"items\":["
                + "{\"id\":1,\"url\":\"/p/1\",\"title\":\"标题\",\"content_text\":\"第一段\\n\\n第二段\",\"date_published\":\"2023-08-29T09:00:00+08:00\","
                + "\"authors\":[{\"name\":\"甲\"}],\"tags\":[\"经济\"],\"image\":\"/i.jpg\"}, 42]}";

        ParsedFeed feed = parsing.parse(json, BASE);

        FeedItem item = feed.items().getFirst();
        assertThat(feed.items()).hasSize(1);
        assertThat(item.guid()).isEqualTo("1");
        assertThat(item.link()).isEqualTo("https://j.example.cn/p/1");
        assertThat(item.contentHtml()).isEqualTo("<p>第一段</p><p>第二段</p>");
        assertThat(item.imageUrl()).isEqualTo("https://j.example.cn/i.jpg");
        assertThatThrownBy(() -> parsing.parse("{\"items\":[]}", BASE)).hasMessageContaining("\"version\" is missing");
        assertThatThrownBy(() -> parsing.parse("hello", BASE)).hasMessageContaining("neither");
        assertThatThrownBy(() -> parsing.parse("<html><body>not a feed</body></html>", BASE)).isInstanceOf(FeedParseException.class);
    }
}
