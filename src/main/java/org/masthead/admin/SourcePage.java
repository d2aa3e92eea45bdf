package org.masthead.admin;

import java.util.List;

/**
 * {@code /admin/sources/{id}}: one source — the edit form, its feeds with their health, "poll now"
 * and the ingest event log, newest first, a page at a time.
 *
 * @param pollResult what "poll now" just did, in words, or null
 * @param logoChoices the newest media library images, to pick the logo from (empty: none)
 */
public record SourcePage(AdminLayout layout, SourcesPage.SourceLine source, SourceForm form, List<FeedLine> feeds, List<EventLine> events, int page,
        int totalPages, String error, String notice, String pollResult, List<LogoChoices.Choice> logoChoices) {

    public record FeedLine(String url, String title, String interval, String lastSuccess, String lastError, int failures, String nextPoll,
            String itemsPerDay, boolean enabled) {}

    /** @param articleUrl the article the item became, or null */
    public record EventLine(String time, String kind, String kindLabel, String itemUrl, String articleUrl, String detail, boolean bad) {}

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < totalPages;
    }
}
