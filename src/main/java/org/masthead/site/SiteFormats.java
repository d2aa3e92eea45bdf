package org.masthead.site;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** How times read on the site, always in the site's zone: the article's full time and a list's short one. */
record SiteFormats(ZoneId zone) {

    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss");
    private static final DateTimeFormatter MACHINE = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    /** {@code 2023-08-29 09:18:41}, as the article page shows it. */
    String full(Instant instant) {
        return FULL.format(instant.atZone(zone));
    }

    /** {@code 08-29 09:18:41}, as lists show it. */
    String listTime(Instant instant) {
        return SHORT.format(instant.atZone(zone));
    }

    /** {@code 2023-08-29T09:18:41+08:00}, for {@code <time datetime>} and metadata; whole seconds. */
    String machine(Instant instant) {
        return MACHINE.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(zone).toOffsetDateTime());
    }

    int year(Instant instant) {
        return instant.atZone(zone).getYear();
    }
}
