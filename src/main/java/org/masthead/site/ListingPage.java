package org.masthead.site;

import java.util.List;

/**
 * A paginated list of articles: a channel, tag, source or author page, or all the latest.
 *
 * @param kind what the list is of, already in the reader's language (栏目, 标签 …); null for the site's latest
 * @param previousUrl null on the first page
 * @param nextUrl null on the last page
 * @param pinned the channel's pinned articles (置顶), above the list on its first page; empty elsewhere
 * @param recommended the channel's recommended articles (推荐), beside the list; empty for other lists
 */
public record ListingPage(
        SiteLayout layout,
        String kind,
        String heading,
        List<CardView> items,
        int page,
        int totalPages,
        String previousUrl,
        String nextUrl,
        List<CardView> headlines,
        List<CardView> pinned,
        List<CardView> recommended) {}
