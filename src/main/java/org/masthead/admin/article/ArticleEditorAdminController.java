package org.masthead.admin.article;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.masthead.admin.AdminLayouts;
import org.masthead.article.Actor;
import org.masthead.article.ArticleAction;
import org.masthead.article.ArticleDesk;
import org.masthead.article.ArticleDraft;
import org.masthead.article.ArticleEditing;
import org.masthead.article.ArticleRefused;
import org.masthead.article.ArticleStatus;
import org.masthead.article.ArticleWorkflow;
import org.masthead.article.DeskArticle;
import org.masthead.channel.Channels;
import org.masthead.ingest.enrichment.ArticleInsight;
import org.masthead.ingest.enrichment.ArticleInsights;
import org.masthead.platform.Messages;
import org.masthead.setting.SiteSettingsStore;
import org.masthead.text.PlainText;
import org.masthead.text.Summary;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;

/**
 * The editor: a new article, editing one, and its workflow buttons. Works as a plain form (the body a
 * textarea of HTML) and becomes a WYSIWYG editor when scripts run ({@code /js/editor.js} with Quill).
 * Whatever the browser sends, the body is cleaned by the imports' sanitiser; every save that changes
 * something keeps a revision ({@link ArticleEditing}); the buttons are those the article's rules allow
 * this user, and a refused action shows its reason on the page, changing nothing.
 */
@Controller
class ArticleEditorAdminController {

    /** Summary length suggested to the editor, as enrichment's default. */
    static final int SUGGESTED_SUMMARY = 120;
    private static final DateTimeFormatter LOCAL_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final List<ArticleAction> BUTTONS = List.of(ArticleAction.SUBMIT, ArticleAction.PUBLISH, ArticleAction.UNPUBLISH,
            ArticleAction.ARCHIVE, ArticleAction.REOPEN, ArticleAction.DELETE);

    private final AdminLayouts layouts;
    private final ArticleDesk desk;
    private final ArticleEditing editing;
    private final ArticleWorkflow workflow;
    private final ArticleInsights insights;
    private final Channels channels;
    private final SiteSettingsStore settings;
    private final EditorAssets assets;
    private final MessageSource messages;
    private final Clock clock;

    ArticleEditorAdminController(AdminLayouts layouts, ArticleDesk desk, ArticleEditing editing, ArticleWorkflow workflow, ArticleInsights insights,
            Channels channels, SiteSettingsStore settings, EditorAssets assets, MessageSource messages, Clock clock) {
        this.layouts = layouts;
        this.desk = desk;
        this.editing = editing;
        this.workflow = workflow;
        this.insights = insights;
        this.channels = channels;
        this.settings = settings;
        this.assets = assets;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/admin/articles/new")
    ModelAndView blank(HttpServletRequest request, HttpServletResponse response, Authentication auth) {
        AdminActors.of(auth, request);
        return newPage(request, response, ArticleForm.empty(), null, null, HttpStatus.OK);
    }

    @PostMapping("/admin/articles")
    ModelAndView create(HttpServletRequest request, HttpServletResponse response, Authentication auth, @ModelAttribute ArticleForm form) {
        Actor actor = AdminActors.of(auth, request);
        try {
            long id = editing.createDraft(form.toDraft(zone()), actor);
            return new ModelAndView("redirect:/admin/articles/" + id + "/edit?saved");
        } catch (ArticleForm.Invalid invalid) {
            return newPage(request, response, form, fieldMessage(invalid), invalid.field, HttpStatus.BAD_REQUEST);
        } catch (IllegalArgumentException invalid) {
            return newPage(request, response, form, refusedInput(invalid), fieldOf(invalid), HttpStatus.BAD_REQUEST);
        } catch (ArticleRefused refused) {
            return newPage(request, response, form, refused.message(messages, LocaleContextHolder.getLocale()), null, status(refused));
        }
    }

    @GetMapping("/admin/articles/{id:\\d{1,18}}/edit")
    ModelAndView edit(HttpServletRequest request, HttpServletResponse response, Authentication auth, @PathVariable long id,
            @RequestParam(required = false) String saved, @RequestParam(required = false) String done, @RequestParam(required = false) String restored) {
        Actor actor = AdminActors.of(auth, request);
        DeskArticle article = open(id, actor);
        Messages msg = layouts.messages();
        String notice = saved != null ? msg.get("editor.saved")
                : done != null && isAction(done) ? msg.get("editor.done", msg.get(ArticleAction.fromCode(done).labelKey()))
                : restored != null ? msg.get("revisions.restored", restored) : null;
        return editPage(request, response, article, ArticleForm.of(article.content(), ""), null, null, notice, null, HttpStatus.OK);
    }

    @PostMapping("/admin/articles/{id:\\d{1,18}}")
    ModelAndView update(HttpServletRequest request, HttpServletResponse response, Authentication auth, @PathVariable long id,
            @ModelAttribute ArticleForm form) {
        Actor actor = AdminActors.of(auth, request);
        DeskArticle article = open(id, actor);
        try {
            editing.update(id, form.toDraft(zone()), actor);
            return new ModelAndView("redirect:/admin/articles/" + id + "/edit?saved");
        } catch (ArticleForm.Invalid invalid) {
            return editPage(request, response, article, form, fieldMessage(invalid), invalid.field, null, null, HttpStatus.BAD_REQUEST);
        } catch (IllegalArgumentException invalid) {
            return editPage(request, response, article, form, refusedInput(invalid), fieldOf(invalid), null, null, HttpStatus.BAD_REQUEST);
        } catch (ArticleRefused refused) {
            return editPage(request, response, article, form, refused.message(messages, LocaleContextHolder.getLocale()), null, null, null, status(refused));
        }
    }

    @PostMapping("/admin/articles/{id:\\d{1,18}}/{action:submit|schedule|publish|unpublish|archive|reopen|delete}")
    ModelAndView act(HttpServletRequest request, HttpServletResponse response, Authentication auth, @PathVariable long id, @PathVariable String action,
            @RequestParam(defaultValue = "") String publishAt) {
        Actor actor = AdminActors.of(auth, request);
        ArticleAction what = ArticleAction.fromCode(action);
        DeskArticle article = open(id, actor);
        try {
            if (what == ArticleAction.DELETE) {
                workflow.delete(id, actor);
                return new ModelAndView("redirect:/admin/articles?deleted=" + id);
            }
            Instant at = what == ArticleAction.SCHEDULE ? ArticleForm.parseTime("publishAt", publishAt, zone()) : null;
            workflow.apply(id, what, actor, at);
            return new ModelAndView("redirect:/admin/articles/" + id + "/edit?done=" + what.code());
        } catch (ArticleForm.Invalid invalid) {
            return editPage(request, response, article, ArticleForm.of(article.content(), ""), fieldMessage(invalid), invalid.field, null, publishAt,
                    HttpStatus.BAD_REQUEST);
        } catch (ArticleRefused refused) {
            return editPage(request, response, article, ArticleForm.of(article.content(), ""), refused.message(messages, LocaleContextHolder.getLocale()),
                    what == ArticleAction.SCHEDULE ? "publishAt" : null, null, publishAt, status(refused));
        }
    }

    /** Existing tags starting with {@code q}, the most used first, for the tag field's suggestions. */
    @GetMapping(path = "/admin/articles/tags", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<List<String>> tags(@RequestParam(defaultValue = "") String q) {
        String prefix = q.strip();
        if (prefix.length() > ArticleForm.MAX_TAG) {
            return ResponseEntity.ok(List.of());
        }
        return ResponseEntity.ok().header("Cache-Control", "private, max-age=30").body(desk.tagNames(prefix, 10));
    }

    private DeskArticle open(long id, Actor actor) {
        try {
            return desk.open(id, actor);
        } catch (ArticleRefused refused) {
            if (refused.reason() == ArticleRefused.Reason.FORBIDDEN) {
                throw new org.springframework.security.access.AccessDeniedException(refused.key());
            }
            throw new org.springframework.web.server.ResponseStatusException(HttpStatus.NOT_FOUND, refused.key());
        }
    }

    private ModelAndView newPage(HttpServletRequest request, HttpServletResponse response, ArticleForm form, String error, String field, HttpStatus status) {
        Messages msg = layouts.messages();
        String suggestion = suggest(form.body());
        ArticleEditorPage page = new ArticleEditorPage(layouts.layout(request, "articles", msg.get("editor.new")), null, null, null, null, null, form,
                form.figureRows(2), ArticleListAdminController.channelNames(channels.all(), form.channel()), desk.tagNames("", 200), error, field, null,
                true, List.of(), "", suggestion, null, assets.quillJs(), assets.quillCss(), assets.editorJs(), csrfHeader(request));
        return view(response, page, status);
    }

    private ModelAndView editPage(HttpServletRequest request, HttpServletResponse response, DeskArticle article, ArticleForm form, String error,
            String field, String notice, String scheduleAt, HttpStatus status) {
        Messages msg = layouts.messages();
        var d = article.detail();
        List<ArticleEditorPage.Action> actions = new ArrayList<>();
        for (ArticleAction a : BUTTONS) {
            if (article.actions().contains(a)) {
                actions.add(new ArticleEditorPage.Action(a.code(), msg.get(a.labelKey()), a == ArticleAction.DELETE || a == ArticleAction.UNPUBLISH));
            }
        }
        if (article.actions().contains(ArticleAction.SCHEDULE)) {
            actions.add(new ArticleEditorPage.Action(ArticleAction.SCHEDULE.code(), msg.get(ArticleAction.SCHEDULE.labelKey()), false));
        }
        ZoneId zone = zone();
        String defaultSchedule = d.status() == ArticleStatus.SCHEDULED && d.publishedAt().isAfter(clock.instant())
                ? LOCAL_MINUTES.format(LocalDateTime.ofInstant(d.publishedAt(), zone))
                : LOCAL_MINUTES.format(LocalDateTime.ofInstant(clock.instant().plus(1, ChronoUnit.HOURS), zone).truncatedTo(ChronoUnit.HOURS));
        String suggestion = insights.of(d.id()).map(ArticleInsight::summary).filter(s -> !s.isBlank()).orElseGet(() -> suggest(form.body()));
        String title = msg.get("editor.edit", d.title());
        ArticleEditorPage page = new ArticleEditorPage(layouts.layout(request, "articles", title), d.id(), d.status().code(),
                msg.get("article.status." + d.status().code()), article.createdBy(), layouts.time(d.publishedAt()), form, form.figureRows(2),
                ArticleListAdminController.channelNames(channels.all(), form.channel()), desk.tagNames("", 200), error, field, notice,
                article.editable(), actions, scheduleAt != null && !scheduleAt.isBlank() ? scheduleAt : defaultSchedule, suggestion,
                d.status() == ArticleStatus.PUBLISHED ? d.url() : null, assets.quillJs(), assets.quillCss(), assets.editorJs(), csrfHeader(request));
        return view(response, page, status);
    }

    private static ModelAndView view(HttpServletResponse response, ArticleEditorPage page, HttpStatus status) {
        // The form holds unpublished text: never kept by a shared cache or the browser's back-forward store.
        response.setHeader("Cache-Control", "no-store");
        ModelAndView view = new ModelAndView("admin/article/edit", Map.of("page", page));
        view.setStatus(status);
        return view;
    }

    /** An extractive summary of the body (spans of the text as written), or null for an empty body. */
    private static String suggest(String bodyHtml) {
        String text = PlainText.fromHtml(bodyHtml == null ? "" : bodyHtml);
        String summary = text.isBlank() ? "" : Summary.of(text, SUGGESTED_SUMMARY);
        return summary.isBlank() ? null : summary;
    }

    private String fieldMessage(ArticleForm.Invalid invalid) {
        Messages msg = layouts.messages();
        return msg.get("editor.field." + invalid.field) + "：" + msg.get(invalid.key, invalid.args);
    }

    /** The article module's own refusals of content name the field first ("originalUrl: …"). */
    private String refusedInput(IllegalArgumentException e) {
        Messages msg = layouts.messages();
        String field = fieldOf(e);
        String detail = e.getMessage() == null ? "" : e.getMessage().substring(e.getMessage().indexOf(':') + 1).strip();
        if ("originalUrl".equals(field) && detail.contains("already has this original URL")) {
            return msg.get("editor.field.originalUrl") + "：" + msg.get("editor.invalid.originalUrlTaken", detail.replaceAll("\\D+", " ").strip());
        }
        return (field == null ? "" : msg.get("editor.field." + field) + "：") + detail;
    }

    private static String fieldOf(IllegalArgumentException e) {
        String m = e.getMessage();
        if (m == null || m.indexOf(':') < 0) {
            return null;
        }
        String field = m.substring(0, m.indexOf(':'));
        return switch (field) {
            case "title", "subtitle", "summary", "body", "originalUrl", "authors", "tags", "channel", "source", "sourceUrl", "coverImage" -> field;
            case "images" -> "figures";
            default -> null;
        };
    }

    private static HttpStatus status(ArticleRefused refused) {
        return switch (refused.reason()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.BAD_REQUEST;
        };
    }

    private static boolean isAction(String code) {
        try {
            ArticleAction.fromCode(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String csrfHeader(HttpServletRequest request) {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return token == null ? "X-CSRF-TOKEN" : token.getHeaderName();
    }

    private ZoneId zone() {
        return settings.current().timeZone();
    }

}
