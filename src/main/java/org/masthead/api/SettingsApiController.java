package org.masthead.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.masthead.setting.SettingsDraft;
import org.masthead.setting.SiteSettings;
import org.masthead.setting.SiteSettingsStore;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET} and {@code PATCH /api/v1/settings}: the site settings, for admins ({@code settings:write}).
 * A PATCH names only the fields it changes and goes through the same check and save as {@code /admin/settings}:
 * every wrong field is reported at once under {@code fields} and nothing is stored; a save is audited
 * ({@code settings.update}) and shows on every node's pages within seconds.
 */
@RestController
@RequestMapping(path = "/api/v1/settings", produces = MediaType.APPLICATION_JSON_VALUE)
class SettingsApiController {

    /** The settings as the API answers and takes them; {@code friendLinks} is the whole list, in order. */
    record SettingsResponse(String name, String tagline, String logoUrl, int copyrightSince, String icp, String publicSecurityFiling, String email,
            String timeZone, int excerptLength, int listPageSize, int homePageSize, String baseUrl, List<SiteSettings.FriendLink> friendLinks) {

        static SettingsResponse of(SiteSettings s) {
            return new SettingsResponse(s.name(), s.tagline(), s.logoUrl(), s.copyrightSince(), s.icp(), s.publicSecurityFiling(), s.email(),
                    s.timeZone().getId(), s.excerptLength(), s.listPageSize(), s.homePageSize(), s.baseUrl(), s.friendLinks());
        }
    }

    private static final Set<String> FIELDS = Set.of("name", "tagline", "logoUrl", "copyrightSince", "icp", "publicSecurityFiling", "email", "timeZone",
            "excerptLength", "listPageSize", "homePageSize", "baseUrl", "friendLinks");

    private final SiteSettingsStore settings;
    private final MessageSource messages;

    SettingsApiController(SiteSettingsStore settings, MessageSource messages) {
        this.settings = settings;
        this.messages = messages;
    }

    @GetMapping
    SettingsResponse get() {
        return SettingsResponse.of(settings.current());
    }

    /** {@code {"name": "台南晚报", "excerptLength": 48}}: fields left out keep their values. */
    @PatchMapping(consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    ResponseEntity<?> patch(@RequestBody(required = false) JsonNode body, Authentication auth, HttpServletRequest http) {
        JsonNode b = JsonFields.object(body, FIELDS);
        SettingsDraft now = SettingsDraft.of(settings.current());
        SettingsDraft draft = new SettingsDraft(
                field(b, "name", now.name()),
                field(b, "tagline", now.tagline()),
                field(b, "logoUrl", now.logoUrl()),
                field(b, "copyrightSince", now.copyrightSince()),
                field(b, "icp", now.icp()),
                field(b, "publicSecurityFiling", now.publicSecurityFiling()),
                field(b, "email", now.email()),
                field(b, "timeZone", now.timeZone()),
                field(b, "excerptLength", now.excerptLength()),
                field(b, "listPageSize", now.listPageSize()),
                field(b, "homePageSize", now.homePageSize()),
                field(b, "baseUrl", now.baseUrl()),
                b.has("friendLinks") ? friendLinks(b.get("friendLinks")) : now.friendLinks());
        SettingsDraft.Checked checked = settings.save(draft, ChannelApiController.by(auth, http));
        if (checked.ok()) {
            return ResponseEntity.ok(SettingsResponse.of(checked.settings()));
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        checked.problems().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(p -> fields.put(p.getKey(),
                Map.of("code", p.getValue().messageKey(), "error", messages.getMessage(p.getValue().messageKey(), p.getValue().arguments().toArray(),
                        p.getValue().messageKey(), LocaleContextHolder.getLocale()))));
        ResponseEntity<Map<String, Object>> answer = ApiErrorBody.of(HttpStatus.BAD_REQUEST,
                messages.getMessage("api.settings.invalid", new Object[] {fields.size()}, LocaleContextHolder.getLocale()), "settings.invalid");
        answer.getBody().put("fields", fields);
        return answer;
    }

    /** A field as typed: absent keeps {@code current}, null clears it (the check then says whether it may be empty). */
    private static String field(JsonNode body, String name, String current) {
        return body.has(name) ? JsonFields.textOrNumber(body, name) : current;
    }

    private static List<SiteSettings.FriendLink> friendLinks(JsonNode links) {
        if (links == null || links.isNull()) {
            return List.of();
        }
        if (!links.isArray()) {
            throw new IllegalArgumentException("friendLinks: expected a list of {\"name\": …, \"url\": …}");
        }
        List<SiteSettings.FriendLink> rows = new ArrayList<>();
        for (JsonNode link : links) {
            if (!link.isObject()) {
                throw new IllegalArgumentException("friendLinks: expected a list of {\"name\": …, \"url\": …}");
            }
            JsonNode row = JsonFields.object(link, Set.of("name", "url"));
            rows.add(new SiteSettings.FriendLink(JsonFields.text(row, "name"), JsonFields.text(row, "url")));
        }
        return rows;
    }
}
