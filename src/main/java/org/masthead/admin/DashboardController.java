package org.masthead.admin;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.masthead.account.AccountEvent;
import org.masthead.account.AccountEvents;
import org.masthead.account.Permission;
import org.masthead.article.Actor;
import org.masthead.article.ArticleDesk;
import org.masthead.article.DeskActivity;
import org.masthead.platform.Messages;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /admin}: the first page after signing in: articles by state, what the schedule publishes next,
 * recent activity from the audit log (an author's: their own articles), and recent sign-ins for admins.
 */
@Controller
class DashboardController {

    static final int SCHEDULED_SHOWN = 10;
    static final int ACTIVITY_SHOWN = 15;

    private final AdminLayouts layouts;
    private final ArticleDesk desk;
    private final AccountEvents events;

    DashboardController(AdminLayouts layouts, ArticleDesk desk, AccountEvents events) {
        this.layouts = layouts;
        this.desk = desk;
        this.events = events;
    }

    @GetMapping("/admin")
    ModelAndView dashboard(HttpServletRequest request, Authentication auth) {
        Messages msg = layouts.messages();
        Actor actor = Actor.of(auth.getName(), auth.getAuthorities().stream().map(a -> a.getAuthority()).toList(), request.getRemoteAddr());
        List<DashboardPage.StatusCount> counts = new ArrayList<>();
        desk.counts(actor).forEach((status, n) -> counts.add(new DashboardPage.StatusCount(msg.get("article.status." + status.code()), status.code(), n)));
        List<DashboardPage.ScheduledLine> scheduled = desk.scheduledNext(actor, SCHEDULED_SHOWN).stream()
                .map(r -> new DashboardPage.ScheduledLine(r.id(), r.title(), layouts.time(r.publishedAt())))
                .toList();
        List<DashboardPage.ActivityLine> activity = desk.activity(actor, ACTIVITY_SHOWN).stream().map(a -> activity(a, msg)).toList();
        boolean admin = auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(Permission.USERS_ADMIN.authority()));
        List<DashboardPage.EventLine> logins = !admin ? List.of()
                : events.recent(10, AccountEvent.Kind.LOGIN_SUCCESS, AccountEvent.Kind.LOGIN_FAILURE, AccountEvent.Kind.LOGIN_REFUSED_LOCKED).stream()
                        .map(e -> new DashboardPage.EventLine(layouts.time(e.at()), msg.get("account.event." + e.kind().code()), e.username(),
                                e.ip() == null ? "" : e.ip()))
                        .toList();
        DashboardPage page = new DashboardPage(layouts.layout(request, "dashboard", msg.get("admin.nav.dashboard")), counts, scheduled, activity, logins);
        return new ModelAndView("admin/dashboard", Map.of("page", page));
    }

    private DashboardPage.ActivityLine activity(DeskActivity a, Messages msg) {
        var e = a.entry();
        String change = e.from() != null && e.to() != null && e.from() != e.to()
                ? msg.get("dashboard.activity.change", msg.get("article.status." + e.from().code()), msg.get("article.status." + e.to().code()))
                : "";
        return new DashboardPage.ActivityLine(layouts.time(e.at()), e.actor(), msg.get(e.action().labelKey()), e.articleId(),
                a.articleTitle() == null ? msg.get("dashboard.activity.deleted", e.articleId()) : a.articleTitle(), a.articleTitle() != null, change,
                e.address() == null ? "" : e.address());
    }
}
