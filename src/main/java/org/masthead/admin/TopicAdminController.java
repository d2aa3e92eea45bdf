package org.masthead.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.masthead.article.Actor;
import org.masthead.article.ArticleDetail;
import org.masthead.article.ArticleFlag;
import org.masthead.article.ArticleFlags;
import org.masthead.article.ArticleLookup;
import org.masthead.article.ArticleRefused;
import org.masthead.platform.Messages;
import org.masthead.topic.Topic;
import org.masthead.topic.TopicDraft;
import org.masthead.topic.TopicEditing;
import org.masthead.topic.TopicEntry;
import org.masthead.topic.TopicRefused;
import org.masthead.topic.Topics;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /admin/topics} (editors): special topics (专题) and their articles, and the article flags headline
 * (头条), recommended (推荐) and pinned (置顶). Refused input comes back in its form with the reason.
 */
@Controller
class TopicAdminController {

    private final AdminLayouts layouts;
    private final Topics topics;
    private final TopicEditing editing;
    private final ArticleLookup articles;
    private final ArticleFlags flags;
    private final MessageSource messages;

    TopicAdminController(AdminLayouts layouts, Topics topics, TopicEditing editing, ArticleLookup articles, ArticleFlags flags, MessageSource messages) {
        this.layouts = layouts;
        this.topics = topics;
        this.editing = editing;
        this.articles = articles;
        this.flags = flags;
        this.messages = messages;
    }

    @GetMapping("/admin/topics")
    ModelAndView list(HttpServletRequest request, HttpServletResponse response, @RequestParam(required = false) String saved) {
        return list(request, response, null, "", null, saved != null ? layouts.messages().get("ads.saved") : null, HttpStatus.OK);
    }

    @PostMapping("/admin/topics")
    ModelAndView create(HttpServletRequest request, HttpServletResponse response, @RequestParam(defaultValue = "") String slug,
            @RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String summary, @RequestParam(defaultValue = "") String coverImage) {
        TopicsAdminPage.TopicForm form = new TopicsAdminPage.TopicForm(slug, title, summary, coverImage);
        try {
            long id = editing.create(new TopicDraft(slug, title, summary, coverImage));
            return new ModelAndView("redirect:/admin/topics/" + id + "?saved");
        } catch (TopicRefused e) {
            return list(request, response, form, "", error(e), null, HttpStatus.BAD_REQUEST);
        }
    }

    /** Sets ({@code on=true}) or clears a flag of an article given by id or address. */
    @PostMapping("/admin/topics/flags")
    ModelAndView flag(HttpServletRequest request, HttpServletResponse response, Authentication auth, @RequestParam(defaultValue = "") String article,
            @RequestParam(defaultValue = "") String flag, @RequestParam(defaultValue = "true") boolean on) {
        try {
            List<Long> ids = articleIds(article);
            if (ids.size() != 1) {
                return list(request, response, null, article, layouts.messages().get("topic.error.oneArticle"), null, HttpStatus.BAD_REQUEST);
            }
            Actor actor = Actor.of(auth.getName(), auth.getAuthorities().stream().map(a -> a.getAuthority()).toList(), request.getRemoteAddr());
            flags.set(ids.getFirst(), Map.of(ArticleFlag.fromCode(flag), on), actor);
            return new ModelAndView("redirect:/admin/topics?saved");
        } catch (ArticleRefused e) {
            HttpStatus status = switch (e.reason()) {
                case NOT_FOUND -> HttpStatus.NOT_FOUND;
                case FORBIDDEN -> HttpStatus.FORBIDDEN;
                default -> HttpStatus.BAD_REQUEST;
            };
            return list(request, response, null, article, e.message(messages, LocaleContextHolder.getLocale()), null, status);
        } catch (TopicRefused e) {
            return list(request, response, null, article, error(e), null, HttpStatus.BAD_REQUEST);
        }
    }

    @GetMapping("/admin/topics/{id:\\d{1,18}}")
    ModelAndView edit(HttpServletRequest request, HttpServletResponse response, @PathVariable long id, @RequestParam(required = false) String saved) {
        return topic(request, response, id, null, "", "", null, saved != null ? layouts.messages().get("ads.saved") : null, HttpStatus.OK);
    }

    @PostMapping("/admin/topics/{id:\\d{1,18}}")
    ModelAndView update(HttpServletRequest request, HttpServletResponse response, @PathVariable long id, @RequestParam(defaultValue = "") String slug,
            @RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String summary, @RequestParam(defaultValue = "") String coverImage) {
        TopicsAdminPage.TopicForm form = new TopicsAdminPage.TopicForm(slug, title, summary, coverImage);
        try {
            editing.update(id, new TopicDraft(slug, title, summary, coverImage));
            return new ModelAndView("redirect:/admin/topics/" + id + "?saved");
        } catch (TopicRefused e) {
            return topic(request, response, id, form, "", "", error(e), null, status(e));
        }
    }

    /** Adds articles given by ids or addresses (/articles/12), separated by spaces, commas or lines. */
    @PostMapping("/admin/topics/{id:\\d{1,18}}/articles")
    ModelAndView add(HttpServletRequest request, HttpServletResponse response, @PathVariable long id, @RequestParam(defaultValue = "") String articles,
            @RequestParam(defaultValue = "") String section) {
        try {
            editing.addArticles(id, articleIds(articles), section);
            return new ModelAndView("redirect:/admin/topics/" + id + "?saved");
        } catch (TopicRefused e) {
            return topic(request, response, id, null, articles, section, error(e), null, status(e));
        }
    }

    @PostMapping("/admin/topics/{id:\\d{1,18}}/articles/{articleId:\\d{1,18}}/{action:up|down|remove}")
    ModelAndView move(HttpServletRequest request, HttpServletResponse response, @PathVariable long id, @PathVariable long articleId,
            @PathVariable String action) {
        try {
            switch (action) {
                case "up" -> editing.moveArticle(id, articleId, -1);
                case "down" -> editing.moveArticle(id, articleId, 1);
                default -> editing.removeArticle(id, articleId);
            }
            return new ModelAndView("redirect:/admin/topics/" + id + "?saved");
        } catch (TopicRefused e) {
            return topic(request, response, id, null, "", "", error(e), null, status(e));
        }
    }

    @PostMapping("/admin/topics/{id:\\d{1,18}}/articles/{articleId:\\d{1,18}}/section")
    ModelAndView section(HttpServletRequest request, HttpServletResponse response, @PathVariable long id, @PathVariable long articleId,
            @RequestParam(defaultValue = "") String section) {
        try {
            editing.setSection(id, articleId, section);
            return new ModelAndView("redirect:/admin/topics/" + id + "?saved");
        } catch (TopicRefused e) {
            return topic(request, response, id, null, "", "", error(e), null, status(e));
        }
    }

    /** Article ids from what an editor typed: numbers or addresses ending in /articles/N; anything else is refused. */
    static List<Long> articleIds(String typed) {
        List<Long> ids = new ArrayList<>();
        for (String part : typed.split("[\\s,，、;；]+")) {
            if (part.isBlank()) {
                continue;
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:.*/articles/)?(\\d{1,18})/?").matcher(part.strip());
            if (!m.matches()) {
                throw new TopicRefused("topic.error.articleRef", part.strip());
            }
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }

    private ModelAndView list(HttpServletRequest request, HttpServletResponse response, TopicsAdminPage.TopicForm form, String flagForm, String error,
            String notice, HttpStatus status) {
        Messages msg = layouts.messages();
        List<TopicsAdminPage.TopicLine> lines = topics.all().stream()
                .map(t -> new TopicsAdminPage.TopicLine(t.id(), t.title(), t.url(), topics.entries(t.id()).size(), layouts.time(t.updatedAt()))).toList();
        List<TopicsAdminPage.FlagList> flagLists = java.util.Arrays.stream(ArticleFlag.values())
                .map(f -> new TopicsAdminPage.FlagList(f.code(), msg.get("flag." + f.code()), flags.listed(f).stream()
                        .map(a -> new TopicsAdminPage.FlagLine(a.id(), a.title(), a.url(), msg.get("article.status." + a.status().code()),
                                layouts.time(a.flaggedAt())))
                        .toList()))
                .toList();
        response.setHeader("Cache-Control", "no-store");
        TopicsAdminPage page = new TopicsAdminPage(layouts.layout(request, "topics", msg.get("admin.nav.topics")), lines,
                form == null ? new TopicsAdminPage.TopicForm("", "", "", "") : form, flagLists, flagForm, error, notice);
        ModelAndView view = new ModelAndView("admin/topics", Map.of("page", page));
        view.setStatus(status);
        return view;
    }

    private ModelAndView topic(HttpServletRequest request, HttpServletResponse response, long id, TopicsAdminPage.TopicForm form, String addArticles,
            String addSection, String error, String notice, HttpStatus status) {
        Messages msg = layouts.messages();
        Topic topic = topics.byId(id).orElse(null);
        response.setHeader("Cache-Control", "no-store");
        if (topic == null) {
            return list(request, response, null, "", msg.get("topic.error.missing", String.valueOf(id)), null, HttpStatus.NOT_FOUND);
        }
        List<TopicEntry> entries = topics.entries(id);
        List<TopicAdminPage.Entry> lines = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            TopicEntry e = entries.get(i);
            ArticleDetail a = articles.any(e.articleId()).orElse(null);
            lines.add(new TopicAdminPage.Entry(e.articleId(), a == null ? "#" + e.articleId() : a.title(),
                    a == null ? "" : msg.get("article.status." + a.status().code()), a != null && articles.visible(a.id()).isPresent(),
                    e.section() == null ? "" : e.section(), i == 0, i == entries.size() - 1));
        }
        TopicsAdminPage.TopicForm shown = form != null ? form
                : new TopicsAdminPage.TopicForm(topic.slug(), topic.title(), topic.summary(), topic.coverImage() == null ? "" : topic.coverImage());
        TopicAdminPage page = new TopicAdminPage(layouts.layout(request, "topics", msg.get("topic.edit", topic.title())), id, topic.url(), shown, lines,
                addArticles, addSection, error, notice);
        ModelAndView view = new ModelAndView("admin/topic", Map.of("page", page));
        view.setStatus(status);
        return view;
    }

    private String error(TopicRefused e) {
        return layouts.messages().get(e.key(), e.args());
    }

    private static HttpStatus status(TopicRefused e) {
        return e.key().equals("topic.error.missing") ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
    }

}
