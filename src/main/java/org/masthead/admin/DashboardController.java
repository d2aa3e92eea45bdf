package org.masthead.admin;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.masthead.account.AccountEvent;
import org.masthead.account.AccountEvents;
import org.masthead.account.Permission;
import org.masthead.article.ArticleFilter;
import org.masthead.article.ArticleLists;
import org.masthead.article.ArticleStatus;
import org.masthead.platform.Messages;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

/** {@code /admin}: the first page after signing in. */
@Controller
class DashboardController {

    private final AdminLayouts layouts;
    private final ArticleLists articles;
    private final AccountEvents events;

    DashboardController(AdminLayouts layouts, ArticleLists articles, AccountEvents events) {
        this.layouts = layouts;
        this.articles = articles;
        this.events = events;
    }

    @GetMapping("/admin")
    ModelAndView dashboard(HttpServletRequest request, Authentication auth) {
        Messages msg = layouts.messages();
        List<DashboardPage.StatusCount> counts = new ArrayList<>();
        for (ArticleStatus status : ArticleStatus.values()) {
            long n = articles.count(new ArticleFilter(null, null, null, null, status, false));
            counts.add(new DashboardPage.StatusCount(msg.get("article.status." + status.code()), status.code(), n));
        }
        List<DashboardPage.ScheduledLine> scheduled = articles.list(new ArticleFilter(null, null, null, null, ArticleStatus.SCHEDULED, false), 1, 10)
                .items().stream()
                .map(c -> new DashboardPage.ScheduledLine(c.title(), layouts.time(c.publishedAt())))
                .toList();
        boolean admin = auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(Permission.USERS_ADMIN.authority()));
        List<DashboardPage.EventLine> logins = !admin ? List.of()
                : events.recent(10, AccountEvent.Kind.LOGIN_SUCCESS, AccountEvent.Kind.LOGIN_FAILURE, AccountEvent.Kind.LOGIN_REFUSED_LOCKED).stream()
                        .map(e -> new DashboardPage.EventLine(layouts.time(e.at()), msg.get("account.event." + e.kind().code()), e.username(),
                                e.ip() == null ? "" : e.ip()))
                        .toList();
        DashboardPage page = new DashboardPage(layouts.layout(request, "dashboard", msg.get("admin.nav.dashboard")), counts, scheduled, logins);
        return new ModelAndView("admin/dashboard", Map.of("page", page));
    }
}
