package org.masthead.admin.article;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.masthead.admin.AdminLayouts;
import org.masthead.article.Actor;
import org.masthead.article.ArticleDesk;
import org.masthead.article.ArticleRefused;
import org.masthead.article.ArticleRevisions;
import org.masthead.article.DeskArticle;
import org.masthead.article.Revision;
import org.masthead.article.RevisionDiff;
import org.masthead.platform.Messages;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/** An article's revisions: the list, a readable diff of any two, and restoring one (as a new revision). */
@Controller
class ArticleRevisionsAdminController {

    private final AdminLayouts layouts;
    private final ArticleDesk desk;
    private final ArticleRevisions revisions;
    private final MessageSource messages;

    ArticleRevisionsAdminController(AdminLayouts layouts, ArticleDesk desk, ArticleRevisions revisions, MessageSource messages) {
        this.layouts = layouts;
        this.desk = desk;
        this.revisions = revisions;
        this.messages = messages;
    }

    @GetMapping("/admin/articles/{id:\\d{1,18}}/revisions")
    ModelAndView list(HttpServletRequest request, Authentication auth, @PathVariable long id) {
        return listPage(request, AdminActors.of(auth, request), id, null, HttpStatus.OK);
    }

    @GetMapping("/admin/articles/{id:\\d{1,18}}/revisions/diff")
    ModelAndView diff(HttpServletRequest request, Authentication auth, @PathVariable long id, @RequestParam(required = false) Integer from,
            @RequestParam(required = false) Integer to) {
        Actor actor = AdminActors.of(auth, request);
        Messages msg = layouts.messages();
        if (from == null || to == null) {
            return listPage(request, actor, id, msg.get("revisions.choosePair"), HttpStatus.BAD_REQUEST);
        }
        RevisionDiff diff;
        try {
            diff = revisions.diff(id, from, to, actor);
        } catch (ArticleRefused refused) {
            if (refused.reason() == ArticleRefused.Reason.NOT_FOUND && refused.key().startsWith("revision.")) {
                return listPage(request, actor, id, refused.message(messages, LocaleContextHolder.getLocale()), HttpStatus.NOT_FOUND);
            }
            throw translated(refused);
        }
        List<RevisionDiffPage.Field> fields = diff.changes().stream().map(c -> new RevisionDiffPage.Field(msg.get("editor.field." + c.field()),
                c.segments().stream().map(s -> new RevisionDiffPage.Part(s.kind().name().toLowerCase(java.util.Locale.ROOT), s.text())).toList())).toList();
        DeskArticle article = open(id, actor);
        RevisionDiffPage page = new RevisionDiffPage(layouts.layout(request, "articles", msg.get("revisions.diffTitle", from, to)), id, from, to, fields,
                article.editable());
        return new ModelAndView("admin/article/diff", Map.of("page", page));
    }

    @PostMapping("/admin/articles/{id:\\d{1,18}}/revisions/{number:\\d{1,9}}/restore")
    ModelAndView restore(HttpServletRequest request, Authentication auth, @PathVariable long id, @PathVariable int number) {
        Actor actor = AdminActors.of(auth, request);
        open(id, actor);
        try {
            revisions.restore(id, number, actor);
            return new ModelAndView("redirect:/admin/articles/" + id + "/edit?restored=" + number);
        } catch (ArticleRefused refused) {
            HttpStatus status = switch (refused.reason()) {
                case NOT_FOUND -> HttpStatus.NOT_FOUND;
                case FORBIDDEN -> HttpStatus.FORBIDDEN;
                case CONFLICT -> HttpStatus.CONFLICT;
                case INVALID -> HttpStatus.BAD_REQUEST;
            };
            return listPage(request, actor, id, refused.message(messages, LocaleContextHolder.getLocale()), status);
        } catch (IllegalArgumentException invalid) {
            return listPage(request, actor, id, layouts.messages().get("bulk.invalid", invalid.getMessage()), HttpStatus.BAD_REQUEST);
        }
    }

    private ModelAndView listPage(HttpServletRequest request, Actor actor, long id, String error, HttpStatus status) {
        Messages msg = layouts.messages();
        DeskArticle article = open(id, actor);
        List<Revision> all = revisions.list(id, actor);
        List<RevisionsPage.Line> lines = new java.util.ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Revision r = all.get(i);
            lines.add(new RevisionsPage.Line(r.number(), layouts.time(r.createdAt()), r.createdBy(), reason(msg, r.reason()), r.title(), i == 1, i == 0));
        }
        RevisionsPage page = new RevisionsPage(layouts.layout(request, "articles", msg.get("revisions.title", article.detail().title())), id,
                article.detail().title(), lines, article.editable(), null, error);
        ModelAndView view = new ModelAndView("admin/article/revisions", Map.of("page", page));
        view.setStatus(status);
        return view;
    }

    /** "restore:3" reads 恢复自版本 3; the other reasons are actions. */
    private static String reason(Messages msg, String reason) {
        if (reason.startsWith("restore:")) {
            return msg.get("revisions.reason.restore", reason.substring("restore:".length()));
        }
        return msg.get("revisions.reason." + reason);
    }

    private DeskArticle open(long id, Actor actor) {
        try {
            return desk.open(id, actor);
        } catch (ArticleRefused refused) {
            throw translated(refused);
        }
    }

    private static RuntimeException translated(ArticleRefused refused) {
        if (refused.reason() == ArticleRefused.Reason.FORBIDDEN) {
            return new AccessDeniedException(refused.key());
        }
        return new ResponseStatusException(HttpStatus.NOT_FOUND, refused.key());
    }
}
