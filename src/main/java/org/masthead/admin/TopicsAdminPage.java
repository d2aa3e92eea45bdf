package org.masthead.admin;

import java.util.List;

/**
 * {@code /admin/topics}: the special topics, the form for a new one, and the flagged articles (头条, 推荐,
 * 置顶) with the form that sets a flag.
 *
 * @param newTopic the new-topic form's values (kept after a refusal)
 * @param flagForm the flag form's article field (kept after a refusal)
 */
public record TopicsAdminPage(AdminLayout layout, List<TopicLine> topics, TopicForm newTopic, List<FlagList> flags, String flagForm, String error,
        String notice) {

    public record TopicLine(long id, String title, String url, int articles, String updatedAt) {}

    public record TopicForm(String slug, String title, String summary, String coverImage) {}

    /** The articles carrying one flag. */
    public record FlagList(String code, String label, List<FlagLine> articles) {}

    public record FlagLine(long id, String title, String url, String status, String flaggedAt) {}
}
