package org.masthead.ingest;

import java.time.Instant;
import java.util.List;

/**
 * An article as a feed item or a fetched page gave it, before sanitising. {@code url} is where it
 * lives at its source; {@code guid} the feed's identifier for it (null for pages); {@code feedId}
 * null unless it came from a feed. A null {@code publishedAt} means "when first seen".
 */
public record CollectedArticle(
        String sourceName,
        String sourceHomepage,
        Long feedId,
        String guid,
        String url,
        String title,
        String bodyHtml,
        String summary,
        Instant publishedAt,
        List<String> authors,
        List<String> categories,
        String coverImage) {

    public CollectedArticle {
        authors = authors == null ? List.of() : List.copyOf(authors);
        categories = categories == null ? List.of() : List.copyOf(categories);
    }
}
