package org.masthead.admin;

import java.util.List;

/**
 * {@code /admin/sources}: every source with how its polling goes, and the form for a new one.
 *
 * @param error what went wrong with the last change, or null
 * @param notice what the last change did, or null
 * @param logoChoices the newest media library images, to pick the logo from (empty: none)
 */
public record SourcesPage(AdminLayout layout, List<SourceLine> sources, SourceForm form, String error, String notice, List<LogoChoices.Choice> logoChoices) {

    /**
     * One source as the list shows it, times already in the site's zone.
     *
     * @param lastError the time and text of the latest error, or "" when none
     * @param backoff "none" in words, or the failure streak and the retry time
     * @param backingOff whether a feed is backing off (the line is marked)
     */
    public record SourceLine(long id, String name, String homepage, String logoUrl, int feeds, String lastSuccess, String lastError, String itemsPerDay,
            String nextPoll, String backoff, boolean backingOff) {}
}
