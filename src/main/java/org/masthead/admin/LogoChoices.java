package org.masthead.admin;

import java.util.List;
import java.util.Optional;
import org.masthead.media.MediaItem;
import org.masthead.media.MediaLibrary;
import org.masthead.platform.Messages;
import org.masthead.setting.SiteSettingsStore;
import org.springframework.stereotype.Component;

/**
 * The media library as a logo picker (site settings, sources): the newest images as choices, and the
 * address of the one picked. The picked id is checked on the server: one no longer in the library is
 * refused by the caller, and a picked image replaces the address typed beside it.
 */
@Component
public class LogoChoices {

    /** Images offered: the newest, as a select box of hundreds would be unusable. */
    public static final int OFFERED = 30;

    /**
     * An image of the library offered as a logo.
     *
     * @param id the media item, sent back as {@code logoMedia}
     * @param label its file name and size, and whether it is the logo now
     */
    public record Choice(long id, String label, String url) {}

    private final MediaLibrary media;
    private final SiteSettingsStore settings;

    LogoChoices(MediaLibrary media, SiteSettingsStore settings) {
        this.media = media;
        this.settings = settings;
    }

    /** The newest images; the current logo is marked, not preselected (a preselected choice would override a typed address). */
    public List<Choice> offered(Messages msg, String currentLogo) {
        return media.page(1, OFFERED).items().stream()
                .map(m -> new Choice(m.id(), msg.get(m.url().equals(currentLogo) || absolute(m.url()).equals(currentLogo) ? "settings.logoMedia.currentItem" : "settings.logoMedia.item", m.filename(),
                        String.valueOf(m.width()), String.valueOf(m.height())), m.url()))
                .toList();
    }

    /** The address of the picked image; empty when the id is not a library item (deleted meanwhile, or made up). */
    public Optional<String> picked(String id) {
        try {
            return media.find(Long.parseLong(id.strip())).map(MediaItem::url);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** As {@link #picked}, as an absolute address on the site's base address: for fields that take only http(s) addresses (a source's logo). */
    public Optional<String> pickedAbsolute(String id) {
        return picked(id).map(this::absolute);
    }

    private String absolute(String path) {
        return settings.current().baseUrl() + path;
    }
}
