package org.masthead.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.masthead.ads.AdDailyCount;
import org.masthead.ads.AdEditing;
import org.masthead.ads.AdRefused;
import org.masthead.ads.AdReports;
import org.masthead.ads.AdSlot;
import org.masthead.ads.AdSlotDraft;
import org.masthead.ads.AdSlots;
import org.masthead.ads.Creative;
import org.masthead.ads.CreativeDraft;
import org.masthead.ads.CreativeKind;
import org.masthead.platform.Messages;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /admin/ads} (editors): slots, their creatives, starting and stopping them, and the impressions and
 * clicks of each creative per day. Refused input comes back in its form with the reason; nothing is stored.
 */
@Controller
class AdAdminController {

    /** Days of counts the page shows. */
    static final int DAYS = 14;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final AdminLayouts layouts;
    private final AdEditing editing;
    private final AdReports reports;
    private final AdSlots slots;
    private final java.time.Clock clock;

    AdAdminController(AdminLayouts layouts, AdEditing editing, AdReports reports, AdSlots slots, java.time.Clock clock) {
        this.layouts = layouts;
        this.editing = editing;
        this.reports = reports;
        this.slots = slots;
        this.clock = clock;
    }

    @GetMapping("/admin/ads")
    ModelAndView overview(HttpServletRequest request, HttpServletResponse response, @RequestParam(required = false) String saved) {
        return overview(request, response, null, -1, null, null, saved != null ? layouts.messages().get("ads.saved") : null, HttpStatus.OK);
    }

    @PostMapping("/admin/ads/slots")
    ModelAndView createSlot(HttpServletRequest request, HttpServletResponse response, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String placement, @RequestParam(defaultValue = "") String width, @RequestParam(defaultValue = "") String height) {
        AdsPage.SlotForm form = new AdsPage.SlotForm(name, placement, width, height);
        try {
            editing.saveSlot(null, slotDraft(form));
            return new ModelAndView("redirect:/admin/ads?saved");
        } catch (AdRefused e) {
            return overview(request, response, form, -1, null, error(e), null, HttpStatus.BAD_REQUEST);
        }
    }

    @PostMapping("/admin/ads/slots/{id}")
    ModelAndView updateSlot(HttpServletRequest request, HttpServletResponse response, @PathVariable long id, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String placement, @RequestParam(defaultValue = "") String width, @RequestParam(defaultValue = "") String height) {
        AdsPage.SlotForm form = new AdsPage.SlotForm(name, placement, width, height);
        try {
            editing.saveSlot(id, slotDraft(form));
            return new ModelAndView("redirect:/admin/ads?saved");
        } catch (AdRefused e) {
            return overview(request, response, null, id, form, error(e), null, e.key().endsWith("missing") ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST);
        }
    }

    @PostMapping("/admin/ads/slots/{id}/{action:start|stop}")
    ModelAndView startOrStopSlot(HttpServletRequest request, HttpServletResponse response, @PathVariable long id, @PathVariable String action) {
        try {
            editing.setSlotActive(id, action.equals("start"));
            return new ModelAndView("redirect:/admin/ads?saved");
        } catch (AdRefused e) {
            return overview(request, response, null, -1, null, error(e), null, HttpStatus.NOT_FOUND);
        }
    }

    @GetMapping("/admin/ads/creatives/new")
    ModelAndView newCreative(HttpServletRequest request, HttpServletResponse response, @RequestParam(required = false) Long slot) {
        String slotId = slot == null ? "" : String.valueOf(slot);
        return creativePage(request, response, null, new CreativePage.CreativeForm(slotId, CreativeKind.TEXT.code(), "", "", "", "", "1", "", ""), null,
                HttpStatus.OK);
    }

    @GetMapping("/admin/ads/creatives/{id:\\d{1,18}}")
    ModelAndView editCreative(HttpServletRequest request, HttpServletResponse response, @PathVariable long id) {
        Creative c = reports.creative(id).orElse(null);
        if (c == null) {
            return creativePage(request, response, null, emptyForm(), layouts.messages().get("ad.error.creative.missing", String.valueOf(id)), HttpStatus.NOT_FOUND);
        }
        return creativePage(request, response, id, new CreativePage.CreativeForm(String.valueOf(c.slotId()), c.kind().code(), c.title(), orEmpty(c.linkUrl()),
                orEmpty(c.imageUrl()), orEmpty(c.html()), String.valueOf(c.weight()), local(c.startsAt()), local(c.endsAt())), null, HttpStatus.OK);
    }

    @PostMapping("/admin/ads/creatives")
    ModelAndView createCreative(HttpServletRequest request, HttpServletResponse response, CreativeFormParams params) {
        return saveCreative(request, response, null, params.form());
    }

    @PostMapping("/admin/ads/creatives/{id:\\d{1,18}}")
    ModelAndView updateCreative(HttpServletRequest request, HttpServletResponse response, @PathVariable long id, CreativeFormParams params) {
        return saveCreative(request, response, id, params.form());
    }

    @PostMapping("/admin/ads/creatives/{id}/{action:start|stop}")
    ModelAndView startOrStopCreative(HttpServletRequest request, HttpServletResponse response, @PathVariable long id, @PathVariable String action) {
        try {
            editing.setCreativeActive(id, action.equals("start"));
            return new ModelAndView("redirect:/admin/ads?saved");
        } catch (AdRefused e) {
            return overview(request, response, null, -1, null, error(e), null, HttpStatus.NOT_FOUND);
        }
    }

    /** The creative form's fields, bound by name; all text, checked by {@link AdEditing}. */
    record CreativeFormParams(String slotId, String kind, String title, String linkUrl, String imageUrl, String html, String weight, String startsAt,
            String endsAt) {

        CreativePage.CreativeForm form() {
            return new CreativePage.CreativeForm(orEmpty(slotId), orEmpty(kind), orEmpty(title), orEmpty(linkUrl), orEmpty(imageUrl), orEmpty(html),
                    orEmpty(weight), orEmpty(startsAt), orEmpty(endsAt));
        }
    }

    private ModelAndView saveCreative(HttpServletRequest request, HttpServletResponse response, Long id, CreativePage.CreativeForm form) {
        try {
            long slotId = number(form.slotId());
            CreativeDraft draft = new CreativeDraft(slotId, CreativeKind.fromCode(form.kind()), form.title(), form.linkUrl(), form.imageUrl(), form.html(),
                    form.weight().isBlank() ? null : (int) number(form.weight()), instant(form.startsAt()), instant(form.endsAt()));
            editing.saveCreative(id, draft);
            return new ModelAndView("redirect:/admin/ads?saved");
        } catch (AdRefused e) {
            return creativePage(request, response, id, form, error(e), e.key().equals("ad.error.creative.missing") ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST);
        }
    }

    private ModelAndView creativePage(HttpServletRequest request, HttpServletResponse response, Long id, CreativePage.CreativeForm form, String error,
            HttpStatus status) {
        Messages msg = layouts.messages();
        List<AdsPage.Option> kinds = List.of(CreativeKind.values()).stream().map(k -> new AdsPage.Option(k.code(), msg.get("ads.kind." + k.code()))).toList();
        List<AdsPage.Option> slotOptions = reports.slots().stream().map(s -> new AdsPage.Option(String.valueOf(s.id()), s.name())).toList();
        String slotName = reports.slots().stream().filter(s -> String.valueOf(s.id()).equals(form.slotId())).map(AdSlot::name).findFirst().orElse("");
        String title = msg.get(id == null ? "ads.creative.new" : "ads.creative.edit");
        response.setHeader("Cache-Control", "no-store");
        CreativePage page = new CreativePage(layouts.layout(request, "ads", title), id, id == null ? "/admin/ads/creatives" : "/admin/ads/creatives/" + id,
                slotName, form, kinds, slotOptions, error);
        ModelAndView view = new ModelAndView("admin/creative", Map.of("page", page));
        view.setStatus(status);
        return view;
    }

    private ModelAndView overview(HttpServletRequest request, HttpServletResponse response, AdsPage.SlotForm newSlot, long editedId, AdsPage.SlotForm edited,
            String error, String notice, HttpStatus status) {
        Messages msg = layouts.messages();
        LocalDate today = LocalDate.ofInstant(clock.instant(), layouts.zone());
        List<AdDailyCount> daily = reports.daily(today.minusDays(DAYS - 1), today);
        Map<Long, long[]> totals = new HashMap<>();
        daily.forEach(d -> {
            long[] t = totals.computeIfAbsent(d.creativeId(), k -> new long[2]);
            t[0] += d.impressions();
            t[1] += d.clicks();
        });
        Instant now = clock.instant();
        Map<Long, String> titles = new HashMap<>();
        List<AdsPage.SlotLine> lines = reports.slots().stream().map(s -> {
            List<AdsPage.CreativeLine> creatives = reports.creatives(s.id()).stream().map(c -> {
                titles.put(c.id(), c.title());
                long[] t = totals.getOrDefault(c.id(), new long[2]);
                return new AdsPage.CreativeLine(c.id(), msg.get("ads.kind." + c.kind().code()), c.title(), orEmpty(c.linkUrl()), c.weight(), window(msg, c),
                        c.active(), s.active() && c.showsAt(now), t[0], t[1]);
            }).toList();
            AdsPage.SlotForm form = new AdsPage.SlotForm(s.name(), s.placement(), s.width() == null ? "" : String.valueOf(s.width()), String.valueOf(s.height()));
            String size = (s.width() == null ? msg.get("ads.fullWidth") : s.width() + "px") + " × " + s.height() + "px";
            return new AdsPage.SlotLine(s.id(), s.name(), msg.get("ads.placement." + s.placement()), size, s.active(), form, creatives);
        }).toList();
        List<AdsPage.CountLine> counts = daily.stream().map(d -> new AdsPage.CountLine(d.day().toString(), d.creativeId(),
                titles.getOrDefault(d.creativeId(), "#" + d.creativeId()), d.impressions(), d.clicks(), d.clickThrough())).toList();
        List<AdsPage.Option> placements = AdSlots.PLACEMENTS.stream().map(p -> new AdsPage.Option(p, msg.get("ads.placement." + p))).toList();
        response.setHeader("Cache-Control", "no-store");
        AdsPage page = new AdsPage(layouts.layout(request, "ads", msg.get("admin.nav.ads")), lines, placements,
                newSlot == null ? new AdsPage.SlotForm("", AdSlots.SIDEBAR, "", "") : newSlot, editedId, edited, counts, DAYS, error, notice);
        ModelAndView view = new ModelAndView("admin/ads", Map.of("page", page));
        view.setStatus(status);
        return view;
    }

    private String window(Messages msg, Creative c) {
        if (c.startsAt() == null && c.endsAt() == null) {
            return msg.get("ads.window.always");
        }
        return (c.startsAt() == null ? "…" : layouts.time(c.startsAt())) + " – " + (c.endsAt() == null ? "…" : layouts.time(c.endsAt()));
    }

    private String error(AdRefused e) {
        return layouts.messages().get(e.key(), e.args());
    }

    private static AdSlotDraft slotDraft(AdsPage.SlotForm form) {
        return new AdSlotDraft(form.name(), form.placement(), form.width().isBlank() ? null : (int) number(form.width()),
                form.height().isBlank() ? null : (int) number(form.height()));
    }

    /** A whole number typed in a field; anything else is refused, naming what was typed. */
    private static long number(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new AdRefused("ad.error.number", text);
        }
    }

    /** A datetime-local value in the site's zone; blank is none. */
    private Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip()).atZone(layouts.zone()).toInstant();
        } catch (DateTimeParseException e) {
            throw new AdRefused("ad.error.time", text);
        }
    }

    private String local(Instant instant) {
        return instant == null ? "" : LOCAL.format(instant.atZone(layouts.zone()));
    }

    private static CreativePage.CreativeForm emptyForm() {
        return new CreativePage.CreativeForm("", CreativeKind.TEXT.code(), "", "", "", "", "1", "", "");
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
