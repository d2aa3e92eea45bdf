package org.masthead.site;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.masthead.ads.AdSlots;
import org.masthead.channel.Channels;
import org.masthead.platform.Messages;
import org.masthead.setting.SiteSettings;
import org.masthead.setting.SiteSettingsStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/** Builds the {@link SiteLayout} of a page from the current settings, channels and ad slots. */
@Component
class SiteLayouts {

    static final int DESCRIPTION_CHARS = 120;

    private final SiteSettingsStore settings;
    private final Channels channels;
    private final AdSlots ads;
    private final MessageSource messages;
    private final org.springframework.beans.factory.ObjectProvider<ResourceUrlProvider> resources;
    private final Clock clock;
    private final boolean demo;

    SiteLayouts(SiteSettingsStore settings, Channels channels, AdSlots ads, MessageSource messages,
            org.springframework.beans.factory.ObjectProvider<ResourceUrlProvider> resources, Clock clock,
            @Value("${masthead.demo.enabled:false}") boolean demo) {
        this.settings = settings;
        this.channels = channels;
        this.ads = ads;
        this.messages = messages;
        this.resources = resources;
        this.clock = clock;
        this.demo = demo;
    }

    SiteSettings settings() {
        return settings.current();
    }

    SiteFormats formats() {
        return new SiteFormats(settings.current().timeZone());
    }

    Messages messages() {
        Locale locale = LocaleContextHolder.getLocale();
        return new Messages(messages, locale);
    }

    /** @param pageTitle null for the home page, which shows the site name and tagline */
    SiteLayout layout(String pageTitle, String description, String path, String currentChannel) {
        SiteSettings s = settings.current();
        String title = pageTitle == null ? s.name() + (s.tagline().isBlank() ? "" : " — " + s.tagline()) : pageTitle + " — " + s.name();
        String email = s.email() == null ? "" : s.email();
        int at = email.lastIndexOf('@');
        int thisYear = formats().year(clock.instant());
        String years = s.copyrightSince() >= thisYear ? String.valueOf(thisYear) : s.copyrightSince() + "-" + thisYear;
        Messages msg = messages();
        SiteLayout.Footer footer = new SiteLayout.Footer(
                msg.get("footer.copyright", years, s.name()),
                s.icp(),
                s.publicSecurityFiling(),
                at > 0 ? email.substring(0, at) : null,
                at > 0 ? email.substring(at + 1) : null,
                demo);
        List<SiteLayout.NavItem> nav = channels.all().stream().filter(c -> c.parentId() == null)
                .map(c -> new SiteLayout.NavItem(c.name(), c.url(), c.slug())).toList();
        ResourceUrlProvider urls = resources.getIfAvailable();
        String css = Optional.ofNullable(urls == null ? null : urls.getForLookupPath("/css/site.css")).orElse("/css/site.css");
        List<org.masthead.ads.AdCreative> placed = java.util.stream.Stream.of(AdSlots.HOME_TOP, AdSlots.SIDEBAR, AdSlots.ARTICLE_BOTTOM)
                .map(ads::creativeFor).flatMap(Optional::stream).toList();
        return new SiteLayout(msg, s.name(), s.tagline(), title, description == null || description.isBlank() ? s.tagline() : description,
                s.baseUrl() + path, css, nav, currentChannel, footer, placed);
    }
}
