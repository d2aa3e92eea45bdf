package org.masthead.api;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.masthead.article.ArticleFilter;
import org.masthead.article.ArticleLists;
import org.masthead.article.ArticleLookup;
import org.masthead.article.ArticleStatus;
import org.masthead.channel.Channels;
import org.masthead.ingest.ArticleLineImport;
import org.masthead.ingest.LineResult;
import org.masthead.ingest.enrichment.ArticleInsights;
import org.masthead.platform.PageSlice;
import org.masthead.setting.SiteSettings;
import org.masthead.setting.SiteSettingsStore;
import org.masthead.source.Sources;
import org.masthead.tag.Tags;
import org.masthead.text.Excerpt;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/articles}: import (JSON Lines or one JSON object) and read back. */
@RestController
@RequestMapping(path = "/api/v1/articles", produces = MediaType.APPLICATION_JSON_VALUE)
class ArticleApiController {

    static final String NDJSON = "application/x-ndjson";

    private final ArticleLineImport importer;
    private final ArticleLists articles;
    private final ArticleLookup lookup;
    private final Channels channels;
    private final Sources sources;
    private final Tags tags;
    private final SiteSettingsStore settings;
    private final ArticleInsights insights;

    ArticleApiController(ArticleLineImport importer, ArticleLists articles, ArticleLookup lookup, Channels channels, Sources sources, Tags tags, SiteSettingsStore settings,
            ArticleInsights insights) {
        this.insights = insights;
        this.importer = importer;
        this.articles = articles;
        this.lookup = lookup;
        this.channels = channels;
        this.sources = sources;
        this.tags = tags;
        this.settings = settings;
    }

    /** JSON Lines: one article per line; each line stored or refused on its own. */
    @PostMapping(consumes = {NDJSON, "application/jsonl", "application/jsonlines"})
    ResponseEntity<ImportResponse> importLines(HttpServletRequest request) throws IOException {
        try (Reader reader = new InputStreamReader(request.getInputStream(), StandardCharsets.UTF_8)) {
            return answer(importer.importLines(reader));
        }
    }

    /** One article as a JSON object. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ImportResponse> importOne(HttpServletRequest request) throws IOException {
        String body = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (body.isBlank()) {
            return answer(List.of(new LineResult(1, "error", null, null, "json: the request body is empty")));
        }
        // One object may span lines; it is one "line" of the answer.
        return answer(List.of(importer.importLine(1, body)));
    }

    @GetMapping
    ResponseEntity<?> list(
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "20") int size,
            @RequestParam(required = false) String channel,
            @RequestParam(required = false) String source,
            @RequestParam(required = false) String tag,
            @RequestParam(required = false) String status,
            Authentication auth) {
        if (page < 1 || size < 1 || size > ArticleLists.MAX_PAGE_SIZE) {
            return bad("page must be ≥ 1 and size between 1 and " + ArticleLists.MAX_PAGE_SIZE);
        }
        boolean editor = mayReadUnpublished(auth);
        ArticleStatus wanted = status == null ? null : ArticleStatus.fromCode(status);
        if (!editor && wanted != null && wanted != ArticleStatus.PUBLISHED) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("status", 401, "error", "only an editor (permission articles:edit-any) may list articles that are not published"));
        }
        ArticleFilter filter = new ArticleFilter(null, null, null, null, wanted, !editor);
        if (channel != null) {
            var c = channels.byName(channel).or(() -> channels.bySlug(channel));
            if (c.isEmpty()) {
                return emptyPage(page, size);
            }
            filter = filter.inChannel(c.get().id());
        }
        if (source != null) {
            var s = sources.byName(source);
            if (s.isEmpty()) {
                return emptyPage(page, size);
            }
            filter = filter.fromSource(s.get().id());
        }
        if (tag != null) {
            var t = tags.byName(tag);
            if (t.isEmpty()) {
                return emptyPage(page, size);
            }
            filter = filter.taggedWith(t.get().id());
        }
        SiteSettings s = settings.current();
        PageSlice<ArticleListResponse.Item> slice = articles.list(filter, page, size).map(c -> new ArticleListResponse.Item(
                c.id(), s.baseUrl() + c.url(), c.title(), Excerpt.of(c.excerptSource(), s.excerptLength()),
                c.publishedAt().atZone(s.timeZone()).toOffsetDateTime(), c.updatedAt().atZone(s.timeZone()).toOffsetDateTime(),
                c.channelName(), c.sourceName()));
        return ResponseEntity.ok(new ArticleListResponse(slice.items(), slice.page(), slice.size(), slice.total(), slice.totalPages()));
    }

    @GetMapping("/{id}")
    ResponseEntity<?> one(@PathVariable String id, Authentication auth) {
        long articleId;
        try {
            articleId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("status", 404, "error", "no article " + id));
        }
        boolean editor = mayReadUnpublished(auth);
        var article = editor ? lookup.any(articleId) : lookup.visible(articleId);
        SiteSettings s = settings.current();
        return article.<ResponseEntity<?>>map(a -> ResponseEntity.ok(ArticleResponse.of(a, s.baseUrl(), s.excerptLength(), s.timeZone(), insights.of(a.id()))))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("status", 404, "error", "no article " + id)));
    }

    /** Editors and admins (a session, HTTP Basic, or a token with that scope) see every article; authors only through the back office. */
    private static boolean mayReadUnpublished(Authentication auth) {
        return auth != null && auth.isAuthenticated() && auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("articles:edit-any"));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, Object>> badArgument(IllegalArgumentException e) {
        return bad(e.getMessage());
    }

    @ExceptionHandler(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> badParameter(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException e) {
        return bad(e.getName() + ": not a valid value");
    }

    private static ResponseEntity<Map<String, Object>> bad(String message) {
        return ResponseEntity.badRequest().body(Map.of("status", 400, "error", message));
    }

    private static ResponseEntity<?> emptyPage(int page, int size) {
        return ResponseEntity.ok(new ArticleListResponse(List.of(), page, size, 0, 1));
    }

    /** 200 when anything was stored or unchanged; 400 when every line failed. */
    private static ResponseEntity<ImportResponse> answer(List<LineResult> results) {
        if (results.isEmpty()) {
            results = List.of(new LineResult(1, "error", null, null, "json: the request body holds no article"));
        }
        boolean anyGood = results.stream().anyMatch(r -> !r.failed());
        HttpStatus status = anyGood ? HttpStatus.OK : HttpStatus.BAD_REQUEST;
        return ResponseEntity.status(status).body(new ImportResponse(results));
    }
}
