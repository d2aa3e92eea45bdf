package org.masthead.admin.setting;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.masthead.account.SignedInUser;
import org.masthead.admin.AdminLayouts;
import org.masthead.admin.LogoChoices;
import org.masthead.platform.AdminAudit;
import org.masthead.platform.Messages;
import org.masthead.setting.SettingsDraft;
import org.masthead.setting.SiteSettings;
import org.masthead.setting.SiteSettingsStore;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

/** {@code /admin/settings}: admins edit the site settings; a save shows on the public site with the next page served. */
@Controller
class SettingsAdminController {


    /** Blank 友情链接 rows under the filled ones: room to add links without JavaScript. */
    static final int BLANK_LINK_ROWS = 3;

    private final AdminLayouts layouts;
    private final SiteSettingsStore settings;
    private final AdminAudit audit;
    private final LogoChoices logos;

    SettingsAdminController(AdminLayouts layouts, SiteSettingsStore settings, AdminAudit audit, LogoChoices logos) {
        this.logos = logos;
        this.layouts = layouts;
        this.settings = settings;
        this.audit = audit;
    }

    @GetMapping("/admin/settings")
    ModelAndView form(HttpServletRequest request) {
        String notice = request.getParameter("saved") != null ? layouts.messages().get("settings.saved") : null;
        return page(request, SettingsDraft.of(settings.current()), Map.of(), notice, HttpStatus.OK);
    }

    /** The form: every field a request parameter of its name; 友情链接 as parallel {@code linkName} / {@code linkUrl} lists. */
    @PostMapping("/admin/settings")
    ModelAndView save(HttpServletRequest request, @AuthenticationPrincipal SignedInUser me) {
        // An image picked from the media library replaces the typed logo address; one no longer there is refused.
        String picked = param(request, "logoMedia").strip();
        Optional<String> pickedUrl = picked.isEmpty() ? Optional.empty() : logos.picked(picked);
        String logoUrl = pickedUrl.orElse(param(request, "logoUrl"));
        SettingsDraft draft = new SettingsDraft(param(request, "name"), param(request, "tagline"), logoUrl, param(request, "copyrightSince"),
                param(request, "icp"), param(request, "publicSecurityFiling"), param(request, "email"), param(request, "timeZone"),
                param(request, "excerptLength"), param(request, "listPageSize"), param(request, "homePageSize"), param(request, "baseUrl"),
                links(request));
        if (!picked.isEmpty() && pickedUrl.isEmpty()) {
            // Nothing is stored; every other field is checked too, so the page shows all that is wrong at once.
            Map<String, SettingsDraft.Problem> problems = new LinkedHashMap<>(draft.check(Year.now(settings.current().timeZone())).problems());
            problems.put("logoMedia", new SettingsDraft.Problem("settings.error.logoMedia", List.of()));
            return page(request, draft, problems, null, HttpStatus.BAD_REQUEST);
        }
        SettingsDraft.Checked checked = settings.save(draft, new AdminAudit.By(me.username(), request.getRemoteAddr()));
        if (checked.ok()) {
            return new ModelAndView("redirect:/admin/settings?saved");
        }
        return page(request, draft, checked.problems(), null, HttpStatus.BAD_REQUEST);
    }

    private static String param(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null ? "" : value;
    }

    private static List<SiteSettings.FriendLink> links(HttpServletRequest request) {
        String[] names = request.getParameterValues("linkName");
        String[] urls = request.getParameterValues("linkUrl");
        int rows = Math.max(names == null ? 0 : names.length, urls == null ? 0 : urls.length);
        List<SiteSettings.FriendLink> links = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            links.add(new SiteSettings.FriendLink(names != null && i < names.length ? names[i] : "", urls != null && i < urls.length ? urls[i] : ""));
        }
        return links;
    }

    private ModelAndView page(HttpServletRequest request, SettingsDraft draft, Map<String, SettingsDraft.Problem> problems, String notice, HttpStatus status) {
        Messages msg = layouts.messages();
        List<SettingsPage.Field> fields = List.of(
                field(msg, problems, "name", draft.name(), "text", true, SettingsDraft.MAX_NAME, null),
                field(msg, problems, "tagline", draft.tagline(), "text", false, SettingsDraft.MAX_TAGLINE, null),
                field(msg, problems, "logoUrl", draft.logoUrl(), "text", false, SettingsDraft.MAX_URL, msg.get("settings.hint.logoUrl")),
                field(msg, problems, "copyrightSince", draft.copyrightSince(), "number", true, 4, null),
                field(msg, problems, "icp", draft.icp(), "text", false, 40, msg.get("settings.hint.icp")),
                field(msg, problems, "publicSecurityFiling", draft.publicSecurityFiling(), "text", false, 40, msg.get("settings.hint.publicSecurityFiling")),
                field(msg, problems, "email", draft.email(), "email", false, 254, msg.get("settings.hint.email")),
                field(msg, problems, "timeZone", draft.timeZone(), "text", true, 60, msg.get("settings.hint.timeZone")),
                field(msg, problems, "excerptLength", draft.excerptLength(), "number", true, 3,
                        msg.get("settings.hint.range", SettingsDraft.MIN_EXCERPT, SettingsDraft.MAX_EXCERPT)),
                field(msg, problems, "listPageSize", draft.listPageSize(), "number", true, 3,
                        msg.get("settings.hint.range", SettingsDraft.MIN_PAGE_SIZE, SettingsDraft.MAX_PAGE_SIZE)),
                field(msg, problems, "homePageSize", draft.homePageSize(), "number", true, 3,
                        msg.get("settings.hint.range", SettingsDraft.MIN_PAGE_SIZE, SettingsDraft.MAX_PAGE_SIZE)),
                field(msg, problems, "baseUrl", draft.baseUrl(), "url", true, SettingsDraft.MAX_URL, msg.get("settings.hint.baseUrl")));
        List<SettingsPage.LinkRow> rows = new ArrayList<>();
        for (SiteSettings.FriendLink link : draft.friendLinks()) {
            if (link.name().isBlank() && link.url().isBlank()) {
                continue; // the form's blank rows: numbered as SettingsDraft.check numbers the kept ones
            }
            SettingsDraft.Problem problem = problems.get("friendLinks." + rows.size());
            rows.add(new SettingsPage.LinkRow(rows.size() + 1, link.name(), link.url(), text(msg, problem)));
        }
        for (int i = 0; i < BLANK_LINK_ROWS; i++) {
            rows.add(new SettingsPage.LinkRow(rows.size() + 1, "", "", null));
        }
        List<String> history = audit.recent("settings.", 10).stream()
                .map(e -> msg.get("settings.history.line", layouts.time(e.at()), e.user(), e.detail()))
                .toList();
        SettingsPage page = new SettingsPage(layouts.layout(request, "settings", msg.get("admin.nav.settings")), fields, rows,
                text(msg, problems.get("friendLinks")), problems.isEmpty() ? null : msg.get("settings.invalid", problems.size()), notice, history,
                logos.offered(msg, settings.current().logoUrl()), text(msg, problems.get("logoMedia")));
        ModelAndView view = new ModelAndView("admin/setting/settings", Map.of("page", page));
        view.setStatus(status);
        return view;
    }

    private static SettingsPage.Field field(Messages msg, Map<String, SettingsDraft.Problem> problems, String name, String value, String type,
            boolean required, int maxLength, String hint) {
        return new SettingsPage.Field(name, msg.get("settings.field." + name), value == null ? "" : value, type, required, maxLength, hint,
                text(msg, problems.get(name)));
    }

    private static String text(Messages msg, SettingsDraft.Problem problem) {
        return problem == null ? null : msg.get(problem.messageKey(), problem.arguments().toArray());
    }
}
