package org.masthead.ads;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.masthead.text.BodyHtml;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Editors make and change slots and creatives, and start and stop them. Every input is checked here
 * (a refusal names the field, nothing is stored), HTML is sanitised with the article body allowlist,
 * and the pages follow at once ({@link AdSlots#refresh}).
 */
@Service
public class AdEditing {

    static final int DEFAULT_HEIGHT = 90;
    static final int MAX_SIZE = 2000;
    static final int MAX_WEIGHT = 1000;
    private static final int MAX_TITLE = 200;
    private static final int MAX_URL = 2000;
    /** A link or image on this site: a path, not "//host" (another site) or "/\" (which browsers read as "//"). */
    private static final Pattern SITE_PATH = Pattern.compile("/(?![/\\\\])\\S*");

    private final AdRepository repository;
    private final AdSlots slots;
    private final Clock clock;

    AdEditing(AdRepository repository, AdSlots slots, Clock clock) {
        this.repository = repository;
        this.slots = slots;
        this.clock = clock;
    }

    /** Makes a slot ({@code id} null) or changes one; answers its id. */
    @Transactional
    public long saveSlot(Long id, AdSlotDraft draft) {
        String name = required(draft.name(), "ad.error.slot.name", 60);
        String placement = draft.placement() == null ? "" : draft.placement().strip();
        if (!AdSlots.PLACEMENTS.contains(placement)) {
            throw new AdRefused("ad.error.placement", placement);
        }
        Integer width = draft.width();
        if (width != null && (width < 1 || width > MAX_SIZE)) {
            throw new AdRefused("ad.error.size", MAX_SIZE);
        }
        int height = draft.height() == null ? DEFAULT_HEIGHT : draft.height();
        if (height < 1 || height > MAX_SIZE) {
            throw new AdRefused("ad.error.size", MAX_SIZE);
        }
        if (repository.slotNameTaken(name, id)) {
            throw new AdRefused("ad.error.slot.taken", name);
        }
        long saved;
        if (id == null) {
            saved = repository.insertSlot(name, placement, width, height, clock.instant());
        } else if (repository.updateSlot(id, name, placement, width, height)) {
            saved = id;
        } else {
            throw new AdRefused("ad.error.slot.missing", String.valueOf(id));
        }
        slots.refresh();
        return saved;
    }

    /** Starts or stops a slot. */
    @Transactional
    public void setSlotActive(long id, boolean active) {
        if (!repository.setSlotActive(id, active)) {
            throw new AdRefused("ad.error.slot.missing", String.valueOf(id));
        }
        slots.refresh();
    }

    /** Makes a creative ({@code id} null) or changes one; answers its id. A new creative is active. */
    @Transactional
    public long saveCreative(Long id, CreativeDraft draft) {
        CreativeDraft d = checked(draft);
        if (repository.slots().stream().noneMatch(s -> s.id() == d.slotId())) {
            throw new AdRefused("ad.error.slot.missing", String.valueOf(d.slotId()));
        }
        long saved;
        if (id == null) {
            saved = repository.insertCreative(d, d.weight(), d.html(), clock.instant());
        } else if (repository.updateCreative(id, d, d.weight(), d.html(), clock.instant())) {
            saved = id;
        } else {
            throw new AdRefused("ad.error.creative.missing", String.valueOf(id));
        }
        slots.refresh();
        return saved;
    }

    /** Starts or stops a creative. */
    @Transactional
    public void setCreativeActive(long id, boolean active) {
        if (!repository.setCreativeActive(id, active, clock.instant())) {
            throw new AdRefused("ad.error.creative.missing", String.valueOf(id));
        }
        slots.refresh();
    }

    /** The draft with its text stripped, weight defaulted and HTML sanitised; refused when anything is wrong. */
    static CreativeDraft checked(CreativeDraft d) {
        if (d.kind() == null) {
            throw new AdRefused("ad.error.kind", "");
        }
        String title = required(d.title(), "ad.error.title", MAX_TITLE);
        String link = url(d.linkUrl(), "ad.error.link");
        String image = url(d.imageUrl(), "ad.error.image");
        String html = null;
        switch (d.kind()) {
            case IMAGE -> {
                if (image == null) {
                    throw new AdRefused("ad.error.image.missing");
                }
            }
            case TEXT -> image = null;
            case HTML -> {
                image = null;
                html = adHtml(d.html());
            }
        }
        int weight = d.weight() == null ? 1 : d.weight();
        if (weight < 1 || weight > MAX_WEIGHT) {
            throw new AdRefused("ad.error.weight", MAX_WEIGHT);
        }
        if (d.startsAt() != null && d.endsAt() != null && !d.endsAt().isAfter(d.startsAt())) {
            throw new AdRefused("ad.error.window");
        }
        return new CreativeDraft(d.slotId(), d.kind(), title, link, image, html, weight, d.startsAt(), d.endsAt());
    }

    /**
     * The HTML through the article body sanitiser, then without its links (kept: their text): the whole ad
     * is one link through the click counter, and a link may not hold another.
     */
    static String adHtml(String untrusted) {
        String clean = untrusted == null ? "" : BodyHtml.sanitize(untrusted);
        Document doc = Jsoup.parseBodyFragment(clean);
        doc.select("a").unwrap();
        doc.outputSettings().prettyPrint(false);
        String html = doc.body().html().strip();
        if (html.isEmpty() || (doc.body().text().isBlank() && doc.body().select("img").isEmpty())) {
            throw new AdRefused("ad.error.html.empty");
        }
        return html;
    }

    /** An http(s) address or a path on this site; null when blank. */
    static String url(String raw, String errorKey) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String url = raw.strip();
        if (url.length() > MAX_URL) {
            throw new AdRefused(errorKey, url.substring(0, 60) + "…");
        }
        if (SITE_PATH.matcher(url).matches()) {
            return url;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && !uri.getHost().isBlank()) {
                return url;
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        throw new AdRefused(errorKey, url);
    }

    private static String required(String value, String errorKey, int max) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty() || v.length() > max) {
            throw new AdRefused(errorKey, max);
        }
        return v;
    }
}
