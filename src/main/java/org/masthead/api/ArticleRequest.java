package org.masthead.api;

import java.util.List;
import org.masthead.article.ArticleDraft;
import org.masthead.article.Figure;
import org.masthead.text.BodyHtml;

/**
 * A draft or an edit sent to {@code /api/v1/articles/drafts} and {@code PUT /api/v1/articles/{id}}: the
 * fields of the import format except the publish time, which only scheduling and publishing set. The
 * body is HTML (sanitised here, where it enters) unless {@code format} is {@code "text"}.
 */
record ArticleRequest(
        String title,
        String subtitle,
        String body,
        String format,
        String summary,
        String originalUrl,
        String source,
        String sourceUrl,
        List<String> authors,
        String channel,
        List<String> tags,
        String coverImage,
        List<Image> images) {

    record Image(String url, String caption) {}

    ArticleDraft toDraft() {
        String html;
        if (body == null || body.isBlank()) {
            html = "";
        } else if (format == null || format.equalsIgnoreCase("html")) {
            html = BodyHtml.sanitize(body);
        } else if (format.equalsIgnoreCase("text")) {
            html = BodyHtml.fromPlainText(body);
        } else {
            throw new IllegalArgumentException("format: use html or text, not '" + format + "'");
        }
        List<Figure> figures = images == null ? List.of() : images.stream().map(i -> i == null ? new Figure(null, null) : new Figure(i.url(), i.caption())).toList();
        return new ArticleDraft(title, subtitle, html, summary, null, blankToNull(originalUrl), source, sourceUrl, authors, channel, tags, coverImage, figures);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
