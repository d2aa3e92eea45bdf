package org.masthead.admin.taxonomy;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.masthead.account.SignedInUser;
import org.masthead.admin.AdminLayouts;
import org.masthead.article.ArticleRelabelling;
import org.masthead.article.TaxonomyUsage;
import org.masthead.platform.AdminAudit;
import org.masthead.platform.Messages;
import org.masthead.platform.PageSlice;
import org.masthead.platform.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriUtils;

/**
 * {@code /admin/bylines}: the author names on articles (they are names, not accounts) with their counts;
 * renaming one to a name already in use merges the two.
 */
@Controller
class BylineAdminController {

    static final int PAGE_SIZE = 50;

    private final AdminLayouts layouts;
    private final ArticleRelabelling relabelling;
    private final TaxonomyUsage usage;
    private final AdminAudit audit;

    BylineAdminController(AdminLayouts layouts, ArticleRelabelling relabelling, TaxonomyUsage usage, AdminAudit audit) {
        this.layouts = layouts;
        this.relabelling = relabelling;
        this.usage = usage;
        this.audit = audit;
    }

    @GetMapping("/admin/bylines")
    ModelAndView list(HttpServletRequest request, @RequestParam(defaultValue = "") String q, @RequestParam(required = false) String page,
            @RequestParam(required = false) String done) {
        return list(request, q, AdminRequests.page(page), null, AdminRequests.notice(layouts.messages(), "byline.done.", done), HttpStatus.OK);
    }

    @PostMapping("/admin/bylines/rename")
    ModelAndView rename(HttpServletRequest request, @AuthenticationPrincipal SignedInUser me, @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String to, @RequestParam(defaultValue = "") String q) {
        try {
            relabelling.renameByline(AdminRequests.by(me, request), from, to);
            return new ModelAndView("redirect:/admin/bylines?done=renamed" + (q.isBlank() ? "" : "&q=" + UriUtils.encodeQueryParam(q, StandardCharsets.UTF_8)));
        } catch (Refusal e) {
            return list(request, q, 1, e.text(layouts.messages()), null, HttpStatus.BAD_REQUEST);
        }
    }

    private ModelAndView list(HttpServletRequest request, String q, int page, String error, String notice, HttpStatus status) {
        Messages msg = layouts.messages();
        String query = q.strip();
        PageSlice<TaxonomyUsage.BylineCount> slice = usage.bylines(query, page, PAGE_SIZE);
        List<BylinesPage.Row> rows = new ArrayList<>();
        for (TaxonomyUsage.BylineCount b : slice.items()) {
            rows.add(new BylinesPage.Row(rows.size() + 1, b.name(), "/author/" + UriUtils.encodePathSegment(b.name(), StandardCharsets.UTF_8), b.articles()));
        }
        String base = "/admin/bylines?" + (query.isEmpty() ? "" : "q=" + UriUtils.encodeQueryParam(query, StandardCharsets.UTF_8) + "&") + "page=";
        BylinesPage view = new BylinesPage(layouts.layout(request, "bylines", msg.get("admin.nav.bylines")), query, rows, slice.total(), page,
                slice.totalPages(), slice.hasPrevious() ? base + (page - 1) : null, slice.hasNext() ? base + (page + 1) : null, error, notice,
                AdminRequests.history(audit, layouts, "byline."));
        ModelAndView answer = new ModelAndView("admin/taxonomy/bylines", Map.of("page", view));
        answer.setStatus(status);
        return answer;
    }
}
