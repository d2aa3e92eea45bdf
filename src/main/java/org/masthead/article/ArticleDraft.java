package org.masthead.article;

import java.time.Instant;
import java.util.List;

/**
 * Everything needed to create or update an article. Text fields are plain text; {@code bodyHtml}
 * must already be sanitised by whoever accepted it from outside (import, feed, editor).
 */
public record ArticleDraft(
        String title,
        String subtitle,
        String bodyHtml,
        String summary,
        Instant publishedAt,
        String originalUrl,
        String sourceName,
        String sourceHomepage,
        List<String> authors,
        String channelName,
        List<String> tags,
        String coverImage,
        List<Figure> figures) {

    public ArticleDraft {
        authors = authors == null ? List.of() : List.copyOf(authors);
        tags = tags == null ? List.of() : List.copyOf(tags);
        figures = figures == null ? List.of() : List.copyOf(figures);
    }
}
