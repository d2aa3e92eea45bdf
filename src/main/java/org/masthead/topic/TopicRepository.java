package org.masthead.topic;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The topic and topic_article tables: plain SQL for SQLite and PostgreSQL alike. */
@Repository
class TopicRepository {

    private static final String COLUMNS = "id, slug, title, summary, cover_image, created_at, updated_at FROM topic";

    private final JdbcClient jdbc;

    TopicRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Topic> bySlug(String slug) {
        return jdbc.sql("SELECT " + COLUMNS + " WHERE slug = ?").param(slug).query(TopicRepository::topic).optional();
    }

    Optional<Topic> byId(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " WHERE id = ?").param(id).query(TopicRepository::topic).optional();
    }

    List<Topic> all() {
        return jdbc.sql("SELECT " + COLUMNS + " ORDER BY created_at DESC, id DESC").query(TopicRepository::topic).list();
    }

    /** The topic that had this slug before a rename (its current slug differs). */
    Optional<Topic> formerSlug(String slug) {
        return jdbc.sql("SELECT t.id, t.slug, t.title, t.summary, t.cover_image, t.created_at, t.updated_at FROM topic_slug_history h JOIN topic t ON t.id = h.topic_id"
                        + " WHERE h.slug = ?")
                .param(slug)
                .query(TopicRepository::topic)
                .optional();
    }

    boolean slugTaken(String slug, long exceptId) {
        return jdbc.sql("SELECT COUNT(*) FROM topic WHERE slug = ? AND id <> ?").params(slug, exceptId).query(Long.class).single() > 0;
    }

    long insert(TopicDraft d, Instant now) {
        jdbc.sql("DELETE FROM topic_slug_history WHERE slug = ?").param(d.slug()).update(); // a current slug is nobody's old one
        return jdbc.sql("INSERT INTO topic (slug, title, summary, cover_image, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id")
                .params(d.slug(), d.title(), d.summary(), d.coverImage(), now.toEpochMilli(), now.toEpochMilli())
                .query(Long.class)
                .single();
    }

    /** Writes the fields; a changed slug sends the old one to the history, so its address answers 301. */
    void update(long id, String oldSlug, TopicDraft d, Instant now) {
        if (!oldSlug.equals(d.slug())) {
            jdbc.sql("DELETE FROM topic_slug_history WHERE slug = ?").param(d.slug()).update();
            jdbc.sql("INSERT INTO topic_slug_history (slug, topic_id, retired_at) VALUES (?, ?, ?) ON CONFLICT (slug) DO UPDATE SET topic_id = excluded.topic_id,"
                            + " retired_at = excluded.retired_at")
                    .params(oldSlug, id, now.toEpochMilli())
                    .update();
        }
        jdbc.sql("UPDATE topic SET slug = ?, title = ?, summary = ?, cover_image = ?, updated_at = ? WHERE id = ?")
                .params(d.slug(), d.title(), d.summary(), d.coverImage(), now.toEpochMilli(), id)
                .update();
    }

    void touch(long id, Instant now) {
        jdbc.sql("UPDATE topic SET updated_at = ? WHERE id = ?").params(now.toEpochMilli(), id).update();
    }

    List<TopicEntry> entries(long topicId) {
        return jdbc.sql("SELECT article_id, position, section FROM topic_article WHERE topic_id = ? ORDER BY position, article_id")
                .param(topicId)
                .query((rs, n) -> new TopicEntry(rs.getLong(1), rs.getInt(2), rs.getString(3)))
                .list();
    }

    /** Writes the topic's articles as given: positions 0, 1, 2 … in list order. */
    void replaceEntries(long topicId, List<TopicEntry> entries) {
        jdbc.sql("DELETE FROM topic_article WHERE topic_id = ?").param(topicId).update();
        int position = 0;
        for (TopicEntry e : entries) {
            jdbc.sql("INSERT INTO topic_article (topic_id, article_id, position, section) VALUES (?, ?, ?, ?)")
                    .params(topicId, e.articleId(), position++, e.section())
                    .update();
        }
    }

    List<String> slugsContaining(long articleId) {
        return jdbc.sql("SELECT t.slug FROM topic_article x JOIN topic t ON t.id = x.topic_id WHERE x.article_id = ? ORDER BY t.id")
                .param(articleId)
                .query(String.class)
                .list();
    }

    private static Topic topic(ResultSet rs, int n) throws SQLException {
        return new Topic(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), Instant.ofEpochMilli(rs.getLong(6)),
                Instant.ofEpochMilli(rs.getLong(7)));
    }
}
