package org.masthead.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.masthead.article.ArticleDraft;
import org.masthead.article.ArticleEditing;
import org.masthead.article.Figure;
import org.masthead.article.SaveOutcome;
import org.masthead.text.BodyHtml;
import org.masthead.text.PlainText;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports articles in the JSON Lines interchange format. The CLI, the API and the demo loader all
 * come through here. Each line is stored on its own, so a bad line is reported and skipped while
 * every good line around it is kept.
 */
@Service
public class ArticleLineImport {

    /** A longer line is refused rather than read into memory. */
    static final int MAX_LINE_CHARS = 8 * 1024 * 1024;

    private final ArticleEditing editing;
    private final JsonMapper json;

    ArticleLineImport(ArticleEditing editing, JsonMapper json) {
        this.editing = editing;
        this.json = json;
    }

    /** Imports every non-blank line; the results come in input order, numbered by input line. */
    public List<LineResult> importLines(Reader input) {
        List<LineResult> results = new ArrayList<>();
        importLines(input, results::add);
        return results;
    }

    /** Streams results to {@code sink} as each line is done (for progress on large files). */
    public void importLines(Reader input, Consumer<LineResult> sink) {
        BufferedReader reader = input instanceof BufferedReader b ? b : new BufferedReader(input, 1 << 16);
        int lineNumber = 0;
        try {
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                sink.accept(line.length() > MAX_LINE_CHARS
                        ? LineResult.failed(lineNumber, "line: longer than " + MAX_LINE_CHARS + " characters")
                        : importLine(lineNumber, line));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the import input failed after line " + lineNumber, e);
        }
    }

    /** Imports one JSON object given as text. */
    public LineResult importLine(int lineNumber, String jsonText) {
        ImportRecord record;
        try {
            record = json.readValue(jsonText, ImportRecord.class);
        } catch (DatabindException e) {
            return LineResult.failed(lineNumber, fieldOf(e) + ": " + plainMessage(e));
        } catch (JacksonException e) {
            return LineResult.failed(lineNumber, "json: not a valid JSON object (" + plainMessage(e) + ")");
        }
        if (record == null) {
            return LineResult.failed(lineNumber, "json: expected an object, got null");
        }
        return importRecord(lineNumber, record);
    }

    LineResult importRecord(int lineNumber, ImportRecord record) {
        List<String> problems = new ArrayList<>();
        ArticleDraft draft = toDraft(record, problems);
        if (!problems.isEmpty()) {
            return LineResult.failed(lineNumber, String.join("; ", problems));
        }
        try {
            SaveOutcome outcome = editing.savePublished(draft);
            return new LineResult(lineNumber, outcome.kind().name().toLowerCase(Locale.ROOT), outcome.articleId(), outcome.url(), null);
        } catch (IllegalArgumentException e) {
            return LineResult.failed(lineNumber, e.getMessage());
        }
    }

    private static ArticleDraft toDraft(ImportRecord r, List<String> problems) {
        if (r.title() == null || r.title().isBlank()) {
            problems.add("title: is required");
        }
        String bodyHtml = null;
        if (r.body() == null || r.body().isBlank()) {
            problems.add("body: is required");
        } else {
            String format = r.bodyFormat() == null ? "html" : r.bodyFormat().strip().toLowerCase(Locale.ROOT);
            switch (format) {
                case "html" -> bodyHtml = BodyHtml.sanitize(r.body());
                case "text" -> bodyHtml = BodyHtml.fromPlainText(r.body());
                default -> problems.add("bodyFormat: must be \"html\" or \"text\", not \"" + r.bodyFormat() + "\"");
            }
            if (bodyHtml != null && PlainText.fromHtml(bodyHtml).isBlank() && !bodyHtml.contains("<img")) {
                problems.add("body: nothing readable is left after removing unsafe markup");
            }
        }
        Instant publishedAt = null;
        if (r.publishedAt() == null || r.publishedAt().isBlank()) {
            problems.add("publishedAt: is required (ISO-8601 with offset, e.g. 2023-08-29T09:18:41+08:00)");
        } else {
            try {
                publishedAt = OffsetDateTime.parse(r.publishedAt().strip()).toInstant();
            } catch (DateTimeParseException e) {
                problems.add("publishedAt: \"" + r.publishedAt() + "\" is not ISO-8601 with an offset (e.g. 2023-08-29T09:18:41+08:00)");
            }
        }
        String originalUrl = absoluteUrl("originalUrl", r.originalUrl(), problems);
        String sourceUrl = absoluteUrl("sourceUrl", r.sourceUrl(), problems);
        String cover = imageUrl("coverImage", r.coverImage(), problems);
        List<Figure> figures = new ArrayList<>();
        if (r.images() != null) {
            for (int i = 0; i < r.images().size(); i++) {
                ImportRecord.ImageRecord image = r.images().get(i);
                String url = image == null ? null : imageUrl("images[" + i + "].url", image.url(), problems);
                if (url == null) {
                    if (image == null || image.url() == null) {
                        problems.add("images[" + i + "].url: is required");
                    }
                } else {
                    figures.add(new Figure(url, image.caption() == null ? null : image.caption().strip()));
                }
            }
        }
        if (r.source() == null && sourceUrl != null) {
            problems.add("source: sourceUrl is given but the publisher's name is missing");
        }
        return new ArticleDraft(
                r.title(), r.subtitle(), bodyHtml, r.summary(), publishedAt, originalUrl, r.source(), sourceUrl,
                r.authors(), r.channel(), r.tags(), cover, figures);
    }

    private static String absoluteUrl(String field, String value, List<String> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(value.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri.toString();
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        problems.add(field + ": \"" + value + "\" is not an absolute http(s) URL");
        return null;
    }

    private static String imageUrl(String field, String value, List<String> problems) {
        if (value != null && value.strip().startsWith("/") && !value.strip().startsWith("//")) {
            return value.strip();
        }
        return absoluteUrl(field, value, problems);
    }

    private static String fieldOf(DatabindException e) {
        StringBuilder path = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "json" : path.toString();
    }

    private static String plainMessage(JacksonException e) {
        String message = e.getOriginalMessage();
        if (message == null) {
            return "unreadable";
        }
        int cut = message.indexOf('\n');
        return cut < 0 ? message : message.substring(0, cut);
    }
}
