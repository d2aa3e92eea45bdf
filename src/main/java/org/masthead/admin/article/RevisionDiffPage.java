package org.masthead.admin.article;

import java.util.List;
import org.masthead.admin.AdminLayout;

/** {@code /admin/articles/{id}/revisions/diff}: what changed from one revision to another, field by field. */
public record RevisionDiffPage(AdminLayout layout, long id, int from, int to, List<Field> fields, boolean canRestore) {

    /** A changed field with its runs of text; {@code kind} is equal, delete or insert. */
    public record Field(String label, List<Part> parts) {}

    public record Part(String kind, String text) {}
}
