package org.masthead.search;

import java.time.Instant;

/**
 * One search as a caller asks for it. {@code text} is the user's own syntax (see {@link UserQuery});
 * the filters are exact (channel by name or slug, source by name, tag by name) and null when unused;
 * {@code from} and {@code to} bound the publish time, both inclusive. {@code visibility} is what
 * readers may see ({@link Visibility#PUBLIC}) unless the caller asks for more with
 * {@link #visibleAs(Visibility)}: seeing drafts is never a default.
 *
 * @throws IllegalArgumentException naming the parameter that is out of range
 */
public record SearchQuery(String text, String channel, String source, String tag, Instant from, Instant to, Order order, int page, int size,
        Visibility visibility) {

    /** Deep pages cost a sort over every hit before them; nobody reads past page 100 of a news search. */
    public static final int MAX_PAGE = 100;

    public static final int MAX_SIZE = 50;
    public static final int DEFAULT_SIZE = 10;

    /** Relevance (with recency as a gentle tie-breaker) or newest first. */
    public enum Order {
        RELEVANCE,
        TIME
    }

    public SearchQuery {
        if (page < 1 || page > MAX_PAGE) {
            throw new IllegalArgumentException("page: must be between 1 and " + MAX_PAGE);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size: must be between 1 and " + MAX_SIZE);
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("from: must not be after to");
        }
        order = order == null ? Order.RELEVANCE : order;
        visibility = visibility == null ? Visibility.PUBLIC : visibility;
        channel = blankToNull(channel);
        source = blankToNull(source);
        tag = blankToNull(tag);
    }

    /** A search for readers: published articles whose time has come. */
    public SearchQuery(String text, String channel, String source, String tag, Instant from, Instant to, Order order, int page, int size) {
        this(text, channel, source, tag, from, to, order, page, size, Visibility.PUBLIC);
    }

    /** The first page of a relevance search for readers, without filters. */
    public static SearchQuery of(String text) {
        return new SearchQuery(text, null, null, null, null, null, Order.RELEVANCE, 1, DEFAULT_SIZE);
    }

    /** The same search over other articles: the back office's {@link Visibility#anyStatus()} or {@link Visibility#status(String)}. */
    public SearchQuery visibleAs(Visibility newVisibility) {
        return new SearchQuery(text, channel, source, tag, from, to, order, page, size, newVisibility);
    }

    public SearchQuery inChannel(String name) {
        return new SearchQuery(text, name, source, tag, from, to, order, page, size, visibility);
    }

    public SearchQuery fromSource(String name) {
        return new SearchQuery(text, channel, name, tag, from, to, order, page, size, visibility);
    }

    public SearchQuery taggedWith(String name) {
        return new SearchQuery(text, channel, source, name, from, to, order, page, size, visibility);
    }

    public SearchQuery between(Instant start, Instant end) {
        return new SearchQuery(text, channel, source, tag, start, end, order, page, size, visibility);
    }

    public SearchQuery orderedBy(Order newOrder) {
        return new SearchQuery(text, channel, source, tag, from, to, newOrder, page, size, visibility);
    }

    public SearchQuery page(int number, int pageSize) {
        return new SearchQuery(text, channel, source, tag, from, to, order, number, pageSize, visibility);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
