package org.masthead.site;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.masthead.search.SearchQuery;
import org.masthead.search.UserQuery;

/**
 * The search page's parameters as they came in the URL ({@code /search?q=…&channel=…&source=…&tag=…&from=…&to=…&sort=…&page=…}),
 * blank ones as null. {@link #check} turns them into a {@link SearchQuery} or into problems to show;
 * the {@code with…} methods and {@link #url()} write the links of the page (facets, pagination, did you
 * mean), always in the same order and without empty or default parameters, so one search has one address.
 *
 * @param from a date, {@code 2018-10-01}: the start of that day in the site's zone
 * @param to a date: the end of that day, inclusive
 */
record SearchForm(String q, String channel, String source, String tag, String from, String to, String sort, String page) {

    static final String PATH = "/search";
    static final String TIME = "time";
    static final String RELEVANCE = "relevance";
    /** Longest filter value taken; names of channels, sources and tags are far shorter. */
    static final int MAX_FILTER = 100;

    SearchForm {
        q = blankToNull(q);
        channel = blankToNull(channel);
        source = blankToNull(source);
        tag = blankToNull(tag);
        from = blankToNull(from);
        to = blankToNull(to);
        sort = blankToNull(sort);
        page = blankToNull(page);
    }

    /** Something wrong with one parameter: a message key and its arguments. */
    record Problem(String field, String key, List<Object> args) {

        Problem(String field, String key, Object... args) {
            this(field, key, List.of(args));
        }
    }

    /** A query to run, or the problems that keep it from running (then {@code query} is null). */
    record Checked(SearchQuery query, List<Problem> problems) {}

    boolean hasQuery() {
        return q != null;
    }

    /** Whether filters or a sort order narrow or order the search, so the page shows them open. */
    boolean hasFilters() {
        return channel != null || source != null || tag != null || from != null || to != null || isByTime();
    }

    boolean isByTime() {
        return TIME.equalsIgnoreCase(sort);
    }

    /** Every problem at once, so a reader fixes them in one go; only a query without problems is run. */
    Checked check(ZoneId zone, int pageSize) {
        List<Problem> problems = new ArrayList<>();
        if (q != null) {
            int length = q.codePointCount(0, q.length());
            if (length > UserQuery.MAX_LENGTH) {
                problems.add(new Problem("q", "search.error.tooLong", UserQuery.MAX_LENGTH, length));
            } else if (!searchable(q)) {
                problems.add(new Problem("q", "search.error.nothing"));
            }
        }
        for (String[] filter : new String[][] {{"channel", channel}, {"source", source}, {"tag", tag}}) {
            if (filter[1] != null && filter[1].length() > MAX_FILTER) {
                problems.add(new Problem(filter[0], "search.error.filterTooLong", MAX_FILTER));
            }
        }
        LocalDate start = date("from", from, problems);
        LocalDate end = date("to", to, problems);
        if (start != null && end != null && start.isAfter(end)) {
            problems.add(new Problem("to", "search.error.toBeforeFrom", to, from));
        }
        SearchQuery.Order order = SearchQuery.Order.RELEVANCE;
        if (sort != null) {
            switch (sort.toLowerCase(Locale.ROOT)) {
                case RELEVANCE -> order = SearchQuery.Order.RELEVANCE;
                case TIME -> order = SearchQuery.Order.TIME;
                default -> problems.add(new Problem("sort", "search.error.sort"));
            }
        }
        int number = pageNumber(problems);
        if (!problems.isEmpty() || q == null) {
            return new Checked(null, List.copyOf(problems));
        }
        Instant fromTime = start == null ? null : start.atStartOfDay(zone).toInstant();
        Instant toTime = end == null ? null : end.plusDays(1).atStartOfDay(zone).toInstant().minusMillis(1);
        return new Checked(new SearchQuery(q, channel, source, tag, fromTime, toTime, order, number, pageSize), List.of());
    }

    /** The page number asked for, 1 when absent or wrong (a wrong one also adds a problem). */
    int pageNumber() {
        return pageNumber(new ArrayList<>());
    }

    private int pageNumber(List<Problem> problems) {
        if (page == null) {
            return 1;
        }
        try {
            int n = Integer.parseInt(page);
            if (n >= 1 && n <= SearchQuery.MAX_PAGE) {
                return n;
            }
        } catch (NumberFormatException e) {
            // a problem below
        }
        problems.add(new Problem("page", "search.error.page", SearchQuery.MAX_PAGE));
        return 1;
    }

    /** Whether the text has anything to search for: {@link UserQuery} refuses text that is only controls and spaces. */
    private static boolean searchable(String text) {
        try {
            UserQuery.parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static LocalDate date(String field, String value, List<Problem> problems) {
        if (value == null) {
            return null;
        }
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value);
            }
        } catch (DateTimeParseException e) {
            // a problem below
        }
        problems.add(new Problem(field, "from".equals(field) ? "search.error.from" : "search.error.to", abbreviate(value)));
        return null;
    }

    /** A valid date as typed, for an {@code <input type="date">}; null when absent or not a date (an invalid value there is an HTML error). */
    String validDate(String value) {
        if (value == null || value.length() != 10) {
            return null;
        }
        try {
            LocalDate.parse(value);
            return value;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    // ---- links

    SearchForm withQuery(String text) {
        return new SearchForm(text, channel, source, tag, from, to, sort, null);
    }

    SearchForm withChannel(String value) {
        return new SearchForm(q, value, source, tag, from, to, sort, null);
    }

    SearchForm withSource(String value) {
        return new SearchForm(q, channel, value, tag, from, to, sort, null);
    }

    SearchForm withTag(String value) {
        return new SearchForm(q, channel, source, value, from, to, sort, null);
    }

    SearchForm withDates(String start, String end) {
        return new SearchForm(q, channel, source, tag, start, end, sort, null);
    }

    SearchForm withSort(String value) {
        return new SearchForm(q, channel, source, tag, from, to, value, null);
    }

    SearchForm withPage(int number) {
        return new SearchForm(q, channel, source, tag, from, to, sort, number == 1 ? null : String.valueOf(number));
    }

    /**
     * This search's address: parameters in a fixed order, empty ones and the defaults (relevance, page 1)
     * left out, every value percent-encoded whole (so {@code &}, {@code +}, {@code #} and {@code =} in a
     * query stay part of it).
     */
    String url() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("q", q);
        parameters.put("channel", channel);
        parameters.put("source", source);
        parameters.put("tag", tag);
        parameters.put("from", from);
        parameters.put("to", to);
        parameters.put("sort", sort == null || RELEVANCE.equalsIgnoreCase(sort) ? null : sort);
        parameters.put("page", page == null || "1".equals(page) ? null : page);
        StringBuilder url = new StringBuilder(PATH);
        char separator = '?';
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            if (p.getValue() != null) {
                url.append(separator).append(p.getKey()).append('=').append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
                separator = '&';
            }
        }
        return url.toString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** A value quoted back in a message: whole when short, else its start (it may be 10,000 characters). */
    static String abbreviate(String value) {
        return value.codePointCount(0, value.length()) <= 40 ? value : value.substring(0, value.offsetByCodePoints(0, 40)) + "…";
    }
}
