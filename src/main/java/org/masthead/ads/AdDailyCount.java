package org.masthead.ads;

import java.time.LocalDate;

/** Impressions and clicks of one creative on one day (in the site's time zone). */
public record AdDailyCount(long creativeId, LocalDate day, long impressions, long clicks) {

    /** Click-through rate in percent, one decimal; "–" without impressions. */
    public String clickThrough() {
        return impressions == 0 ? "–" : String.format(java.util.Locale.ROOT, "%.1f%%", 100.0 * clicks / impressions);
    }
}
