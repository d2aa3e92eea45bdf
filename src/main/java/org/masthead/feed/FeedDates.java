package org.masthead.feed;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Dates as the feed formats write them: whole seconds, in the site zone, with its offset. */
final class FeedDates {

    private FeedDates() {}

    /** RFC 822 as RSS 2.0 wants it (four-digit year, English names): {@code Tue, 29 Aug 2023 09:18:41 +0800}. */
    static String rfc822(Instant instant, ZoneId zone) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(zone));
    }

    /** RFC 3339 as Atom and JSON Feed want it: {@code 2023-08-29T09:18:41+08:00}. */
    static String rfc3339(Instant instant, ZoneId zone) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(zone).toOffsetDateTime());
    }
}
