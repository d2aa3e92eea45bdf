package org.masthead.admin.article;

import java.util.List;
import org.masthead.admin.AdminLayout;

/** {@code /admin/articles/{id}/revisions}: every saved state, two of them to compare, one to restore. */
public record RevisionsPage(AdminLayout layout, long id, String title, List<Line> revisions, boolean canRestore, String notice, String error) {

    /** One revision; {@code from}/{@code to} mark the pair the compare form starts with. */
    public record Line(int number, String at, String by, String reason, String title, boolean from, boolean to) {}
}
