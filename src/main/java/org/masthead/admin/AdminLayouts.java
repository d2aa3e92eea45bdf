package org.masthead.admin;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.masthead.account.Permission;
import org.masthead.account.SignedInUser;
import org.masthead.platform.Messages;
import org.masthead.setting.SiteSettingsStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * Builds the {@link AdminLayout} of a back-office page. Back-office controllers of every module take
 * this and call {@link #layout}: {@code layouts.layout(request, "articles", "文章")}.
 */
@Component
public class AdminLayouts {

    static final String CSS = "/css/admin.css";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    /** The sections in the order of the navigation: key, address, the authority that opens it. */
    private record Section(String key, String url, String authority) {}

    private static final List<Section> SECTIONS = List.of(
            new Section("dashboard", "/admin", "ROLE_AUTHOR"),
            new Section("articles", "/admin/articles", Permission.ARTICLES_WRITE.authority()),
            new Section("media", "/admin/media", Permission.MEDIA_WRITE.authority()),
            new Section("search", "/admin/search", Permission.ARTICLES_EDIT_ANY.authority()),
            new Section("channels", "/admin/channels", Permission.TAXONOMY_WRITE.authority()),
            new Section("tags", "/admin/tags", Permission.TAXONOMY_WRITE.authority()),
            new Section("bylines", "/admin/bylines", Permission.TAXONOMY_WRITE.authority()),
            new Section("sources", "/admin/sources", Permission.TAXONOMY_WRITE.authority()),
            new Section("review", "/admin/review", Permission.ARTICLES_PUBLISH.authority()),
            new Section("topics", "/admin/topics", Permission.TAXONOMY_WRITE.authority()),
            new Section("ads", "/admin/ads", Permission.ADS_WRITE.authority()),
            new Section("settings", "/admin/settings", Permission.SETTINGS_WRITE.authority()),
            new Section("users", "/admin/users", Permission.USERS_ADMIN.authority()),
            new Section("tokens", "/admin/tokens", "ROLE_AUTHOR"));

    private final MessageSource messages;
    private final SiteSettingsStore settings;
    private final ObjectProvider<ResourceUrlProvider> resources;

    AdminLayouts(MessageSource messages, SiteSettingsStore settings, ObjectProvider<ResourceUrlProvider> resources) {
        this.messages = messages;
        this.settings = settings;
        this.resources = resources;
    }

    /**
     * @param section the navigation key to mark: dashboard, articles, search, media, channels, tags, bylines, sources,
     *     review, topics, ads, settings, users, tokens (or anything else to mark none)
     */
    public AdminLayout layout(HttpServletRequest request, String section, String title) {
        Messages msg = messages();
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        List<String> held = auth == null ? List.of() : auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
        List<AdminLayout.NavItem> nav = new ArrayList<>();
        for (Section s : SECTIONS) {
            if (held.contains(s.authority())) {
                nav.add(new AdminLayout.NavItem(msg.get("admin.nav." + s.key()), s.url(), s.key().equals(section)));
            }
        }
        String username = null;
        String role = null;
        if (auth != null && auth.getPrincipal() instanceof SignedInUser user) {
            username = user.username();
            role = msg.get("account.role." + user.role().code());
        }
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return new AdminLayout(msg, title, settings.current().name(), cssUrl(), username, role, nav,
                csrf == null ? "_csrf" : csrf.getParameterName(), csrf == null ? "" : csrf.getToken());
    }

    /** UI strings in the request's language. */
    public Messages messages() {
        return new Messages(messages, LocaleContextHolder.getLocale());
    }

    /** A time as the back office shows it, in the site's zone: "2026-11-29 16:05"; "" for null. */
    public String time(Instant instant) {
        if (instant == null) {
            return "";
        }
        ZoneId zone = settings.current().timeZone();
        return TIME.format(instant.atZone(zone));
    }

    ZoneId zone() {
        return settings.current().timeZone();
    }

    String siteName() {
        return settings.current().name();
    }

    String cssUrl() {
        ResourceUrlProvider urls = resources.getIfAvailable();
        String versioned = urls == null ? null : urls.getForLookupPath(CSS);
        return versioned == null ? CSS : versioned;
    }
}
