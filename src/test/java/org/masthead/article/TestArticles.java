package org.masthead.article;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drafts for tests: {@code TestArticles.published("标题").channel("要闻").draft()}. Every article gets
 * its own original URL unless one is given, so two calls never update each other by accident.
 */
final class TestArticles {

    private static final AtomicLong NEXT = new AtomicLong(1);

    private String title;
    private String subtitle;
    private String bodyHtml = "<p>台南市政府今日发布消息，市区道路将于周末进行养护施工。</p>";
    private String summary;
    private Instant publishedAt = Instant.parse("2023-08-29T01:18:41Z");
    private String originalUrl = "https://example.cn/n/" + NEXT.getAndIncrement();
    private String sourceName;
    private String sourceHomepage;
    private List<String> authors = List.of();
    private String channelName;
    private List<String> tags = List.of();
    private String coverImage;
    private List<Figure> figures = List.of();

    private TestArticles(String title) {
        this.title = title;
    }

    static TestArticles published(String title) {
        return new TestArticles(title);
    }

    TestArticles title(String value) {
        title = value;
        return this;
    }

    TestArticles subtitle(String value) {
        subtitle = value;
        return this;
    }

    TestArticles body(String html) {
        bodyHtml = html;
        return this;
    }

    TestArticles summary(String value) {
        summary = value;
        return this;
    }

    TestArticles at(Instant value) {
        publishedAt = value;
        return this;
    }

    TestArticles at(String isoInstant) {
        return at(Instant.parse(isoInstant));
    }

    TestArticles url(String value) {
        originalUrl = value;
        return this;
    }

    TestArticles source(String name) {
        sourceName = name;
        return this;
    }

    TestArticles source(String name, String homepage) {
        sourceName = name;
        sourceHomepage = homepage;
        return this;
    }

    TestArticles authors(String... names) {
        authors = List.of(names);
        return this;
    }

    TestArticles channel(String name) {
        channelName = name;
        return this;
    }

    TestArticles tags(String... names) {
        tags = List.of(names);
        return this;
    }

    TestArticles cover(String url) {
        coverImage = url;
        return this;
    }

    TestArticles figures(Figure... values) {
        figures = List.of(values);
        return this;
    }

    ArticleDraft draft() {
        return new ArticleDraft(title, subtitle, bodyHtml, summary, publishedAt, originalUrl, sourceName, sourceHomepage, authors, channelName,
                tags, coverImage, figures);
    }
}
