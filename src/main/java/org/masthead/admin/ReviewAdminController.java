package org.masthead.admin;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.masthead.account.SignedInUser;
import org.masthead.article.Actor;
import org.masthead.article.ArticleRefused;
import org.masthead.ingest.ReviewQueue;
import org.masthead.platform.Messages;
import org.masthead.platform.PageSlice;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /admin/review}: the review queue. Approve publishes, reject archives, both through the
 * article workflow (its rules, its audit line with the editor's name and address). Guarded by
 * {@code articles:publish} (SecurityConfiguration).
 */
@Controller
class ReviewAdminController {

    static final int PER_PAGE = 20;

    private final AdminLayouts layouts;
    private final ReviewQueue queue;
    private final MessageSource messageSource;

    ReviewAdminController(AdminLayouts layouts, ReviewQueue queue, MessageSource messageSource) {
        this.layouts = layouts;
        this.queue = queue;
        this.messageSource = messageSource;
    }

    @GetMapping("/admin/review")
    ModelAndView list(HttpServletRequest request, @RequestParam(defaultValue = "1") int page, @RequestParam(required = false) Long approved,
            @RequestParam(required = false) Long rejected, @RequestParam(required = false) String gone) {
        Messages msg = layouts.messages();
        String notice = approved != null ? msg.get("review.approved", String.valueOf(approved))
                : rejected != null ? msg.get("review.rejected", String.valueOf(rejected)) : null;
        return page(request, Math.max(1, page), gone != null ? msg.get("review.gone") : null, notice, HttpStatus.OK);
    }

    @PostMapping("/admin/review/{id}/approve")
    ModelAndView approve(HttpServletRequest request, Authentication auth, @PathVariable long id) {
        return decide(request, auth, id, true);
    }

    @PostMapping("/admin/review/{id}/reject")
    ModelAndView reject(HttpServletRequest request, Authentication auth, @PathVariable long id) {
        return decide(request, auth, id, false);
    }

    private ModelAndView decide(HttpServletRequest request, Authentication auth, long id, boolean approve) {
        try {
            Actor actor = actor(auth, request);
            ReviewQueue.Decision done = approve ? queue.approve(id, actor) : queue.reject(id, actor);
            if (done == ReviewQueue.Decision.NOT_IN_REVIEW) {
                return new ModelAndView("redirect:/admin/review?gone");
            }
            return new ModelAndView("redirect:/admin/review?" + (approve ? "approved=" : "rejected=") + id);
        } catch (ArticleRefused e) {
            HttpStatus status = switch (e.reason()) {
                case NOT_FOUND -> HttpStatus.NOT_FOUND;
                case FORBIDDEN -> HttpStatus.FORBIDDEN;
                case CONFLICT -> HttpStatus.CONFLICT;
                case INVALID -> HttpStatus.BAD_REQUEST;
            };
            return page(request, 1, e.message(messageSource, LocaleContextHolder.getLocale()), null, status);
        }
    }

    private ModelAndView page(HttpServletRequest request, int number, String error, String notice, HttpStatus status) {
        Messages msg = layouts.messages();
        PageSlice<ReviewQueue.Item> slice = queue.page(number, PER_PAGE);
        List<ReviewPage.ReviewLine> lines = slice.items().stream().map(i -> new ReviewPage.ReviewLine(i.articleId(), i.title(), i.excerpt(),
                i.sourceName() == null ? "" : i.sourceName(), i.originalUrl(), layouts.time(i.publishedAt()),
                i.flagged() ? msg.get("review.score", i.score()) : msg.get("review.notFlagged"), i.flagged(),
                i.flagged() ? i.reasons().stream().map(r -> msg.get(r)).toList() : List.of())).toList();
        ReviewPage model = new ReviewPage(layouts.layout(request, "review", msg.get("admin.nav.review")), lines, slice.page(), slice.totalPages(),
                slice.total(), error, notice);
        ModelAndView view = new ModelAndView("admin/review", Map.of("page", model));
        view.setStatus(status);
        return view;
    }

    private static Actor actor(Authentication auth, HttpServletRequest request) {
        String name = auth.getPrincipal() instanceof SignedInUser user ? user.username() : auth.getName();
        return Actor.of(name, auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList(), request.getRemoteAddr());
    }
}
