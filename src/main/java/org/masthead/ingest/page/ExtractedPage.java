package org.masthead.ingest.page;

import java.time.Instant;
import java.util.List;

/**
 * The article found in a web page, before sanitising. {@code publishedAt} is null when the page
 * names no date; {@code canonicalUrl} is the page's own {@code <link rel=canonical>} or og:url.
 */
public record ExtractedPage(
        String title, String bodyHtml, String excerpt, Instant publishedAt, List<String> authors, String leadImage, String publisher, String canonicalUrl) {

    public ExtractedPage {
        authors = authors == null ? List.of() : List.copyOf(authors);
    }
}
