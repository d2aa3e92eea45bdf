package org.masthead.feed;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The schema checks the integration tests rely on accept real sitemaps and refuse broken ones. */
class SitemapSchemasTest {

    private static final String URLSET = "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">%s</urlset>";
    private static final String INDEX = "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">%s</sitemapindex>";

    @Test
    void acceptsTheCorpusSamplesAndRefusesBrokenFiles() throws Exception {
        SitemapSchemas schemas = SitemapSchemas.fromCorpus();
        Path corpus = Path.of(System.getProperty("masthead.shared", "../shared"), "corpus", "sitemap-schema");
        schemas.assertValidUrlSet(Files.readAllBytes(corpus.resolve("sitemap.xml")));
        schemas.assertValidIndex(Files.readAllBytes(corpus.resolve("sitemap2.xml")));

        assertRefused(() -> schemas.assertValidUrlSet(xml(URLSET, "<url><loc>https://e.cn/a</loc><lastmod>yesterday</lastmod></url>")));
        assertRefused(() -> schemas.assertValidUrlSet(xml(URLSET, "<url><loc>/a</loc></url>")));
        assertRefused(() -> schemas.assertValidUrlSet(xml(URLSET, "<url><lastmod>2023-08-29</lastmod><loc>https://e.cn/a</loc></url>")));
        assertRefused(() -> schemas.assertValidUrlSet(xml(URLSET, "")));
        assertRefused(() -> schemas.assertValidIndex(xml(INDEX, "<sitemap><loc>https://e.cn/s.xml</loc><lastmod>2023-08-29T09:18</lastmod></sitemap>")));
        assertRefused(() -> schemas.assertValidIndex(xml(INDEX, "<url><loc>https://e.cn/s.xml</loc></url>")));
        assertRefused(() -> schemas.assertValidIndex(xml(URLSET, "<url><loc>https://e.cn/a</loc></url>")));
        assertRefused(() -> schemas.assertValidNewsUrlSet(xml(URLSET, "<url><news:news xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\"/>"
                + "<loc>https://e.cn/a</loc></url>")));
        // strict wildcard: an unknown namespace's element is refused by sitemap.xsd, allowed (and left to the tests) in the news check
        byte[] extended = xml(URLSET, "<url><loc>https://e.cn/a</loc><news:news xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\"/></url>");
        assertRefused(() -> schemas.assertValidUrlSet(extended));
        assertThatCode(() -> schemas.assertValidNewsUrlSet(extended)).doesNotThrowAnyException();
    }

    @Test
    void whatTheWriterWritesIsValid() {
        SitemapSchemas schemas = SitemapSchemas.fromCorpus();
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        Instant time = Instant.parse("2023-08-29T01:18:41.5Z");

        ByteArrayOutputStream urls = new ByteArrayOutputStream();
        SitemapWriter writer = SitemapWriter.start(urls, SitemapWriter.Kind.URLS, zone, 10);
        writer.add("https://news.example.cn/tag/R&D", time);
        writer.add("https://news.example.cn/tag/%E5%AE%9D%E5%B1%B1", null);
        writer.finish();
        schemas.assertValidUrlSet(urls.toByteArray());

        ByteArrayOutputStream index = new ByteArrayOutputStream();
        writer = SitemapWriter.start(index, SitemapWriter.Kind.INDEX, zone, 10);
        writer.add("https://news.example.cn/sitemaps/articles-1.xml", time);
        writer.add("https://news.example.cn/sitemaps/news.xml", null);
        writer.finish();
        schemas.assertValidIndex(index.toByteArray());

        ByteArrayOutputStream news = new ByteArrayOutputStream();
        writer = SitemapWriter.start(news, SitemapWriter.Kind.NEWS, zone, 10);
        writer.addNews("https://news.example.cn/articles/1", time, "报头新闻", "zh-cn", time, "A&B <测试>");
        writer.finish();
        schemas.assertValidNewsUrlSet(news.toByteArray());
    }

    private static byte[] xml(String frame, String content) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + frame.formatted(content)).getBytes(StandardCharsets.UTF_8);
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable check) {
        assertThatThrownBy(check).isInstanceOf(AssertionError.class).hasMessageContaining("not valid against the sitemap schema");
    }
}
