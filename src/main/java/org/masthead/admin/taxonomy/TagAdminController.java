package org.masthead.admin.taxonomy;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
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
import org.masthead.tag.Tag;
import org.masthead.tag.Tags;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriUtils;

/** {@code /admin/tags}: tags with article counts; search, rename, merge into another tag, delete unused ones. */
@Controller
class TagAdminController {

    static final int PAGE_SIZE = 50;

    private final AdminLayouts layouts;
    private final Tags tags;
    private final ArticleRelabelling relabelling;
    private final TaxonomyUsage usage;
    private final AdminAudit audit;

    TagAdminController(AdminLayouts layouts, Tags tags, ArticleRelabelling relabelling, TaxonomyUsage usage, AdminAudit audit) {
        this.layouts = layouts;
        this.tags = tags;
        this.relabelling = relabelling;
        this.usage = usage;
        this.audit = audit;
    }

    @GetMapping("/admin/tags")
    ModelAndView list(HttpServletRequest request, @RequestParam(defaultValue = "") String q, @RequestParam(required = false) String page,
            @RequestParam(required = false) String done) {
        return list(request, q, AdminRequests.page(page), null, AdminRequests.notice(layouts.messages(), "tag.done.", done), HttpStatus.OK);
    }

    @PostMapping("/admin/tags/{id}/rename")
    ModelAndView rename(HttpServletRequest request, @AuthenticationPrincipal SignedInUser me, @PathVariable long id,
            @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String q) {
        return change(request, q, "renamed", () -> relabelling.renameTag(AdminRequests.by(me, request), id, name));
    }

    /** Merges into the tag named in {@code into} (typed: a list of thousands of tags is no select box). */
    @PostMapping("/admin/tags/{id}/merge")
    ModelAndView merge(HttpServletRequest request, @AuthenticationPrincipal SignedInUser me, @PathVariable long id,
            @RequestParam(defaultValue = "") String into, @RequestParam(defaultValue = "") String q) {
        return change(request, q, "merged", () -> {
            Tag target = tags.byName(into.strip()).orElseThrow(() -> new Refusal("tag.error.noSuchTarget", into.strip()));
            relabelling.mergeTags(AdminRequests.by(me, request), id, target.id());
        });
    }

    @PostMapping("/admin/tags/{id}/delete")
    ModelAndView delete(HttpServletRequest request, @AuthenticationPrincipal SignedInUser me, @PathVariable long id,
            @RequestParam(defaultValue = "") String q) {
        return change(request, q, "deleted", () -> relabelling.deleteTag(AdminRequests.by(me, request), id));
    }

    private ModelAndView change(HttpServletRequest request, String q, String done, Runnable action) {
        try {
            action.run();
            return new ModelAndView("redirect:/admin/tags?done=" + done + (q.isBlank() ? "" : "&q=" + UriUtils.encodeQueryParam(q, StandardCharsets.UTF_8)));
        } catch (Refusal e) {
            return list(request, q, 1, e.text(layouts.messages()), null, HttpStatus.BAD_REQUEST);
        }
    }

    private ModelAndView list(HttpServletRequest request, String q, int page, String error, String notice, HttpStatus status) {
        Messages msg = layouts.messages();
        String query = q.strip();
        PageSlice<TaxonomyUsage.TagCount> slice = usage.tags(query, page, PAGE_SIZE);
        List<TagsPage.Row> rows = slice.items().stream().map(t -> new TagsPage.Row(t.tag().id(), t.tag().name(), t.tag().url(), t.articles())).toList();
        String base = "/admin/tags?" + (query.isEmpty() ? "" : "q=" + UriUtils.encodeQueryParam(query, StandardCharsets.UTF_8) + "&") + "page=";
        TagsPage view = new TagsPage(layouts.layout(request, "tags", msg.get("admin.nav.tags")), query, rows, slice.total(), page, slice.totalPages(),
                slice.hasPrevious() ? base + (page - 1) : null, slice.hasNext() ? base + (page + 1) : null, error, notice,
                AdminRequests.history(audit, layouts, "tag."));
        ModelAndView answer = new ModelAndView("admin/taxonomy/tags", Map.of("page", view));
        answer.setStatus(status);
        return answer;
    }
}
