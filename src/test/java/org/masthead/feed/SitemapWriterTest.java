package org.masthead.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Random;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class SitemapWriterTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void writesTimesAsW3cDatetimesWithTheSiteOffsetAndEveryMillisecond() {
        assertThat(SitemapWriter.w3c(Instant.parse("2023-08-29T01:18:41Z"), SHANGHAI)).isEqualTo("2023-08-29T09:18:41+08:00");
        assertThat(SitemapWriter.w3c(Instant.parse("2023-08-29T01:18:41.120Z"), SHANGHAI)).isEqualTo("2023-08-29T09:18:41.120+08:00");
        assertThat(SitemapWriter.w3c(Instant.parse("2023-08-29T01:18:41.123456Z"), SHANGHAI)).isEqualTo("2023-08-29T09:18:41.123+08:00");
        assertThat(SitemapWriter.w3c(Instant.parse("2023-08-29T01:18:41Z"), ZoneOffset.UTC)).isEqualTo("2023-08-29T01:18:41+00:00");
        assertThat(SitemapWriter.w3c(Instant.parse("2023-03-12T07:30:00Z"), ZoneId.of("America/New_York"))).isEqualTo("2023-03-12T03:30:00-04:00");
        // Shanghai's local mean time (+08:05:43) has seconds no W3C offset can carry: the same instant in UTC
        assertThat(SitemapWriter.w3c(Instant.parse("1880-01-01T00:00:00Z"), SHANGHAI)).isEqualTo("1880-01-01T00:00:00+00:00");
        assertThat(SitemapWriter.w3c(Instant.parse("2023-08-29T01:18:41.999Z"), ZoneId.of("Asia/Kathmandu")))
                .hasSize(SitemapWriter.MAX_TIME_CHARS).isEqualTo("2023-08-29T07:03:41.999+05:45");
    }

    @Test
    void dropsOnlyTheCharactersXmlCannotCarry() {
        assertThat(SitemapWriter.xmlText("报头 A&B <i> \"引号\" 😀\t")).isEqualTo("报头 A&B <i> \"引号\" 😀\t");
        assertThat(SitemapWriter.xmlText("a\u0000b\u0001c\u001Fd\uFFFEe\uFFFFf")).isEqualTo("abcdef");
        assertThat(SitemapWriter.xmlText("lone \uD83D high, lone \uDE00 low, pair \uD83D\uDE00")).isEqualTo("lone  high, lone  low, pair 😀");
        assertThat(SitemapWriter.xmlText(null)).isEmpty();
    }

    @Test
    void escapesTextSoTheNewsFileParsesBackToTheSameTitle() throws Exception {
        String title = "A&B <测试> \"引号\" 😀 \u0001控制符\uFFFE";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SitemapWriter writer = SitemapWriter.start(out, SitemapWriter.Kind.NEWS, SHANGHAI, 10);
        writer.addNews("https://news.example.cn/articles/1", Instant.parse("2023-08-29T01:18:41Z"), "报头&新闻", "zh-cn",
                Instant.parse("2023-08-29T01:00:00Z"), title);
        writer.finish();

        Document doc = parse(out.toByteArray());
        Element url = (Element) doc.getElementsByTagNameNS(SitemapWriter.SITEMAP_NS, "url").item(0);
        assertThat(text(url, SitemapWriter.NEWS_NS, "title")).isEqualTo("A&B <测试> \"引号\" 😀 控制符");
        assertThat(text(url, SitemapWriter.NEWS_NS, "name")).isEqualTo("报头&新闻");
        assertThat(text(url, SitemapWriter.NEWS_NS, "publication_date")).isEqualTo("2023-08-29T09:00:00+08:00");
        assertThat(text(url, SitemapWriter.SITEMAP_NS, "lastmod")).isEqualTo("2023-08-29T09:18:41+08:00");
        assertThat(new String(out.toByteArray(), StandardCharsets.UTF_8))
                .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
                        + "xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">")
                .contains("<news:title>A&amp;B &lt;测试&gt; \"引号\" 😀 控制符</news:title>");
    }

    @Test
    void knowsTheSizeOfWhatItWroteToTheByte() {
        Random random = new Random(29);
        String[] pieces = {"a", "Z", "9", "-", "/", "%E5", "报", "頭", "é", "😀", "&", "<", ">", "\"", "'", " "};
        for (SitemapWriter.Kind kind : SitemapWriter.Kind.values()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            SitemapWriter writer = SitemapWriter.start(out, kind, SHANGHAI, 1000);
            for (int i = 0; i < 200; i++) {
                StringBuilder text = new StringBuilder();
                for (int n = random.nextInt(40); n >= 0; n--) {
                    text.append(pieces[random.nextInt(pieces.length)]);
                }
                Instant time = Instant.ofEpochMilli(1_600_000_000_000L + random.nextLong(100_000_000_000L));
                if (kind == SitemapWriter.Kind.NEWS) {
                    writer.addNews("https://e.cn/" + text, time, "报头" + text, "zh-cn", time.minusSeconds(60), text.toString());
                } else {
                    writer.add("https://e.cn/" + text, time);
                }
            }
            writer.finish();
            assertThat(writer.entries()).isEqualTo(200);
            assertThat(writer.bytes()).as(kind.name()).isEqualTo(out.size());
        }
    }

    @Test
    void stopsAtTheEntryLimit() {
        SitemapWriter writer = SitemapWriter.start(OutputStream.nullOutputStream(), SitemapWriter.Kind.URLS, SHANGHAI, 3);
        for (int i = 0; i < 3; i++) {
            assertThat(writer.add("https://news.example.cn/articles/" + i, Instant.EPOCH)).isTrue();
        }
        assertThat(writer.add("https://news.example.cn/articles/4", Instant.EPOCH)).isFalse();
        assertThat(writer.entries()).isEqualTo(3);
        assertThat(SitemapWriter.start(OutputStream.nullOutputStream(), SitemapWriter.Kind.URLS, SHANGHAI, 80_000).add("https://e.cn/x", null)).isTrue();
    }

    @Test
    void leavesOutAddressesTheSchemaWouldRefuse() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SitemapWriter writer = SitemapWriter.start(out, SitemapWriter.Kind.URLS, SHANGHAI, 10);
        writer.add("https://e.cn/" + "a".repeat(SitemapWriter.MAX_LOC), Instant.EPOCH);
        writer.add("https://e.cn/" + "a".repeat(SitemapWriter.MAX_LOC - 13), Instant.EPOCH);
        writer.finish();
        assertThat(writer.entries()).isEqualTo(1);
        assertThat(writer.skipped()).isEqualTo(1);
    }

    @Test
    void aFileOfLongAddressesIsCutBefore50MegabytesAndNotBefore() {
        assertThat(SitemapWriter.capacity(50_000, "https://news.example.cn/articles/" + Long.MAX_VALUE)).isEqualTo(50_000);
        assertThat(SitemapWriter.capacity(7, "https://news.example.cn/articles/" + Long.MAX_VALUE)).isEqualTo(7);

        String base = "https://news.example.cn/" + "section-%E6%96%B0%E9%97%BB/".repeat(60);
        String worst = base + "articles/" + Long.MAX_VALUE;
        assertThat(worst.length()).isLessThanOrEqualTo(SitemapWriter.MAX_LOC);
        int capacity = SitemapWriter.capacity(50_000, worst);
        assertThat(capacity).isBetween(10_000, 49_999);

        CountingStream out = new CountingStream();
        SitemapWriter writer = SitemapWriter.start(out, SitemapWriter.Kind.URLS, SHANGHAI, SitemapWriter.MAX_URLS);
        Instant longestTime = Instant.parse("2023-08-29T01:18:41.123Z");
        for (int i = 0; i < capacity; i++) {
            assertThat(writer.add(worst, longestTime)).as("entry %d of %d", i, capacity).isTrue();
        }
        String oneMore = worst + "/1";
        assertThat(writer.add(oneMore, longestTime)).isFalse();
        writer.finish();
        assertThat(out.count).isEqualTo(writer.bytes()).isLessThanOrEqualTo(SitemapWriter.MAX_BYTES);
        assertThat(SitemapWriter.MAX_BYTES - out.count).as("room left: less than one more entry").isLessThan(oneMore.length() + 100);
    }

    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static String text(Element parent, String namespace, String name) {
        return parent.getElementsByTagNameNS(namespace, name).item(0).getTextContent();
    }
}
