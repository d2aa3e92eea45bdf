package org.masthead.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.masthead.account.Permission;
import org.masthead.account.SignedInUser;
import org.masthead.article.ArticleStatus;
import org.masthead.ingest.enrichment.ArticleInsight;
import org.masthead.ingest.enrichment.ArticleInsights;
import org.masthead.platform.Messages;
import org.masthead.search.Hit;
import org.masthead.search.IndexRebuilds;
import org.masthead.search.SearchIndex;
import org.masthead.search.SearchQuery;
import org.masthead.search.SearchResults;
import org.masthead.search.SearchUnavailableException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /admin/search}: editors (articles:edit-any) search every article whatever its status — drafts,
 * review, scheduled, withdrawn — with the status as a filter and the quality check's flag shown; the
 * same search as {@code /api/v1/admin/search}. Search admins (search:admin) also get the button that
 * rebuilds the index online in the background ({@code POST /admin/search/reindex}, CSRF like every
 * form), its progress and how the last rebuild ended. The rules are in SecurityConfiguration.
 */
@Controller
class SearchAdminController {

    private final AdminLayouts layouts;
    private final SearchIndex index;
    private final IndexRebuilds rebuilds;
    private final ArticleInsights insights;

    SearchAdminController(AdminLayouts layouts, SearchIndex index, IndexRebuilds rebuilds, ArticleInsights insights) {
        this.layouts = layouts;
        this.index = index;
        this.rebuilds = rebuilds;
        this.insights = insights;
    }

    @GetMapping("/admin/search")
    ModelAndView search(HttpServletRequest request, HttpServletResponse response, AdminSearchForm form, @RequestParam(required = false) String rebuild) {
        Messages msg = layouts.messages();
        AdminSearchForm.Checked checked = form.check(layouts.zone(), msg);
        List<String> problems = new ArrayList<>(checked.problems());
        AdminSearchPage.Results results = null;
        HttpStatus status = problems.isEmpty() ? HttpStatus.OK : HttpStatus.BAD_REQUEST;
        if (checked.query() != null) {
            try {
                results = results(form, index.search(checked.query()), msg);
            } catch (IllegalArgumentException e) {
                problems.add(msg.get("admin.search.error.query", e.getMessage()));
                status = HttpStatus.BAD_REQUEST;
            } catch (SearchUnavailableException e) {
                problems.add(msg.get("admin.search.unavailable"));
                status = HttpStatus.SERVICE_UNAVAILABLE;
            }
        }
        List<AdminSearchPage.Option> statuses = new ArrayList<>();
        statuses.add(new AdminSearchPage.Option("all", msg.get("admin.search.status.all"), form.status() == null || form.status().equals("all")));
        for (ArticleStatus s : ArticleStatus.values()) {
            statuses.add(new AdminSearchPage.Option(s.code(), msg.get("article.status." + s.code()), s.code().equals(form.status())));
        }
        List<AdminSearchPage.Option> sorts = List.of(
                new AdminSearchPage.Option("relevance", msg.get("search.sort.relevance"), !form.byTime()),
                new AdminSearchPage.Option("time", msg.get("search.sort.time"), form.byTime()));
        AdminSearchPage.Fields fields = new AdminSearchPage.Fields(form.q(), orEmpty(form.channel()), orEmpty(form.source()), orEmpty(form.tag()),
                orEmpty(form.from()), orEmpty(form.to()));
        AdminSearchPage page = new AdminSearchPage(layouts.layout(request, "search", msg.get("admin.search.title")), fields, statuses, sorts, problems,
                results, rebuildPanel(msg, rebuild));
        response.setHeader("Cache-Control", "no-store");
        ModelAndView view = new ModelAndView("admin/search", Map.of("page", page));
        view.setStatus(status);
        return view;
    }

    /** Starts the rebuild in the background and comes back to the page, which shows its progress. */
    @PostMapping("/admin/search/reindex")
    String reindex(@AuthenticationPrincipal SignedInUser me) {
        try {
            IndexRebuilds.Started started = rebuilds.start(me == null ? "admin" : me.username());
            return "redirect:/admin/search?rebuild=" + (started.started() ? "started" : "busy");
        } catch (SearchUnavailableException e) {
            return "redirect:/admin/search?rebuild=unavailable";
        }
    }

    private AdminSearchPage.Results results(AdminSearchForm form, SearchResults r, Messages msg) {
        List<AdminSearchPage.Row> rows = new ArrayList<>();
        for (Hit h : r.hits()) {
            boolean flagged = insights.of(h.id()).map(ArticleInsight::flagged).orElse(false);
            String story = h.otherSources() > 0 ? msg.get("search.hit.otherSources", h.otherSources())
                    : h.storyArticles() > 1 ? msg.get("search.hit.otherArticles", h.storyArticles() - 1) : null;
            rows.add(new AdminSearchPage.Row(h.id(), h.titleHtml(), "published".equals(h.status()) ? h.url() : null, h.snippet(),
                    msg.get("article.status." + h.status()), h.source(), h.channel(), layouts.time(h.publishedAt()),
                    flagged ? msg.get("admin.search.flagged") : null, story));
        }
        int pages = r.totalPages();
        return new AdminSearchPage.Results(
                msg.get("admin.search.summary", r.total(), r.articles()),
                msg.get("search.took", r.tookMs()),
                r.total() == 0 ? msg.get("admin.search.none") : rows.isEmpty() ? msg.get("search.pageEmpty") : null,
                rows,
                msg.get("pagination.position", r.page(), pages),
                r.page() > 1 ? form.url(Math.min(r.page() - 1, pages)) : null,
                r.page() < pages ? form.url(r.page() + 1) : null);
    }

    private AdminSearchPage.Rebuild rebuildPanel(Messages msg, String pressed) {
        boolean allowed = SecurityContextHolder.getContext().getAuthentication() != null
                && SecurityContextHolder.getContext().getAuthentication().getAuthorities().stream()
                        .anyMatch(a -> Permission.SEARCH_ADMIN.authority().equals(a.getAuthority()));
        IndexRebuilds.Status s = rebuilds.status();
        String notice = pressed == null ? null : switch (pressed) {
            case "started" -> msg.get("admin.rebuild.started");
            case "busy" -> msg.get("admin.rebuild.busy");
            case "unavailable" -> msg.get("admin.rebuild.unavailable");
            default -> null;
        };
        String state = !s.running() ? msg.get("admin.rebuild.idle")
                : s.startedBy() == null ? msg.get("admin.rebuild.runningCheck")
                : msg.get("admin.rebuild.running", s.written(), s.expected(), s.percent(), s.startedBy(), layouts.time(s.startedAt()));
        IndexRebuilds.Outcome o = s.last();
        String last = o == null ? msg.get("admin.rebuild.none")
                : o.succeeded()
                        ? msg.get("admin.rebuild.last.ok", layouts.time(o.finishedAt()), o.articles(), String.format(java.util.Locale.ROOT, "%.1f", o.took().toMillis() / 1000.0),
                                o.startedBy())
                        : msg.get("admin.rebuild.last.failed", o.failure(), layouts.time(o.finishedAt()), o.startedBy());
        return new AdminSearchPage.Rebuild(allowed, s.running(), notice, state, last);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
