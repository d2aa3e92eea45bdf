package org.masthead.ads;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ad slots and their active creative. Pages ask per slot; an empty or inactive slot shows
 * nothing. Slots are held in memory and reloaded on every change.
 */
@Service
public class AdSlots {

    /** The slot names the site's templates place. */
    public static final String HOME_TOP = "home-top";
    public static final String SIDEBAR = "sidebar";
    public static final String ARTICLE_BOTTOM = "article-bottom";

    private final JdbcClient jdbc;
    private final org.springframework.context.ApplicationEventPublisher events;
    private volatile Map<String, AdCreative> active;

    AdSlots(JdbcClient jdbc, org.springframework.context.ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
        reload();
    }

    public Optional<AdCreative> creativeFor(String slot) {
        return Optional.ofNullable(active.get(slot));
    }

    /** Places (or replaces) what a slot shows. */
    @Transactional
    public void place(AdCreative creative) {
        if (creative.text() == null || creative.text().isBlank()) {
            throw new IllegalArgumentException("ad text must not be empty");
        }
        jdbc.sql("""
                INSERT INTO ad_slot (name, text, link_url, image_url, active) VALUES (?, ?, ?, ?, TRUE)
                ON CONFLICT (name) DO UPDATE SET text = excluded.text, link_url = excluded.link_url, image_url = excluded.image_url, active = TRUE""")
                .params(creative.slot(), creative.text(), creative.linkUrl(), creative.imageUrl())
                .update();
        reload();
        events.publishEvent(new AdSlotChanged(creative.slot()));
    }

    @Transactional
    public void clear(String slot) {
        jdbc.sql("UPDATE ad_slot SET active = FALSE WHERE name = ?").param(slot).update();
        reload();
        events.publishEvent(new AdSlotChanged(slot));
    }

    private void reload() {
        active = jdbc.sql("SELECT name, text, link_url, image_url FROM ad_slot WHERE active = TRUE")
                .query((rs, n) -> new AdCreative(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list()
                .stream()
                .collect(Collectors.toUnmodifiableMap(AdCreative::slot, c -> c));
    }
}
