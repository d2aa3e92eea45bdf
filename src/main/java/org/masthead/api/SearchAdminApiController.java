package org.masthead.api;

import org.masthead.article.ArticleStatus;
import java.security.Principal;
import org.masthead.search.IndexRebuilds;
import org.masthead.search.SearchIndex;
import org.masthead.search.SearchResults;
import org.masthead.search.Visibility;
import org.masthead.setting.SiteSettings;
import org.masthead.setting.SiteSettingsStore;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/admin/search?…&status=…}: the back office's search, with the public search's
 * parameters (see {@link SearchApiController}) over every article, whatever its status and publish
 * time (drafts, scheduled, unpublished …), or only those with {@code status}. Each hit says its
 * status. {@code POST /api/v1/admin/search/reindex} starts an online rebuild, {@code GET} the same
 * address says how it goes. Admins only (SecurityConfiguration); errors are the public search's JSON 400 and 503
 * ({@link SearchErrors}).
 */
@RestController
@RequestMapping(path = "/api/v1/admin/search", produces = MediaType.APPLICATION_JSON_VALUE)
class SearchAdminApiController {

    private final SearchIndex index;
    private final SiteSettingsStore settings;
    private final IndexRebuilds rebuilds;

    SearchAdminApiController(SearchIndex index, SiteSettingsStore settings, IndexRebuilds rebuilds) {
        this.index = index;
        this.settings = settings;
        this.rebuilds = rebuilds;
    }

    /**
     * Starts rebuilding the index online, in the background: 202 with the status, or 409 with it when a
     * rebuild runs already. Needs {@code search:admin} (SecurityConfiguration).
     */
    @PostMapping("/reindex")
    ResponseEntity<SearchRebuildResponse> reindex(Principal principal) {
        IndexRebuilds.Started started = rebuilds.start(principal == null ? "api" : principal.getName());
        return ResponseEntity.status(started.started() ? HttpStatus.ACCEPTED : HttpStatus.CONFLICT)
                .body(SearchRebuildResponse.of(started.started(), started.status()));
    }

    /** The running rebuild's progress and how the last one ended. */
    @GetMapping("/reindex")
    SearchRebuildResponse rebuildStatus() {
        return SearchRebuildResponse.of(null, rebuilds.status());
    }

    @GetMapping
    SearchResponse search(SearchParams params, @RequestParam(required = false) String status) {
        SiteSettings site = settings.current();
        SearchResults results = index.search(params.query(site.timeZone(), visibility(status)));
        return SearchResponse.of(params.q(), results, site.baseUrl(), site.timeZone(), true);
    }

    /** Absent, blank or {@code all}: every status; otherwise one of the article statuses, or a 400 naming them. */
    static Visibility visibility(String status) {
        if (status == null || status.isBlank() || status.strip().equalsIgnoreCase("all")) {
            return Visibility.anyStatus();
        }
        try {
            return Visibility.status(ArticleStatus.fromCode(status).code());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("status: " + e.getMessage() + " (or all)", e);
        }
    }
}
