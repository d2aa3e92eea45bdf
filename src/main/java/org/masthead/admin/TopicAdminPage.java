package org.masthead.admin;

import java.util.List;

/** {@code /admin/topics/{id}}: one topic's fields and its articles, to add, remove, reorder and put under sections. */
public record TopicAdminPage(AdminLayout layout, long id, String url, TopicsAdminPage.TopicForm form, List<Entry> entries, String addArticles,
        String addSection, String error, String notice) {

    /** @param status the article's state in words; {@code visible} whether readers see it on the topic's page */
    public record Entry(long articleId, String title, String status, boolean visible, String section, boolean first, boolean last) {}
}
