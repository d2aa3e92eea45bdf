package org.masthead.admin;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.masthead.ingest.FeedHealth;
import org.masthead.ingest.FeedPolling;
import org.masthead.ingest.IngestEvent;
import org.masthead.ingest.IngestEvents;
import org.masthead.ingest.SourcePollOutcome;
import org.masthead.platform.Messages;
import org.masthead.platform.PageSlice;
import org.masthead.source.SourceDirectory;
import org.masthead.source.SourceProfile;
import org.masthead.source.SourceRefused;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /admin/sources}: the sources with their polling health, adding, editing and deleting one,
 * "poll now" and the recent ingest events. Plain forms (CSRF token in each), no JavaScript. Guarded by
 * {@code taxonomy:write} (SecurityConfiguration).
 */
@Controller
class SourceAdminController {

    static final int EVENTS_PER_PAGE = 30;

    private final AdminLayouts layouts;
    private final SourceDirectory directory;
    private final FeedHealth health;
    private final FeedPolling polling;
    private final IngestEvents events;
    private final MessageSource messageSource;
    private final LogoChoices logos;

    SourceAdminController(AdminLayouts layouts, SourceDirectory directory, FeedHealth health, FeedPolling polling, IngestEvents events,
            MessageSource messageSource, LogoChoices logos) {
        this.logos = logos;
        this.layouts = layouts;
        this.directory = directory;
        this.health = health;
        this.polling = polling;
        this.events = events;
        this.messageSource = messageSource;
    }

    @GetMapping("/admin/sources")
    ModelAndView list(HttpServletRequest request) {
        return listPage(request, SourceForm.empty(), null, null, HttpStatus.OK);
    }

    @PostMapping("/admin/sources")
    ModelAndView create(HttpServletRequest request, SourceForm form) {
        SourceForm typed = form.orBlanks();
        Optional<SourceForm> withLogo = pickedLogo(typed);
        if (withLogo.isEmpty()) {
            return listPage(request, typed, layouts.messages().get("settings.error.logoMedia"), null, HttpStatus.BAD_REQUEST);
        }
        typed = withLogo.get();
        try {
            SourceProfile created = directory.create(new SourceDirectory.Fields(typed.name(), typed.homepage(), typed.logoUrl()), typed.feedUrl(),
                    minutes(typed.pollMinutes()));
            return new ModelAndView("redirect:/admin/sources/" + created.id() + "?created");
        } catch (SourceRefused e) {
            return listPage(request, typed, message(e), null, status(e));
        }
    }

    @GetMapping("/admin/sources/{id}")
    ModelAndView one(HttpServletRequest request, @PathVariable long id, @RequestParam(defaultValue = "1") int page,
            @RequestParam(required = false) String created, @RequestParam(required = false) String saved) {
        SourceProfile source = directory.byId(id).orElse(null);
        if (source == null) {
            return listPage(request, SourceForm.empty(), layouts.messages().get("source.error.notFound", String.valueOf(id)), null, HttpStatus.NOT_FOUND);
        }
        Messages msg = layouts.messages();
        String notice = created != null ? msg.get("sources.created", source.name()) : saved != null ? msg.get("sources.saved") : null;
        return sourcePage(request, source, formOf(source), Math.max(1, page), null, notice, null, HttpStatus.OK);
    }

    @PostMapping("/admin/sources/{id}")
    ModelAndView update(HttpServletRequest request, @PathVariable long id, SourceForm form) {
        SourceForm asTyped = form.orBlanks();
        Optional<SourceForm> withLogo = pickedLogo(asTyped);
        if (withLogo.isEmpty()) {
            return directory.byId(id).map(source -> sourcePage(request, source, asTyped, 1, layouts.messages().get("settings.error.logoMedia"), null, null,
                    HttpStatus.BAD_REQUEST)).orElseGet(() -> listPage(request, SourceForm.empty(),
                    layouts.messages().get("source.error.notFound", String.valueOf(id)), null, HttpStatus.NOT_FOUND));
        }
        SourceForm typed = withLogo.get();
        try {
            directory.update(id, new SourceDirectory.Fields(typed.name(), typed.homepage(), typed.logoUrl()), typed.feedUrl(), minutes(typed.pollMinutes()));
            return new ModelAndView("redirect:/admin/sources/" + id + "?saved");
        } catch (SourceRefused e) {
            SourceProfile source = directory.byId(id).orElse(null);
            if (source == null) {
                return listPage(request, SourceForm.empty(), message(e), null, HttpStatus.NOT_FOUND);
            }
            return sourcePage(request, source, typed, 1, message(e), null, null, status(e));
        }
    }

    @PostMapping("/admin/sources/{id}/poll")
    ModelAndView poll(HttpServletRequest request, @PathVariable long id) {
        SourceProfile source = directory.byId(id).orElse(null);
        Messages msg = layouts.messages();
        if (source == null) {
            return listPage(request, SourceForm.empty(), msg.get("source.error.notFound", String.valueOf(id)), null, HttpStatus.NOT_FOUND);
        }
        String result;
        try {
            SourcePollOutcome o = polling.pollSource(id);
            result = o.status().equals("done")
                    ? msg.get("sources.poll.done", o.created(), o.updated(), o.unchanged(), o.duplicates(), o.rejected(), o.flagged(), o.failed(), o.busy())
                    : msg.get("sources.poll.running", o.created(), o.flagged());
        } catch (IllegalArgumentException e) {
            return sourcePage(request, source, formOf(source), 1, msg.get("sources.poll.noFeeds"), null, null, HttpStatus.CONFLICT);
        }
        // Answered directly, not redirected: the counts belong to this request only.
        return sourcePage(request, source, formOf(source), 1, null, null, result, HttpStatus.OK);
    }

    @PostMapping("/admin/sources/{id}/delete")
    ModelAndView delete(HttpServletRequest request, @PathVariable long id) {
        try {
            SourceDirectory.Retired retired = directory.retire(id);
            String notice = layouts.messages().get("source.deleted", retired.source().name(), retired.feedsRemoved(), retired.articlesKept());
            return listPage(request, SourceForm.empty(), null, notice, HttpStatus.OK);
        } catch (SourceRefused e) {
            return listPage(request, SourceForm.empty(), message(e), null, status(e));
        }
    }

    private ModelAndView listPage(HttpServletRequest request, SourceForm form, String error, String notice, HttpStatus status) {
        Messages msg = layouts.messages();
        List<SourcesPage.SourceLine> lines = directory.list().stream().map(s -> line(s, health.ofSourceSummed(s.id()), msg)).toList();
        SourcesPage page = new SourcesPage(layouts.layout(request, "sources", msg.get("admin.nav.sources")), lines, form, error, notice,
                logos.offered(msg, null));
        ModelAndView view = new ModelAndView("admin/sources", Map.of("page", page));
        view.setStatus(status);
        return view;
    }

    private ModelAndView sourcePage(HttpServletRequest request, SourceProfile source, SourceForm form, int page, String error, String notice, String pollResult,
            HttpStatus status) {
        Messages msg = layouts.messages();
        FeedHealth.SourceView h = health.ofSourceSummed(source.id());
        List<SourcePage.FeedLine> feeds = h.feeds().stream().map(f -> new SourcePage.FeedLine(f.url(), f.title(), minutesText(f.pollIntervalSeconds()),
                orNever(f.lastSuccessAt(), msg), f.lastErrorAt() == null ? "" : layouts.time(f.lastErrorAt()) + " " + f.lastError(), f.failureCount(),
                layouts.time(f.nextPollAt()), String.valueOf(f.itemsPerDay()), f.enabled())).toList();
        PageSlice<IngestEvent> slice = events.ofSource(source.id(), page, EVENTS_PER_PAGE);
        List<SourcePage.EventLine> lines = slice.items().stream().map(e -> eventLine(e, msg)).toList();
        SourcePage model = new SourcePage(layouts.layout(request, "sources", source.name()), line(source, h, msg), form, feeds, lines, slice.page(),
                slice.totalPages(), error, notice, pollResult, logos.offered(msg, source.logoUrl()));
        ModelAndView view = new ModelAndView("admin/source", Map.of("page", model));
        view.setStatus(status);
        return view;
    }

    private SourcesPage.SourceLine line(SourceProfile s, FeedHealth.SourceView h, Messages msg) {
        String lastError = h.lastErrorAt() == null ? "" : layouts.time(h.lastErrorAt()) + " " + h.lastError();
        String backoff = h.backingOff() ? msg.get("sources.backoff.on", h.failureCount(), layouts.time(h.retryAt())) : msg.get("sources.backoff.none");
        return new SourcesPage.SourceLine(s.id(), s.name(), s.homepage(), s.logoUrl(), h.feedCount(), orNever(h.lastSuccessAt(), msg), lastError,
                String.valueOf(h.itemsPerDay()), layouts.time(h.nextPollAt()), backoff, h.backingOff());
    }

    private SourcePage.EventLine eventLine(IngestEvent e, Messages msg) {
        String detail = e.detail() == null ? "" : e.detail();
        if (IngestEvent.FLAGGED.equals(e.kind())) {
            // Flag reasons are message keys: shown in words.
            detail = String.join("、", Arrays.stream(detail.split(" ")).filter(k -> !k.isBlank()).map(msg::get).toList());
        }
        boolean bad = IngestEvent.FAILED.equals(e.kind()) || IngestEvent.REJECTED.equals(e.kind()) || IngestEvent.FLAGGED.equals(e.kind());
        return new SourcePage.EventLine(layouts.time(e.at()), e.kind(), msg.get("ingest.event." + e.kind()), e.itemUrl() == null ? "" : e.itemUrl(),
                e.articleId() == null ? null : "/articles/" + e.articleId(), detail, bad);
    }

    private String orNever(java.time.Instant at, Messages msg) {
        return at == null ? msg.get("sources.never") : layouts.time(at);
    }

    private static SourceForm formOf(SourceProfile s) {
        return new SourceForm(s.name(), s.homepage() == null ? "" : s.homepage(), s.logoUrl() == null ? "" : s.logoUrl(), "", "30", "");
    }

    /** The form with a picked library image as its logo; the form as typed when none was picked; empty when the pick is not in the library. */
    private Optional<SourceForm> pickedLogo(SourceForm typed) {
        if (typed.logoMedia().isBlank()) {
            return Optional.of(typed);
        }
        return logos.pickedAbsolute(typed.logoMedia()).map(typed::withLogo); // a source's logo is an absolute address
    }

    private static String minutesText(long seconds) {
        return seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
    }

    /** The typed interval; text that is not a number is a field error like any other. */
    private static Duration minutes(String typed) {
        String t = typed == null ? "" : typed.strip();
        if (!t.matches("\\d{1,6}")) {
            throw SourceRefused.invalid("source.error.pollInterval", "1", "10080");
        }
        return Duration.ofMinutes(Long.parseLong(t));
    }

    private String message(SourceRefused e) {
        return e.message(messageSource, LocaleContextHolder.getLocale());
    }

    private static HttpStatus status(SourceRefused e) {
        return switch (e.reason()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.BAD_REQUEST;
        };
    }
}
