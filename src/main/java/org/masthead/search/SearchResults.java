package org.masthead.search;

import java.util.List;

/**
 * One page of hits. {@code total} counts every hit exactly; the facets count channels and sources
 * over all hits, most frequent first. {@code didYouMean} is a corrected query text that has hits, or
 * null; {@code notice} says when part of the input was not used (null when all of it was);
 * {@code partial} is true when the time limit stopped the search early and the hits are those found
 * by then.
 */
public record SearchResults(
        long total,
        int page,
        int size,
        List<Hit> hits,
        List<FacetCount> channels,
        List<FacetCount> sources,
        String didYouMean,
        SearchNotice notice,
        boolean partial,
        long tookMs) {

    public SearchResults {
        hits = List.copyOf(hits);
        channels = List.copyOf(channels);
        sources = List.copyOf(sources);
    }

    public static SearchResults empty(SearchQuery query, SearchNotice notice, long tookMs) {
        return new SearchResults(0, query.page(), query.size(), List.of(), List.of(), List.of(), null, notice, false, tookMs);
    }

    public int totalPages() {
        return total == 0 ? 1 : (int) Math.min(SearchQuery.MAX_PAGE, (total + size - 1) / size);
    }
}
