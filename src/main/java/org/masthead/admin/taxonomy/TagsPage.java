package org.masthead.admin.taxonomy;

import java.util.List;
import org.masthead.admin.AdminLayout;

/**
 * {@code /admin/tags}: tags with their article counts (most used first), a search, and per tag rename,
 * merge into another and delete (only when unused).
 *
 * @param query the search as typed
 * @param previous link to the previous page, or null; @param next to the next, or null
 */
public record TagsPage(AdminLayout layout, String query, List<Row> rows, long total, int page, int pages, String previous, String next, String error,
        String notice, List<String> history) {

    public record Row(long id, String name, String url, long articles) {}
}
