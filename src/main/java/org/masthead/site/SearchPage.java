package org.masthead.site;

import java.util.ArrayList;
import java.util.List;

/**
 * The search page: the form (filled from the URL), and when a search ran its results. Every link is
 * already written and every text already in the reader's language, so the template only prints.
 *
 * @param heading 搜索, or 「q」的搜索结果
 * @param filtersOpen whether the filters are shown open (some are in use)
 * @param hint what to type, on the page without a query; null otherwise
 * @param problems what is wrong with the parameters (the page answers 400); empty when nothing
 * @param results null when no search ran (no query, or problems)
 */
public record SearchPage(
        SiteLayout layout,
        String heading,
        Fields fields,
        List<Option> channels,
        List<Option> sorts,
        boolean filtersOpen,
        String hint,
        List<String> problems,
        Results results) {

    /** The values typed, shown again in the form. {@code from} and {@code to} are null unless valid dates. */
    public record Fields(String q, String source, String tag, String from, String to) {}

    /** One choice of a {@code <select>}. */
    public record Option(String value, String label, boolean selected) {}

    /**
     * What a search found.
     *
     * @param summary 共找到 N 篇文章
     * @param took the time the search took, in the reader's words
     * @param empty the message when nothing was found (or the page is past the last), else null
     * @param firstNumber the number of the first hit on this page, for {@code <ol start>}
     * @param notices parts of the query that were not used, a search cut short
     * @param didYouMean a corrected query that has hits, or null
     * @param filters the filters in use, each with a link that removes it
     */
    public record Results(
            String summary,
            String took,
            String empty,
            Link emptyAction,
            int firstNumber,
            List<HitView> hits,
            List<String> notices,
            Link didYouMean,
            List<ActiveFilter> filters,
            List<FacetGroup> facets,
            Pagination pagination) {

        public boolean hasFacets() {
            return facets.stream().anyMatch(g -> !g.values().isEmpty());
        }
    }

    /**
     * One article found, or a story shown as its best-ranked article. {@code titleHtml} and
     * {@code snippetHtml} come from the search index as HTML: the matched words in {@code <mark>}, every
     * other character escaped, so they are printed as they are; everything else is text the template
     * escapes.
     *
     * @param alsoReported 另有 N 家媒体报道, or null when the article is the only one of its story found
     * @param others the story's other articles found (source：title), at most five
     * @param moreOthers how many more were not listed, in words; null when none
     */
    public record HitView(String titleHtml, String url, String snippetHtml, String source, String channel, String time, String datetime,
            String alsoReported, List<Link> others, String moreOthers) {

        public HitView {
            others = List.copyOf(others);
        }
    }

    /** A filter in use: its label (栏目：体育) and the address of the same search without it. */
    public record ActiveFilter(String label, String removeUrl, String removeLabel) {}

    /** Counts of one facet (channel or source); each value links to the search narrowed to it. */
    public record FacetGroup(String id, String heading, List<FacetValue> values) {}

    /** @param url null when this filter is already in use */
    public record FacetValue(String name, long count, String url) {}

    /** Links to other pages of the results; null fields and an empty list when there is one page. */
    public record Pagination(String previousUrl, String nextUrl, List<PageLink> pages, String position) {

        public boolean shown() {
            return !pages.isEmpty();
        }
    }

    /** A page number link, the current page (no link), or a gap (…). */
    public record PageLink(int number, String url, boolean current, boolean gap) {}

    /**
     * The page numbers to link: the first, the last, and two either side of the current one; a gap where
     * numbers are left out (a gap of one number shows that number instead).
     */
    static List<Integer> pageWindow(int current, int total) {
        List<Integer> numbers = new ArrayList<>();
        if (total <= 1) {
            return numbers;
        }
        int low = Math.max(1, current - 2);
        int high = Math.min(total, current + 2);
        if (low <= 3) {
            low = 1;
        }
        if (high >= total - 2) {
            high = total;
        }
        if (low > 1) {
            numbers.add(1);
            numbers.add(0);
        }
        for (int n = low; n <= high; n++) {
            numbers.add(n);
        }
        if (high < total) {
            numbers.add(0);
            numbers.add(total);
        }
        return numbers;
    }
}
