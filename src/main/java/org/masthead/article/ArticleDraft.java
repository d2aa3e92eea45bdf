package org.masthead.article;

import java.time.Instant;
import java.util.List;

/**
 * Everything needed to create or update an article. Text fields are plain text; {@code bodyHtml}
 * must already be sanitised by whoever accepted it from outside (import, feed, editor).
 *
 * <p>The NUL character (U+0000) is dropped from every text: PostgreSQL cannot store it in a TEXT
 * column (SQLite can), so keeping it would make the same import succeed on one database and fail on
 * the other; it means nothing to a reader.
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
        title = withoutNul(title);
        subtitle = withoutNul(subtitle);
        bodyHtml = withoutNul(bodyHtml);
        summary = withoutNul(summary);
        originalUrl = withoutNul(originalUrl);
        sourceName = withoutNul(sourceName);
        sourceHomepage = withoutNul(sourceHomepage);
        channelName = withoutNul(channelName);
        coverImage = withoutNul(coverImage);
        authors = authors == null ? List.of() : List.copyOf(authors.stream().map(ArticleDraft::withoutNul).toList());
        tags = tags == null ? List.of() : List.copyOf(tags.stream().map(ArticleDraft::withoutNul).toList());
        figures = figures == null ? List.of() : List.copyOf(figures.stream()
                .map(f -> f == null ? null : new Figure(withoutNul(f.url()), withoutNul(f.caption())))
                .toList());
    }

    /** The same content with another publish time. */
    public ArticleDraft withPublishedAt(Instant at) {
        return new ArticleDraft(title, subtitle, bodyHtml, summary, at, originalUrl, sourceName, sourceHomepage, authors, channelName, tags,
                coverImage, figures);
    }

    /** The same content with another body. */
    public ArticleDraft withBody(String html) {
        return new ArticleDraft(title, subtitle, html, summary, publishedAt, originalUrl, sourceName, sourceHomepage, authors, channelName, tags,
                coverImage, figures);
    }

    ArticleDraft withBodyOrEmpty() {
        return bodyHtml == null ? withBody("") : this;
    }

    private static String withoutNul(String text) {
        return text == null || text.indexOf('\0') < 0 ? text : text.replace("\0", "");
    }
}
