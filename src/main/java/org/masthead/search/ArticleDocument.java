package org.masthead.search;

import java.time.Instant;
import java.util.List;
import java.util.StringJoiner;
import org.masthead.article.ArticleDetail;
import org.masthead.text.PlainText;

/**
 * What the index holds of an article, whatever the engine: the searchable texts and the values
 * filtered, counted and shown. {@code text} is the readable text (subtitle, summary, body; one line
 * per paragraph), {@code status} the workflow state as stored ("published"); the index keeps every
 * article it is told about and shows only published ones whose time has come. {@code storyId} is the
 * story cluster the article belongs to (enrichment's near-duplicate clusters), null when it has none
 * yet: a search shows one result per story. Each engine maps these fields in one place (Lucene:
 * {@code lucene.ArticleFields}).
 */
public record ArticleDocument(
        long id,
        String url,
        String title,
        String text,
        List<String> tags,
        String source,
        String channel,
        String channelSlug,
        String status,
        Instant publishedAt,
        Instant updatedAt,
        Long storyId) {

    public ArticleDocument {
        tags = List.copyOf(tags);
    }

    /** An article in no story cluster (yet). */
    public ArticleDocument(long id, String url, String title, String text, List<String> tags, String source, String channel, String channelSlug,
            String status, Instant publishedAt, Instant updatedAt) {
        this(id, url, title, text, tags, source, channel, channelSlug, status, publishedAt, updatedAt, null);
    }

    /** The same article in this story (null: none). */
    public ArticleDocument inStory(Long story) {
        return new ArticleDocument(id, url, title, text, tags, source, channel, channelSlug, status, publishedAt, updatedAt, story);
    }

    public static ArticleDocument of(ArticleDetail a) {
        StringJoiner text = new StringJoiner("\n");
        if (a.subtitle() != null && !a.subtitle().isBlank()) {
            text.add(a.subtitle().strip());
        }
        String body = PlainText.fromHtml(a.bodyHtml());
        if (a.summary() != null && !a.summary().isBlank() && !body.contains(a.summary().strip())) {
            text.add(a.summary().strip());
        }
        text.add(body);
        return new ArticleDocument(
                a.id(),
                a.url(),
                a.title(),
                text.toString(),
                a.tags().stream().map(t -> t.name()).toList(),
                a.source() == null ? null : a.source().name(),
                a.channel() == null ? null : a.channel().name(),
                a.channel() == null ? null : a.channel().slug(),
                a.status().code(),
                a.publishedAt(),
                a.updatedAt());
    }
}
