package org.masthead.admin.taxonomy;

import java.util.List;
import org.masthead.admin.AdminLayout;

/**
 * {@code /admin/bylines}: the author names on articles with their counts, a search, and rename (which
 * merges when the new name is already a byline).
 */
public record BylinesPage(AdminLayout layout, String query, List<Row> rows, long total, int page, int pages, String previous, String next, String error,
        String notice, List<String> history) {

    /** @param index 1-based position on the page, for unique field ids */
    public record Row(int index, String name, String url, long articles) {}
}
