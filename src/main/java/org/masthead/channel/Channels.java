package org.masthead.channel;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Finds channels and creates one the first time an article names it. */
@Service
public class Channels {

    private static final int MAX_NAME = 40;
    private final JdbcClient jdbc;

    Channels(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The channel of that name, created (last in order) when new. */
    @Transactional
    public Channel ensure(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > MAX_NAME) {
            throw new IllegalArgumentException("channel name must be 1 to " + MAX_NAME + " characters");
        }
        return byName(clean).orElseGet(() -> {
            String slug = uniqueSlug(slugOf(clean));
            int position = jdbc.sql("SELECT COALESCE(MAX(position), 0) + 1 FROM channel").query(Integer.class).single();
            jdbc.sql("INSERT INTO channel (name, slug, position) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING")
                    .params(clean, slug, position)
                    .update();
            jdbc.sql("DELETE FROM channel_slug_history WHERE slug = ?").param(slug).update(); // a current slug is nobody's old one
            return byName(clean).orElseThrow();
        });
    }

    /** All channels in display order. */
    public List<Channel> all() {
        return jdbc.sql("SELECT id, name, slug, position, parent_id FROM channel ORDER BY position, id").query(Channels::row).list();
    }

    public Optional<Channel> bySlug(String slug) {
        return jdbc.sql("SELECT id, name, slug, position, parent_id FROM channel WHERE slug = ?").param(slug).query(Channels::row).optional();
    }

    public Optional<Channel> byId(long id) {
        return jdbc.sql("SELECT id, name, slug, position, parent_id FROM channel WHERE id = ?").param(id).query(Channels::row).optional();
    }

    /** The channel that had this slug before it was changed (its current slug differs), for the 301 from old addresses. */
    public Optional<Channel> formerSlug(String slug) {
        return jdbc.sql("SELECT c.id, c.name, c.slug, c.position, c.parent_id FROM channel_slug_history h JOIN channel c ON c.id = h.channel_id WHERE h.slug = ?")
                .param(slug)
                .query(Channels::row)
                .optional();
    }

    /**
     * Every channel depth-first, siblings by position: a parent, then its children, then the next
     * parent. A channel whose parent is missing (never: the foreign key) would be listed at the top.
     */
    public List<ChannelNode> tree() {
        List<Channel> all = all();
        java.util.Map<Long, List<Channel>> children = new java.util.LinkedHashMap<>();
        java.util.Set<Long> ids = new java.util.HashSet<>();
        all.forEach(c -> ids.add(c.id()));
        for (Channel c : all) {
            Long parent = c.parentId() != null && ids.contains(c.parentId()) ? c.parentId() : null;
            children.computeIfAbsent(parent, p -> new java.util.ArrayList<>()).add(c);
        }
        List<ChannelNode> nodes = new java.util.ArrayList<>();
        addChildren(children, null, 0, nodes, new java.util.HashSet<>());
        return nodes;
    }

    private static void addChildren(java.util.Map<Long, List<Channel>> children, Long parent, int depth, List<ChannelNode> into, java.util.Set<Long> seen) {
        for (Channel c : children.getOrDefault(parent, List.of())) {
            if (seen.add(c.id())) { // a cycle in the table cannot loop forever here
                into.add(new ChannelNode(c, depth));
                addChildren(children, c.id(), depth + 1, into, seen);
            }
        }
    }

    public Optional<Channel> byName(String name) {
        return jdbc.sql("SELECT id, name, slug, position, parent_id FROM channel WHERE name = ?").param(name).query(Channels::row).optional();
    }

    /**
     * A readable URL segment: ASCII names become lower-case words joined by '-'; Chinese names stay
     * as they are (browsers show them, and a made-up transliteration would be worse).
     */
    static String slugOf(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip();
        String slug = folded.replaceAll("[\\s/\\\\?#%]+", "-").replaceAll("-{2,}", "-").replaceAll("^-|-$", "");
        return slug.isEmpty() ? "channel" : slug;
    }

    private String uniqueSlug(String base) {
        String candidate = base;
        for (int n = 2; bySlug(candidate).isPresent(); n++) {
            candidate = base + "-" + n;
        }
        return candidate;
    }

    private static Channel row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        long parent = rs.getLong("parent_id");
        Long parentId = rs.wasNull() ? null : parent;
        return new Channel(rs.getLong("id"), rs.getString("name"), rs.getString("slug"), rs.getInt("position"), parentId);
    }
}
