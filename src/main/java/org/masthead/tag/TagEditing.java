package org.masthead.tag;

import java.time.Clock;
import java.util.Optional;
import org.masthead.platform.AdminAudit;
import org.masthead.platform.Refusal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Renames, merges and deletes tags, keeping the old names as aliases: {@code /tag/old} answers 301 to the
 * tag it became, and an import naming the old tag gets the new one. Moving the articles' tag rows is the
 * article module's part of a merge, which calls {@link #merge} once the rows have moved.
 */
@Service
public class TagEditing {

    private final JdbcClient jdbc;
    private final Tags tags;
    private final AdminAudit audit;
    private final Clock clock;

    TagEditing(JdbcClient jdbc, Tags tags, AdminAudit audit, Clock clock) {
        this.jdbc = jdbc;
        this.tags = tags;
        this.audit = audit;
        this.clock = clock;
    }

    /** Renames a tag; a name another tag has is refused (that is a merge, and says so). */
    @Transactional
    public Tag rename(AdminAudit.By by, long id, String name) {
        Tag tag = existing(id);
        String clean = name(name);
        if (clean.equals(tag.name())) {
            return tag;
        }
        Optional<Tag> other = tags.byName(clean);
        if (other.isPresent()) {
            throw new Refusal("tag.error.nameTaken", clean);
        }
        jdbc.sql("DELETE FROM tag_alias WHERE name = ?").param(clean).update();
        jdbc.sql("UPDATE tag SET name = ? WHERE id = ?").params(clean, id).update();
        alias(tag.name(), id);
        audit.record(by, "tag.rename", tag.name() + " → " + clean, "#" + id);
        return existing(id);
    }

    /**
     * Ends tag {@code fromId} in favour of {@code intoId}: its name and aliases become aliases of the
     * other, and it is deleted. The caller has moved its articles (the foreign key refuses otherwise).
     */
    @Transactional
    public void merge(AdminAudit.By by, long fromId, long intoId, int articlesMoved) {
        Tag from = existing(fromId);
        Tag into = existing(intoId);
        if (fromId == intoId) {
            throw new Refusal("tag.error.mergeSelf", from.name());
        }
        jdbc.sql("UPDATE tag_alias SET tag_id = ? WHERE tag_id = ?").params(intoId, fromId).update();
        jdbc.sql("DELETE FROM tag WHERE id = ?").param(fromId).update();
        alias(from.name(), intoId);
        audit.record(by, "tag.merge", from.name() + " → " + into.name(), articlesMoved + " articles");
    }

    /** Deletes a tag no article uses (the caller checks; the foreign key refuses otherwise), and its aliases. */
    @Transactional
    public void delete(AdminAudit.By by, long id) {
        Tag tag = existing(id);
        jdbc.sql("DELETE FROM tag WHERE id = ?").param(id).update();
        audit.record(by, "tag.delete", tag.name(), "#" + id);
    }

    /** The tag, or a refusal naming the id. */
    public Tag existing(long id) {
        return tags.byId(id).orElseThrow(() -> new Refusal("tag.error.notFound", String.valueOf(id)));
    }

    private void alias(String name, long tagId) {
        jdbc.sql("INSERT INTO tag_alias (name, tag_id, created_at) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET tag_id = excluded.tag_id")
                .params(name, tagId, clock.millis())
                .update();
    }

    private static String name(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > Tags.MAX_NAME) {
            throw new Refusal("tag.error.name", Tags.MAX_NAME);
        }
        return clean;
    }
}
