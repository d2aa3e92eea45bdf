package org.masthead.ingest.feed;

import java.time.Instant;
import java.util.List;

/**
 * One item of a parsed feed, before sanitising: {@code contentHtml} and {@code summaryHtml} are as
 * the feed gave them (plain text already escaped into HTML), links are absolute where the feed let
 * them be made so. Dates are null when the feed gave none that could be read.
 */
public record FeedItem(
        String guid,
        String link,
        String title,
        String contentHtml,
        String summaryHtml,
        Instant publishedAt,
        Instant updatedAt,
        List<String> authors,
        List<String> categories,
        String imageUrl) {

    public FeedItem {
        authors = authors == null ? List.of() : List.copyOf(authors);
        categories = categories == null ? List.of() : List.copyOf(categories);
    }
}
