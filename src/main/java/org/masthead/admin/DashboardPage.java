package org.masthead.admin;

import java.util.List;

/**
 * {@code /admin}: articles by status, what is scheduled next (soonest first), recent activity, recent sign-ins.
 *
 * @param activity the newest audit lines (an author's: about their own articles)
 * @param recentLogins shown to those who manage users only (others get an empty list)
 */
public record DashboardPage(AdminLayout layout, List<StatusCount> counts, List<ScheduledLine> scheduled, List<ActivityLine> activity,
        List<EventLine> recentLogins) {

    /** One status: its label, code (for the article list link) and how many articles are in it. */
    public record StatusCount(String label, String code, long count) {}

    public record ScheduledLine(long id, String title, String at) {}

    /**
     * Who did what to which article; {@code exists} is false once the article was deleted (no link then);
     * {@code change} reads "草稿 → 待审核" for state changes, empty otherwise.
     */
    public record ActivityLine(String at, String actor, String action, long articleId, String title, boolean exists, String change, String address) {}

    public record EventLine(String at, String what, String username, String ip) {}
}
