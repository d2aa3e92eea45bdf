package org.masthead.site;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.masthead.ads.AdSlots;
import org.masthead.channel.Channels;
import org.masthead.platform.Messages;
import org.masthead.setting.SiteSettings;
import org.masthead.setting.SiteSettingsStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Builds the {@link SiteLayout} of a page from its head and the current settings, channels and ad slots. */
@Component
class SiteLayouts {

    private final SiteSettingsStore settings;
    private final Channels channels;
    private final AdSlots ads;
    private final MessageSource messages;
    private final SiteAssets assets;
    private final Clock clock;
    private final boolean demo;

    SiteLayouts(SiteSettingsStore settings, Channels channels, AdSlots ads, MessageSource messages, SiteAssets assets, Clock clock,
            @Value("${masthead.demo.enabled:false}") boolean demo) {
        this.settings = settings;
        this.channels = channels;
        this.ads = ads;
        this.messages = messages;
        this.assets = assets;
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

    /** The home page's layout: the navigation marks 首页. */
    SiteLayout home(PageHead head) {
        return layout(head, null, true);
    }

    /** @param currentChannel slug of the channel to mark in the navigation, or null */
    SiteLayout layout(PageHead head, String currentChannel) {
        return layout(head, currentChannel, false);
    }

    private SiteLayout layout(PageHead head, String currentChannel, boolean home) {
        SiteSettings s = settings.current();
        String email = s.email() == null ? "" : s.email();
        int at = email.lastIndexOf('@');
        int thisYear = formats().year(clock.instant());
        String years = s.copyrightSince() >= thisYear ? String.valueOf(thisYear) : s.copyrightSince() + "-" + thisYear;
        Messages msg = messages();
        SiteLayout.Footer footer = new SiteLayout.Footer(
                msg.get("footer.copyright", years, s.name()),
                s.icp(),
                s.publicSecurityFiling(),
                s.publicSecurityFilingUrl(),
                at > 0 ? email.substring(0, at) : null,
                at > 0 ? email.substring(at + 1) : null,
                demo,
                s.friendLinks().stream().map(l -> new SiteLayout.FriendLink(l.name(), l.url())).toList());
        List<SiteLayout.NavItem> nav = channels.all().stream().filter(c -> c.parentId() == null)
                .map(c -> new SiteLayout.NavItem(c.name(), c.url(), c.slug())).toList();
        Map<String, List<org.masthead.ads.AdSlot>> placed = new java.util.HashMap<>();
        for (String placement : AdSlots.PLACEMENTS) {
            placed.put(placement, ads.shown(placement));
        }
        return new SiteLayout(msg, head, s.name(), s.tagline(), assets.url(SiteAssets.CSS), assets.url(SiteAssets.ICON),
                assets.url(SiteAssets.LOGO_PNG), home, nav, currentChannel, footer, placed,
                s.logoUrl());
    }
}
