package org.masthead.admin.article;

import java.util.List;
import org.masthead.admin.AdminLayout;

/**
 * {@code /admin/articles}: the filter form, one page of articles, bulk actions, and — after a bulk
 * action — what happened to each article.
 *
 * @param query the filter as a query string (without the page), for the pagination links
 * @param results one line per article of the last bulk action; empty otherwise
 */
public record ArticleListPage(
        AdminLayout layout,
        Filters filters,
        List<Row> rows,
        long total,
        int page,
        int totalPages,
        String previousUrl,
        String nextUrl,
        List<Option> statuses,
        List<Option> channels,
        List<Option> sources,
        String query,
        List<BulkResult> results,
        String bulkSummary,
        String error,
        String notice,
        boolean editor) {

    /** The filter as typed, echoed into the form. */
    public record Filters(String q, String status, String channel, String source, String author, String from, String to) {}

    public record Row(long id, String title, String status, String statusLabel, String time, String channel, String source, String authors,
            String createdBy, String publicUrl) {}

    public record Option(String value, String label, boolean selected) {}

    /** One article of a bulk action: done, unchanged, or refused with the reason. */
    public record BulkResult(long id, String title, boolean ok, String message) {}
}
