package org.masthead.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.masthead.search.SearchIndex;
import org.masthead.search.SearchQuery;
import org.masthead.search.SearchResults;
import org.masthead.search.Visibility;
import org.masthead.setting.SiteSettings;
import org.masthead.setting.SiteSettingsStore;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/search?q=…&channel=…&source=…&tag=…&from=…&to=…&sort=relevance|time&page=…&size=…}
 * and {@code GET /api/v1/search/suggest?q=…&limit=…}. Every parameter arrives as text and is checked
 * here, so any input gives 200 with results or 400 with {@code {"status":400,"error":"field: …"}}
 * ({@link SearchErrors}).
 * {@code from} and {@code to} are dates (2018-10-01, whole days in the site's time zone) or ISO-8601
 * times with an offset.
 */
@RestController
@RequestMapping(path = "/api/v1/search", produces = MediaType.APPLICATION_JSON_VALUE)
class SearchApiController {

    private final SearchIndex index;
    private final SiteSettingsStore settings;

    SearchApiController(SearchIndex index, SiteSettingsStore settings) {
        this.index = index;
        this.settings = settings;
    }

    @GetMapping
    SearchResponse search(SearchParams params) {
        SiteSettings site = settings.current();
        SearchResults results = index.search(params.query(site.timeZone(), Visibility.PUBLIC));
        return SearchResponse.of(params.q(), results, site.baseUrl(), site.timeZone());
    }

    @GetMapping("/suggest")
    SuggestResponse suggest(@RequestParam(required = false) String q, @RequestParam(required = false) String limit) {
        String base = settings.current().baseUrl();
        return new SuggestResponse(q, index.suggest(q, number("limit", limit, 8)).stream()
                .map(s -> new SuggestResponse.Item(s.id(), s.title(), base + s.url()))
                .toList());
    }

    static SearchQuery.Order order(String sort) {
        if (sort == null || sort.isBlank()) {
            return SearchQuery.Order.RELEVANCE;
        }
        return switch (sort.strip().toLowerCase(Locale.ROOT)) {
            case "relevance" -> SearchQuery.Order.RELEVANCE;
            case "time" -> SearchQuery.Order.TIME;
            default -> throw new IllegalArgumentException("sort: use relevance or time");
        };
    }

    static int number(String name, String value, int absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": not a whole number");
        }
    }

    /** A date means the start of that day in the site's zone. */
    static Instant start(String name, String value, ZoneId zone) {
        return time(name, value, zone, false);
    }

    /** A date means the end of that day (its last millisecond) in the site's zone. */
    static Instant end(String name, String value, ZoneId zone) {
        return time(name, value, zone, true);
    }

    private static Instant time(String name, String value, ZoneId zone, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            if (v.length() <= 10) {
                LocalDate day = LocalDate.parse(v);
                return endOfDay ? day.plusDays(1).atStartOfDay(zone).toInstant().minusMillis(1) : day.atStartOfDay(zone).toInstant();
            }
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + ": use a date (2018-10-01) or a time with offset (2018-10-01T08:00:00+08:00)");
        }
    }
}
