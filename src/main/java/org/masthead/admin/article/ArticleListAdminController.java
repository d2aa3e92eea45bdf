package org.masthead.admin.article;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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
import org.masthead.article.DeskQuery;
import org.masthead.article.DeskRow;
import org.masthead.article.SaveOutcome;
import org.masthead.channel.Channel;
import org.masthead.channel.Channels;
import org.masthead.platform.Messages;
import org.masthead.platform.PageSlice;
import org.masthead.setting.SiteSettingsStore;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /admin/articles}: every article in any state by filter (an author sees only their own), and
 * bulk publish, unpublish, move to a channel or add a tag. Each article of a bulk action goes through
 * the same rules as one at a time, in its own transaction, and the page lists what happened to each:
 * one refused never stops the others, and none is skipped silently.
 */
@Controller
class ArticleListAdminController {

    static final int PAGE_SIZE = 30;
    /** Most articles one bulk action takes: a page and a half of the list, so a slip cannot touch thousands. */
    static final int MAX_BULK = 200;

    private final AdminLayouts layouts;
    private final ArticleDesk desk;
    private final ArticleWorkflow workflow;
    private final ArticleEditing editing;
    private final Channels channels;
    private final SiteSettingsStore settings;
    private final MessageSource messages;

    ArticleListAdminController(AdminLayouts layouts, ArticleDesk desk, ArticleWorkflow workflow, ArticleEditing editing, Channels channels,
            SiteSettingsStore settings, MessageSource messages) {
        this.layouts = layouts;
        this.desk = desk;
        this.workflow = workflow;
        this.editing = editing;
        this.channels = channels;
        this.settings = settings;
        this.messages = messages;
    }

    @GetMapping("/admin/articles")
    ModelAndView list(HttpServletRequest request, Authentication auth, @RequestParam Map<String, String> params) {
        return page(request, auth, params, List.of(), null, HttpStatus.OK);
    }

    @PostMapping("/admin/articles/bulk")
    ModelAndView bulk(HttpServletRequest request, Authentication auth, @RequestParam(required = false) List<Long> ids,
            @RequestParam(defaultValue = "") String action, @RequestParam(defaultValue = "") String channel, @RequestParam(defaultValue = "") String tag,
            @RequestParam(defaultValue = "") String back) {
        Messages msg = layouts.messages();
        Map<String, String> params = parseQuery(back);
        List<Long> chosen = ids == null ? List.of() : ids.stream().distinct().toList();
        if (chosen.isEmpty()) {
            return page(request, auth, params, List.of(), msg.get("bulk.noneChosen"), HttpStatus.BAD_REQUEST);
        }
        if (chosen.size() > MAX_BULK) {
            return page(request, auth, params, List.of(), msg.get("bulk.tooMany", MAX_BULK), HttpStatus.BAD_REQUEST);
        }
        Actor actor = AdminActors.of(auth, request);
        String error = switch (action) {
            case "publish", "unpublish" -> null;
            case "move" -> channel.isBlank() || channels.byName(channel.strip()).isEmpty() ? msg.get("bulk.chooseChannel") : null;
            case "tag" -> tag.isBlank() ? msg.get("bulk.chooseTag") : tag.strip().length() > ArticleForm.MAX_TAG ? msg.get("editor.invalid.tag", tag.strip(), ArticleForm.MAX_TAG) : null;
            default -> msg.get("bulk.chooseAction");
        };
        if (error != null) {
            return page(request, auth, params, List.of(), error, HttpStatus.BAD_REQUEST);
        }
        List<ArticleListPage.BulkResult> results = new ArrayList<>();
        for (long id : chosen) {
            results.add(one(id, action, channel.strip(), tag.strip(), actor, msg));
        }
        return page(request, auth, params, results, null, HttpStatus.OK);
    }

    /** One article of a bulk action, in its own transaction: done, unchanged, or refused with the reason. */
    private ArticleListPage.BulkResult one(long id, String action, String channel, String tag, Actor actor, Messages msg) {
        String title = "#" + id;
        try {
            DeskArticle article = desk.open(id, actor);
            title = article.detail().title();
            switch (action) {
                case "publish" -> workflow.apply(id, ArticleAction.PUBLISH, actor, null);
                case "unpublish" -> workflow.apply(id, ArticleAction.UNPUBLISH, actor, null);
                case "move", "tag" -> {
                    ArticleDraft content = article.content();
                    ArticleDraft changed = action.equals("move") ? withChannel(content, channel) : withTag(content, tag);
                    SaveOutcome outcome = editing.update(id, changed, actor);
                    if (outcome.kind() == SaveOutcome.Kind.UNCHANGED) {
                        return new ArticleListPage.BulkResult(id, title, true, msg.get("bulk.unchanged"));
                    }
                }
                default -> throw new IllegalStateException(action);
            }
            return new ArticleListPage.BulkResult(id, title, true, msg.get("bulk.done." + action));
        } catch (ArticleRefused refused) {
            return new ArticleListPage.BulkResult(id, title, false, refused.message(messages, LocaleContextHolder.getLocale()));
        } catch (IllegalArgumentException invalid) {
            return new ArticleListPage.BulkResult(id, title, false, msg.get("bulk.invalid", invalid.getMessage()));
        }
    }

    private static ArticleDraft withChannel(ArticleDraft d, String channel) {
        return new ArticleDraft(d.title(), d.subtitle(), d.bodyHtml(), d.summary(), d.publishedAt(), d.originalUrl(), d.sourceName(), d.sourceHomepage(),
                d.authors(), channel, d.tags(), d.coverImage(), d.figures());
    }

    private static ArticleDraft withTag(ArticleDraft d, String tag) {
        if (d.tags().contains(tag)) {
            return d;
        }
        List<String> tags = new ArrayList<>(d.tags());
        tags.add(tag);
        return new ArticleDraft(d.title(), d.subtitle(), d.bodyHtml(), d.summary(), d.publishedAt(), d.originalUrl(), d.sourceName(), d.sourceHomepage(),
                d.authors(), d.channelName(), tags, d.coverImage(), d.figures());
    }

    private ModelAndView page(HttpServletRequest request, Authentication auth, Map<String, String> params, List<ArticleListPage.BulkResult> results,
            String error, HttpStatus status) {
        Messages msg = layouts.messages();
        Actor actor = AdminActors.of(auth, request);
        ZoneId zone = settings.current().timeZone();
        ArticleListPage.Filters typed = new ArticleListPage.Filters(param(params, "q"), param(params, "status"), param(params, "channel"),
                param(params, "source"), param(params, "author"), param(params, "from"), param(params, "to"));
        List<String> problems = new ArrayList<>();
        ArticleStatus status1 = null;
        if (!typed.status().isEmpty()) {
            try {
                status1 = ArticleStatus.fromCode(typed.status());
            } catch (IllegalArgumentException e) {
                problems.add(msg.get("desk.invalid.status", typed.status()));
            }
        }
        Long channelId = number(typed.channel(), "desk.invalid.channel", problems, msg);
        Long sourceId = number(typed.source(), "desk.invalid.source", problems, msg);
        LocalDate from = date(typed.from(), problems, msg);
        LocalDate to = date(typed.to(), problems, msg);
        // A date input can only show a date: one that could not be read is named in the message instead.
        ArticleListPage.Filters f = new ArticleListPage.Filters(typed.q(), typed.status(), typed.channel(), typed.source(), typed.author(),
                from == null ? "" : typed.from(), to == null ? "" : typed.to());
        int pageNo = PageSlice.pageNumber(intOrNull(params.get("page")));
        DeskQuery query = new DeskQuery(f.q().isEmpty() ? null : f.q(), status1, channelId, sourceId, f.author().isEmpty() ? null : f.author(),
                from == null ? null : from.atStartOfDay(zone).toInstant(), to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant());
        PageSlice<DeskRow> slice = desk.list(query, actor, pageNo, PAGE_SIZE);
        List<ArticleListPage.Row> rows = slice.items().stream().map(r -> new ArticleListPage.Row(r.id(), r.title(), r.status().code(),
                msg.get("article.status." + r.status().code()), layouts.time(r.publishedAt()), nz(r.channelName()), nz(r.sourceName()),
                String.join(msg.get("article.listSeparator"), r.authors()), nz(r.createdBy()),
                r.status() == ArticleStatus.PUBLISHED ? r.url() : null)).toList();
        List<ArticleListPage.Option> statuses = new ArrayList<>();
        for (ArticleStatus s : ArticleStatus.values()) {
            statuses.add(new ArticleListPage.Option(s.code(), msg.get("article.status." + s.code()), s.code().equals(f.status())));
        }
        List<ArticleListPage.Option> channelOptions = channels.all().stream()
                .map(c -> new ArticleListPage.Option(String.valueOf(c.id()), c.name(), String.valueOf(c.id()).equals(f.channel()))).toList();
        List<ArticleListPage.Option> sourceOptions = desk.sources().stream()
                .map(s -> new ArticleListPage.Option(String.valueOf(s.id()), s.name(), String.valueOf(s.id()).equals(f.source()))).toList();
        String queryString = queryString(f);
        String base = "/admin/articles?" + queryString + (queryString.isEmpty() ? "" : "&") + "page=";
        String bulkSummary = results.isEmpty() ? null
                : msg.get("bulk.summary", results.stream().filter(ArticleListPage.BulkResult::ok).count(), results.stream().filter(r -> !r.ok()).count());
        String shownError = error != null ? error : problems.isEmpty() ? null : String.join(" ", problems);
        boolean isEditor = auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("articles:publish"));
        ArticleListPage page = new ArticleListPage(layouts.layout(request, "articles", msg.get("desk.title")), f, rows, slice.total(), slice.page(),
                slice.totalPages(), slice.hasPrevious() ? base + (slice.page() - 1) : null, slice.hasNext() ? base + (slice.page() + 1) : null,
                statuses, channelOptions, sourceOptions, queryString, results, bulkSummary, shownError,
                params.containsKey("deleted") ? msg.get("desk.deleted", param(params, "deleted")) : null, isEditor);
        ModelAndView view = new ModelAndView("admin/article/list", Map.of("page", page));
        view.setStatus(shownError != null && status == HttpStatus.OK && !problems.isEmpty() ? HttpStatus.BAD_REQUEST : status);
        return view;
    }

    static String queryString(ArticleListPage.Filters f) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("q", f.q());
        q.put("status", f.status());
        q.put("channel", f.channel());
        q.put("source", f.source());
        q.put("author", f.author());
        q.put("from", f.from());
        q.put("to", f.to());
        return q.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    /** The list's filter from the query string the bulk form carried back. */
    private static Map<String, String> parseQuery(String query) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                try {
                    params.put(java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException ignored) {
                    // a damaged back link only loses the filter, never the action's results
                }
            }
        }
        return params;
    }

    private static String param(Map<String, String> params, String name) {
        String v = params.get(name);
        return v == null ? "" : v.strip();
    }

    private static Long number(String value, String key, List<String> problems, Messages msg) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            problems.add(msg.get(key, value));
            return null;
        }
    }

    private static LocalDate date(String value, List<String> problems, Messages msg) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(msg.get("desk.invalid.date", value));
            return null;
        }
    }

    private static Integer intOrNull(String value) {
        try {
            return value == null ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    static List<ArticleListPage.Option> channelNames(List<Channel> all, String selected) {
        return all.stream().map(c -> new ArticleListPage.Option(c.name(), c.name(), c.name().equals(selected))).toList();
    }
}
