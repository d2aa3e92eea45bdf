package org.masthead.api;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.masthead.article.ArticleDetail;
import org.masthead.text.Excerpt;

/** An article as the API returns it: every field of the import format plus id, url, status, excerpt and times. */
record ArticleResponse(
        long id,
        String url,
        String title,
        String subtitle,
        String body,
        String summary,
        String excerpt,
        String status,
        OffsetDateTime publishedAt,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        String originalUrl,
        String source,
        String sourceUrl,
        List<String> authors,
        String channel,
        List<String> tags,
        String coverImage,
        List<Image> images,
        long viewCount) {

    record Image(String url, String caption) {}

    static ArticleResponse of(ArticleDetail a, String baseUrl, int excerptLength, ZoneId zone) {
        return new ArticleResponse(
                a.id(), baseUrl + a.url(), a.title(), a.subtitle(), a.bodyHtml(), a.summary(), Excerpt.of(a.excerptSource(), excerptLength),
                a.status().code(), a.publishedAt().atZone(zone).toOffsetDateTime(), a.createdAt().atZone(zone).toOffsetDateTime(),
                a.updatedAt().atZone(zone).toOffsetDateTime(), a.originalUrl(),
                a.source() == null ? null : a.source().name(), a.source() == null ? null : a.source().homepage(),
                a.authors(), a.channel() == null ? null : a.channel().name(), a.tags().stream().map(t -> t.name()).toList(),
                a.coverImage(), a.figures().stream().map(f -> new Image(f.url(), f.caption())).toList(), a.viewCount());
    }
}
