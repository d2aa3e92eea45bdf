package org.masthead.admin;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.masthead.article.ArticleStatus;
import org.masthead.platform.Messages;
import org.masthead.search.SearchQuery;
import org.masthead.search.UserQuery;
import org.masthead.search.Visibility;

/**
 * The parameters of {@code /admin/search} as typed (all text, bound from the URL), checked into a
 * {@link SearchQuery} over every article or one status, or into the problems to show. {@code status}
 * is empty or {@code all} for every status.
 */
record AdminSearchForm(String q, String status, String channel, String source, String tag, String from, String to, String sort, String page) {

    AdminSearchForm {
        q = q == null ? "" : q;
        status = blank(status);
        channel = blank(channel);
        source = blank(source);
        tag = blank(tag);
        from = blank(from);
        to = blank(to);
        sort = blank(sort);
        page = blank(page);
    }

    /** The checked query, or the problems in words. */
    record Checked(SearchQuery query, List<String> problems) {}

    boolean asked() {
        return !q.isBlank();
    }

    boolean byTime() {
        return "time".equals(sort);
    }

    Checked check(ZoneId zone, Messages msg) {
        List<String> problems = new ArrayList<>();
        int length = q.codePointCount(0, q.length());
        if (length > UserQuery.MAX_LENGTH) {
            problems.add(msg.get("admin.search.error.tooLong", UserQuery.MAX_LENGTH, length));
        }
        Visibility visibility = Visibility.anyStatus();
        if (status != null && !status.equalsIgnoreCase("all")) {
            try {
                visibility = Visibility.status(ArticleStatus.fromCode(status).code());
            } catch (IllegalArgumentException e) {
                problems.add(msg.get("admin.search.error.status", status));
            }
        }
        LocalDate fromDay = date(from, problems, msg);
        LocalDate toDay = date(to, problems, msg);
        if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
            problems.add(msg.get("admin.search.error.dates"));
        }
        if (sort != null && !sort.equals("relevance") && !sort.equals("time")) {
            problems.add(msg.get("admin.search.error.sort"));
        }
        int number = 1;
        if (page != null) {
            try {
                number = Integer.parseInt(page);
            } catch (NumberFormatException e) {
                number = -1;
            }
            if (number < 1 || number > SearchQuery.MAX_PAGE) {
                problems.add(msg.get("admin.search.error.page", SearchQuery.MAX_PAGE));
            }
        }
        if (!problems.isEmpty() || !asked()) {
            return new Checked(null, problems);
        }
        SearchQuery query = new SearchQuery(q, channel, source, tag, fromDay == null ? null : fromDay.atStartOfDay(zone).toInstant(),
                toDay == null ? null : toDay.plusDays(1).atStartOfDay(zone).toInstant().minusMillis(1),
                byTime() ? SearchQuery.Order.TIME : SearchQuery.Order.RELEVANCE, number, 20, visibility);
        return new Checked(query, problems);
    }

    /** The address of this search on another page: fixed order, empty values left out, each value encoded whole. */
    String url(int pageNumber) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("q", q);
        params.put("status", status);
        params.put("channel", channel);
        params.put("source", source);
        params.put("tag", tag);
        params.put("from", from);
        params.put("to", to);
        params.put("sort", sort);
        params.put("page", pageNumber > 1 ? Integer.toString(pageNumber) : null);
        StringJoiner query = new StringJoiner("&", "/admin/search?", "");
        params.forEach((name, value) -> {
            if (value != null && !value.isEmpty()) {
                query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return query.toString();
    }

    private static LocalDate date(String value, List<String> problems, Messages msg) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(msg.get("admin.search.error.date", value));
            return null;
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
