package org.masthead.channel;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.masthead.platform.AdminAudit;
import org.masthead.platform.Refusal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes the channel tree: add, rename, change the slug (the old one keeps answering with a 301), move
 * up or down among siblings, put under another parent, delete. Each change is audited and announced with
 * {@link ChannelsChanged}. What a change means for the articles of a channel (their search entries, moving
 * them before a delete) is the article module's, which calls this.
 */
@Service
public class ChannelEditing {

    public static final int MAX_NAME = 40;
    public static final int MAX_SLUG = 60;
    /** Letters (any script, so 财经 is a slug), digits, '-', '_' and '.'; not starting with a dot. */
    private static final Pattern SLUG = Pattern.compile("[\\p{L}\\p{N}_-][\\p{L}\\p{N}._-]*");

    /** What an edit changed, so the caller knows whether the articles' labels changed too. */
    public record Edited(Channel before, Channel after) {

        public boolean labelChanged() {
            return !before.name().equals(after.name()) || !before.slug().equals(after.slug());
        }
    }

    private final JdbcClient jdbc;
    private final Channels channels;
    private final AdminAudit audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ChannelEditing(JdbcClient jdbc, Channels channels, AdminAudit audit, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.channels = channels;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** A new channel, last among its siblings; the slug is made from the name when blank. */
    @Transactional
    public Channel create(AdminAudit.By by, String name, String slug, Long parentId) {
        String cleanName = name(name, null);
        String cleanSlug = slug == null || slug.isBlank() ? freeSlug(Channels.slugOf(cleanName)) : slug(slug, null);
        Long parent = parent(parentId, null);
        int position = nextPosition(parent);
        jdbc.sql("INSERT INTO channel (name, slug, position, parent_id) VALUES (?, ?, ?, ?)").params(cleanName, cleanSlug, position, parent).update();
        jdbc.sql("DELETE FROM channel_slug_history WHERE slug = ?").param(cleanSlug).update();
        Channel created = channels.bySlug(cleanSlug).orElseThrow();
        audit.record(by, "channel.create", label(created), parent == null ? null : "parent " + parent);
        changed(created.id());
        return created;
    }

    /**
     * Renames, changes the slug and the parent in one go; unchanged values are left alone. A changed slug
     * goes to the slug history, so {@code /channel/old} answers 301 to the new address.
     */
    @Transactional
    public Edited edit(AdminAudit.By by, long id, String name, String slug, Long parentId) {
        Channel before = existing(id);
        String newName = name(name, id);
        String newSlug = slug == null || slug.isBlank() ? before.slug() : slug(slug, id);
        Long newParent = parent(parentId, id);
        List<String> what = new ArrayList<>();
        if (!newName.equals(before.name())) {
            jdbc.sql("UPDATE channel SET name = ? WHERE id = ?").params(newName, id).update();
            what.add("name " + before.name() + " → " + newName);
        }
        if (!newSlug.equals(before.slug())) {
            jdbc.sql("DELETE FROM channel_slug_history WHERE slug = ?").param(newSlug).update();
            jdbc.sql("UPDATE channel SET slug = ? WHERE id = ?").params(newSlug, id).update();
            jdbc.sql("INSERT INTO channel_slug_history (slug, channel_id, retired_at) VALUES (?, ?, ?)").params(before.slug(), id, clock.millis()).update();
            what.add("slug " + before.slug() + " → " + newSlug);
        }
        if (!Objects.equals(newParent, before.parentId())) {
            jdbc.sql("UPDATE channel SET parent_id = ?, position = ? WHERE id = ?").params(newParent, nextPosition(newParent), id).update();
            what.add("parent " + before.parentId() + " → " + newParent);
        }
        Channel after = existing(id);
        if (!what.isEmpty()) {
            audit.record(by, "channel.edit", label(after), String.join("; ", what));
            changed(id);
        }
        return new Edited(before, after);
    }

    /** Swaps the channel with its previous ({@code up}) or next sibling; at either end nothing moves. */
    @Transactional
    public void move(AdminAudit.By by, long id, boolean up) {
        Channel channel = existing(id);
        List<Channel> siblings = new ArrayList<>(channels.all().stream().filter(c -> Objects.equals(c.parentId(), channel.parentId())).toList());
        int at = siblings.indexOf(siblings.stream().filter(c -> c.id() == id).findFirst().orElseThrow());
        int other = up ? at - 1 : at + 1;
        if (other < 0 || other >= siblings.size()) {
            return;
        }
        siblings.add(other, siblings.remove(at));
        // Positions are renumbered 1…n among the siblings: the order stays total even if old rows shared a position.
        for (int i = 0; i < siblings.size(); i++) {
            jdbc.sql("UPDATE channel SET position = ? WHERE id = ?").params(i + 1, siblings.get(i).id()).update();
        }
        audit.record(by, "channel.move", label(channel), up ? "up" : "down");
        changed(id);
    }

    /**
     * Deletes a channel that has no child channels. The caller has moved its articles away (the foreign
     * key refuses otherwise); its old slugs go with it.
     */
    @Transactional
    public void delete(AdminAudit.By by, long id) {
        Channel channel = existing(id);
        long children = jdbc.sql("SELECT COUNT(*) FROM channel WHERE parent_id = ?").param(id).query(Long.class).single();
        if (children > 0) {
            throw new Refusal("channel.error.hasChildren", channel.name(), children);
        }
        jdbc.sql("DELETE FROM channel WHERE id = ?").param(id).update();
        audit.record(by, "channel.delete", label(channel), null);
        changed(id);
    }

    private void changed(long id) {
        events.publishEvent(new ChannelsChanged(id, clock.instant()));
    }

    private Channel existing(long id) {
        return channels.byId(id).orElseThrow(() -> new Refusal("channel.error.notFound", String.valueOf(id)));
    }

    private static String label(Channel c) {
        return c.name() + " (" + c.slug() + ", #" + c.id() + ")";
    }

    private String name(String name, Long self) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > MAX_NAME) {
            throw new Refusal("channel.error.name", MAX_NAME);
        }
        Optional<Channel> other = channels.byName(clean);
        if (other.isPresent() && (self == null || other.get().id() != self)) {
            throw new Refusal("channel.error.nameTaken", clean);
        }
        return clean;
    }

    private String slug(String slug, Long self) {
        String clean = slug.strip().toLowerCase(Locale.ROOT);
        if (clean.length() > MAX_SLUG || !SLUG.matcher(clean).matches()) {
            throw new Refusal("channel.error.slug", MAX_SLUG);
        }
        Optional<Channel> other = channels.bySlug(clean);
        if (other.isPresent() && (self == null || other.get().id() != self)) {
            throw new Refusal("channel.error.slugTaken", clean, other.get().name());
        }
        return clean;
    }

    private String freeSlug(String base) {
        String candidate = base;
        for (int n = 2; channels.bySlug(candidate).isPresent(); n++) {
            candidate = base + "-" + n;
        }
        return candidate;
    }

    /** The parent to use: it must exist and must not be the channel itself or below it (no cycles). */
    private Long parent(Long parentId, Long self) {
        if (parentId == null) {
            return null;
        }
        Channel parent = channels.byId(parentId).orElseThrow(() -> new Refusal("channel.error.notFound", String.valueOf(parentId)));
        int depth = 0;
        for (Channel c = parent; c != null && depth < 100; c = c.parentId() == null ? null : channels.byId(c.parentId()).orElse(null), depth++) {
            if (self != null && c.id() == self) {
                throw new Refusal("channel.error.cycle", parent.name());
            }
        }
        return parent.id();
    }

    private int nextPosition(Long parent) {
        return jdbc.sql("SELECT COALESCE(MAX(position), 0) + 1 FROM channel WHERE " + (parent == null ? "parent_id IS NULL" : "parent_id = ?"))
                .params(parent == null ? List.of() : List.of(parent))
                .query(Integer.class)
                .single();
    }
}
