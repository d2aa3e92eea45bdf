package org.masthead.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.masthead.search.FacetCount;
import org.masthead.search.SearchResults;

/**
 * One page of search hits. {@code title} is plain text; {@code titleHtml} and {@code snippet} are
 * HTML (matches in {@code <mark>}, everything else escaped). A story cluster is one hit (its
 * best-ranked article) with {@code storyId}, {@code sources} (distinct sources among the story's
 * articles found), {@code otherSources} and up to five {@code others}. {@code total} counts hits (a
 * story once), {@code articles} the articles found; the facets count articles per channel and source.
 * {@code tookMs} is the time the search itself took.
 */
record SearchResponse(
        String query,
        long total,
        long articles,
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
            @JsonInclude(JsonInclude.Include.NON_NULL) String status, Long storyId, int sources, int otherSources, int storyArticles,
            List<Other> others) {}

    /** Another article of the hit's story. */
    record Other(long id, String title, String url, String source, OffsetDateTime publishedAt) {}

    record Facets(List<FacetCount> channel, List<FacetCount> source) {}

    static SearchResponse of(String query, SearchResults r, String baseUrl, ZoneId zone) {
        return of(query, r, baseUrl, zone, false);
    }

    static SearchResponse of(String query, SearchResults r, String baseUrl, ZoneId zone, boolean withStatus) {
        return new SearchResponse(query, r.total(), r.articles(), r.page(), r.size(), r.totalPages(),
                r.hits().stream().map(h -> new Item(h.id(), h.title(), h.titleHtml(), baseUrl + h.url(), h.snippet(),
                        h.publishedAt().atZone(zone).toOffsetDateTime(), h.source(), h.channel(), withStatus ? h.status() : null, h.storyId(),
                        h.sources(), h.otherSources(), h.storyArticles(),
                        h.others().stream().map(o -> new Other(o.id(), o.title(), baseUrl + o.url(), o.source(),
                                o.publishedAt().atZone(zone).toOffsetDateTime())).toList())).toList(),
                new Facets(r.channels(), r.sources()), r.didYouMean(), r.notice() == null ? null : r.notice().text(), r.partial(), r.tookMs());
    }
}
