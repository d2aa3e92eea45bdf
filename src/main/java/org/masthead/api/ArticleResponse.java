package org.masthead.api;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.masthead.article.ArticleDetail;
import org.masthead.ingest.enrichment.ArticleInsight;
import org.masthead.text.Excerpt;

/**
 * An article as the API returns it: every field of the import format plus id, url, status, excerpt and times;
 * {@code storyId} is shared by every near-duplicate of the same story (null until the article was analysed),
 * {@code extractiveSummary} is chosen from its text when it has no summary of its own (null otherwise).
 */
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
        long viewCount,
        Long storyId,
        String extractiveSummary) {

    record Image(String url, String caption) {}

    static ArticleResponse of(ArticleDetail a, String baseUrl, int excerptLength, ZoneId zone, Optional<ArticleInsight> insight) {
        return new ArticleResponse(
                a.id(), baseUrl + a.url(), a.title(), a.subtitle(), a.bodyHtml(), a.summary(), Excerpt.of(a.excerptSource(), excerptLength),
                a.status().code(), a.publishedAt().atZone(zone).toOffsetDateTime(), a.createdAt().atZone(zone).toOffsetDateTime(),
                a.updatedAt().atZone(zone).toOffsetDateTime(), a.originalUrl(),
                a.source() == null ? null : a.source().name(), a.source() == null ? null : a.source().homepage(),
                a.authors(), a.channel() == null ? null : a.channel().name(), a.tags().stream().map(t -> t.name()).toList(),
                a.coverImage(), a.figures().stream().map(f -> new Image(f.url(), f.caption())).toList(), a.viewCount(),
                insight.map(ArticleInsight::storyId).orElse(null),
                a.summary() != null && !a.summary().isBlank() ? null : insight.map(ArticleInsight::summary).filter(x -> !x.isBlank()).orElse(null));
    }
}
