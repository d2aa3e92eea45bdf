package org.masthead.admin.article;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.masthead.article.ArticleDraft;
import org.masthead.article.Figure;
import org.masthead.text.BodyHtml;

/**
 * The editor's form as posted: every field a string, as typed, so a refused form comes back exactly as
 * it was sent. {@link #toDraft} checks it and turns it into content; the body is cleaned by the same
 * sanitiser as imports ({@link BodyHtml#sanitize}), so whatever a browser pasted from Word or the web
 * keeps only the allowed markup.
 *
 * @param tags and {@code authors}: separated by commas (either width), 、 or semicolons
 * @param publishAt a {@code datetime-local} value in the site's time zone; used by new drafts only
 */
public record ArticleForm(
        String title,
        String subtitle,
        String summary,
        String body,
        String channel,
        String tags,
        String source,
        String sourceUrl,
        String originalUrl,
        String authors,
        String coverImage,
        List<String> figureUrl,
        List<String> figureCaption,
        String publishAt) {

    static final int MAX_TITLE = 200;
    static final int MAX_SUBTITLE = 200;
    static final int MAX_SUMMARY = 1000;
    static final int MAX_BODY = 2_000_000;
    static final int MAX_TAG = 30;
    static final int MAX_AUTHOR = 60;
    static final int MAX_URL = 2000;
    static final int MAX_FIGURES = 50;

    private static final Pattern SEPARATORS = Pattern.compile("[,，、;；\\n]+");

    /** A field the form refuses, with the bundle key saying why and its arguments. */
    static final class Invalid extends RuntimeException {
        final String field;
        final String key;
        final transient Object[] args;

        Invalid(String field, String key, Object... args) {
            super(field + ": " + key);
            this.field = field;
            this.key = key;
            this.args = args.clone();
        }
    }

    public ArticleForm {
        figureUrl = figureUrl == null ? List.of() : figureUrl.stream().map(s -> s == null ? "" : s).toList();
        figureCaption = figureCaption == null ? List.of() : figureCaption.stream().map(s -> s == null ? "" : s).toList();
    }

    static ArticleForm empty() {
        return new ArticleForm("", "", "", "", "", "", "", "", "", "", "", List.of(), List.of(), "");
    }

    /** The form filled with an article's content. */
    static ArticleForm of(ArticleDraft d, String publishAt) {
        return new ArticleForm(d.title(), nz(d.subtitle()), nz(d.summary()), nz(d.bodyHtml()), nz(d.channelName()), String.join("，", d.tags()),
                nz(d.sourceName()), nz(d.sourceHomepage()), nz(d.originalUrl()), String.join("，", d.authors()), nz(d.coverImage()),
                d.figures().stream().map(Figure::url).toList(), d.figures().stream().map(f -> nz(f.caption())).toList(), publishAt);
    }

    /** The figures as rows for the form: those given, then {@code blank} empty rows to add more. */
    List<Figure> figureRows(int blank) {
        List<Figure> rows = new ArrayList<>();
        for (int i = 0; i < figureUrl.size(); i++) {
            String caption = i < figureCaption.size() ? figureCaption.get(i) : "";
            if (!figureUrl.get(i).isBlank() || !caption.isBlank()) {
                rows.add(new Figure(figureUrl.get(i), caption));
            }
        }
        for (int i = 0; i < blank; i++) {
            rows.add(new Figure("", ""));
        }
        return rows;
    }

    /**
     * The content this form asks for.
     *
     * @throws Invalid naming the first field that is wrong
     */
    ArticleDraft toDraft(ZoneId zone) {
        String t = nz(title).strip();
        if (t.isEmpty()) {
            throw new Invalid("title", "editor.invalid.required");
        }
        if (t.length() > MAX_TITLE) {
            throw new Invalid("title", "editor.invalid.tooLong", MAX_TITLE);
        }
        if (nz(subtitle).strip().length() > MAX_SUBTITLE) {
            throw new Invalid("subtitle", "editor.invalid.tooLong", MAX_SUBTITLE);
        }
        if (nz(summary).strip().length() > MAX_SUMMARY) {
            throw new Invalid("summary", "editor.invalid.tooLong", MAX_SUMMARY);
        }
        if (nz(body).length() > MAX_BODY) {
            throw new Invalid("body", "editor.invalid.tooLong", MAX_BODY);
        }
        List<String> tagList = split(tags);
        for (String tag : tagList) {
            if (tag.length() > MAX_TAG) {
                throw new Invalid("tags", "editor.invalid.tag", tag, MAX_TAG);
            }
        }
        List<String> authorList = split(authors);
        for (String author : authorList) {
            if (author.length() > MAX_AUTHOR) {
                throw new Invalid("authors", "editor.invalid.author", author, MAX_AUTHOR);
            }
        }
        String src = blankToNull(source);
        String srcUrl = url("sourceUrl", sourceUrl);
        String original = url("originalUrl", originalUrl);
        String cover = url("coverImage", coverImage);
        List<Figure> figures = new ArrayList<>();
        for (Figure row : figureRows(0)) {
            if (row.url().isBlank()) {
                throw new Invalid("figures", "editor.invalid.figureUrl");
            }
            figures.add(new Figure(url("figures", row.url()), blankToNull(row.caption())));
        }
        if (figures.size() > MAX_FIGURES) {
            throw new Invalid("figures", "editor.invalid.tooMany", MAX_FIGURES);
        }
        String html = BodyHtml.sanitize(nz(body));
        return new ArticleDraft(t, blankToNull(subtitle), html, blankToNull(summary), time(zone), original, src, srcUrl, authorList,
                blankToNull(channel), tagList, cover, figures);
    }

    /** The publish time typed, or null when none was. */
    Instant time(ZoneId zone) {
        return parseTime("publishAt", publishAt, zone);
    }

    static Instant parseTime(String field, String value, ZoneId zone) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new Invalid(field, "editor.invalid.time", value.strip());
        }
    }

    static List<String> split(String list) {
        if (list == null || list.isBlank()) {
            return List.of();
        }
        return Arrays.stream(SEPARATORS.split(list)).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    /** An address as links and images may use it: http(s), or a path on this site (an uploaded image). */
    private static String url(String field, String value) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        if (v.length() > MAX_URL) {
            throw new Invalid(field, "editor.invalid.tooLong", MAX_URL);
        }
        String lower = v.toLowerCase(java.util.Locale.ROOT);
        if (!(lower.startsWith("http://") || lower.startsWith("https://") || (v.startsWith("/") && !v.startsWith("//")))) {
            throw new Invalid(field, "editor.invalid.url", v);
        }
        return v;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
