package org.masthead.admin;

import java.util.List;

/**
 * {@code /admin/review}: the articles waiting in review, newest first, with the reasons the quality
 * check gives, and an approve and a reject button for each.
 */
public record ReviewPage(AdminLayout layout, List<ReviewLine> items, int page, int totalPages, long total, String error, String notice) {

    /**
     * @param reasons the quality check's reasons in words; empty when the article is not flagged
     * @param score "quality score 5" in words, or "not flagged"
     */
    public record ReviewLine(long id, String title, String excerpt, String source, String originalUrl, String time, String score, boolean flagged,
            List<String> reasons) {}

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < totalPages;
    }
}
