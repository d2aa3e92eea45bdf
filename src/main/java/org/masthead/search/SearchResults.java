package org.masthead.search;

import java.util.List;

/**
 * One page of results. A story cluster is one result (its best-ranked article, see {@link Hit}):
 * {@code total} counts results, i.e. stories and articles in no story, exactly; {@code articles} counts
 * the articles found (each member of a story). The facets count articles per channel and source over
 * all of them, most frequent first. {@code didYouMean} is a corrected query text that has hits, or
 * null; {@code notice} says when part of the input was not used (null when all of it was);
 * {@code partial} is true when the time limit stopped the search early and the hits are those found
 * by then.
 */
public record SearchResults(
        long total,
        long articles,
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
        return new SearchResults(0, 0, query.page(), query.size(), List.of(), List.of(), List.of(), null, notice, false, tookMs);
    }

    public int totalPages() {
        return total == 0 ? 1 : (int) Math.min(SearchQuery.MAX_PAGE, (total + size - 1) / size);
    }
}
