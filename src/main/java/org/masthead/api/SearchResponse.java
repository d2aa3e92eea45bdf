package org.masthead.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.masthead.search.FacetCount;
import org.masthead.search.SearchResults;

/**
 * One page of search hits. {@code title} is plain text; {@code titleHtml} and {@code snippet} are
 * HTML (matches in {@code <mark>}, everything else escaped). {@code total} counts all hits; the facets
 * count them per channel and source. {@code tookMs} is the time the search itself took.
 */
record SearchResponse(
        String query,
        long total,
        int page,
        int size,
        int totalPages,
        List<Item> hits,
        Facets facets,
        String didYouMean,
        String notice,
        boolean partial,
        long tookMs) {

    /** {@code status} only in the back office's answers ({@code /api/v1/admin/search}); readers' hits are all published. */
    record Item(long id, String title, String titleHtml, String url, String snippet, OffsetDateTime publishedAt, String source, String channel,
            @JsonInclude(JsonInclude.Include.NON_NULL) String status) {}

    record Facets(List<FacetCount> channel, List<FacetCount> source) {}

    static SearchResponse of(String query, SearchResults r, String baseUrl, ZoneId zone) {
        return of(query, r, baseUrl, zone, false);
    }

    static SearchResponse of(String query, SearchResults r, String baseUrl, ZoneId zone, boolean withStatus) {
        return new SearchResponse(query, r.total(), r.page(), r.size(), r.totalPages(),
                r.hits().stream().map(h -> new Item(h.id(), h.title(), h.titleHtml(), baseUrl + h.url(), h.snippet(),
                        h.publishedAt().atZone(zone).toOffsetDateTime(), h.source(), h.channel(), withStatus ? h.status() : null)).toList(),
                new Facets(r.channels(), r.sources()), r.didYouMean(), r.notice() == null ? null : r.notice().text(), r.partial(), r.tookMs());
    }
}
