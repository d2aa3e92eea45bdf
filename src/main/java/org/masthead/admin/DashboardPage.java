package org.masthead.admin;

import java.util.List;

/**
 * {@code /admin}: articles by status, what is scheduled next, recent sign-ins.
 *
 * @param recentLogins shown to those who manage users only (others get an empty list)
 */
public record DashboardPage(AdminLayout layout, List<StatusCount> counts, List<ScheduledLine> scheduled, List<EventLine> recentLogins) {

    /** One status: its label, code (for the article list link) and how many articles are in it. */
    public record StatusCount(String label, String code, long count) {}

    public record ScheduledLine(String title, String at) {}

    public record EventLine(String at, String what, String username, String ip) {}
}
