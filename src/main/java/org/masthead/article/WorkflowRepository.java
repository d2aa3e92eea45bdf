package org.masthead.article;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** State changes, revisions and the audit log, in SQL that runs on SQLite and PostgreSQL alike. */
@Repository
class WorkflowRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    WorkflowRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<Article> load(long id) {
        return jdbc.sql("SELECT id, status, created_by, published_at, CASE WHEN body_html = '' THEN 0 ELSE 1 END FROM article WHERE id = ?")
                .param(id)
                .query((rs, n) -> new Article(rs.getLong(1), ArticleStatus.fromCode(rs.getString(2)), rs.getString(3),
                        Instant.ofEpochMilli(rs.getLong(4)), rs.getInt(5) == 1))
                .optional();
    }

    /**
     * Writes the article's new state if the row still holds the state it was loaded in: one statement,
     * so of two nodes (or two editors) acting on one article at once exactly one succeeds.
     */
    boolean writeState(Article article, Instant now) {
        return jdbc.sql("UPDATE article SET status = ?, published_at = ?, updated_at = ? WHERE id = ? AND status = ?")
                .params(article.status().code(), article.publishedAt().toEpochMilli(), now.toEpochMilli(), article.id(), article.loadedStatus().code())
                .update() == 1;
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM article WHERE id = ?").param(id).update();
    }

    /** Scheduled articles whose time has come, earliest first. */
    List<Long> dueScheduled(Instant now, int limit) {
        return jdbc.sql("SELECT id FROM article WHERE status = 'scheduled' AND published_at <= ? ORDER BY published_at, id LIMIT ?")
                .params(now.toEpochMilli(), limit)
                .query(Long.class)
                .list();
    }

    // ---- revisions

    /**
     * Keeps {@code content} as the article's next revision and returns its number. The counter is bumped
     * with an UPDATE first: it locks the article row on PostgreSQL (SQLite has a single writer), so
     * concurrent saves of one article get consecutive numbers instead of a key conflict.
     */
    int addRevision(long articleId, ArticleDraft content, String by, String reason, Instant now) {
        int number = jdbc.sql("UPDATE article SET revision_count = revision_count + 1 WHERE id = ? RETURNING revision_count")
                .param(articleId)
                .query(Integer.class)
                .single();
        jdbc.sql("INSERT INTO article_revision (article_id, number, created_at, created_by, reason, snapshot) VALUES (?, ?, ?, ?, ?, ?)")
                .params(articleId, number, now.toEpochMilli(), by, reason, json.writeValueAsString(content))
                .update();
        return number;
    }

    /** Newest first. */
    List<Revision> revisions(long articleId, int limit) {
        return jdbc.sql("SELECT article_id, number, created_at, created_by, reason, snapshot FROM article_revision WHERE article_id = ? "
                        + "ORDER BY number DESC LIMIT ?")
                .params(articleId, limit)
                .query(this::revision)
                .list();
    }

    Optional<Revision> revision(long articleId, int number) {
        return jdbc.sql("SELECT article_id, number, created_at, created_by, reason, snapshot FROM article_revision WHERE article_id = ? AND number = ?")
                .params(articleId, number)
                .query(this::revision)
                .optional();
    }

    private Revision revision(ResultSet rs, int n) throws SQLException {
        return new Revision(rs.getLong(1), rs.getInt(2), Instant.ofEpochMilli(rs.getLong(3)), rs.getString(4), rs.getString(5),
                json.readValue(rs.getString(6), ArticleDraft.class));
    }

    // ---- audit log

    void audit(Instant at, Actor actor, ArticleAction action, long articleId, ArticleStatus from, ArticleStatus to, String detail) {
        jdbc.sql("INSERT INTO article_audit (at, actor, role, address, action, article_id, from_status, to_status, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(at.toEpochMilli(), actor.name(), actor.role().code(), actor.address(), action.code(), articleId,
                        from == null ? null : from.code(), to == null ? null : to.code(), detail)
                .update();
    }

    /** Newest first; {@code articleId} null for all articles. */
    List<AuditEntry> auditEntries(Long articleId, int limit) {
        String where = articleId == null ? "" : " WHERE article_id = ?";
        List<Object> params = articleId == null ? List.of(limit) : List.of(articleId, limit);
        return jdbc.sql("SELECT id, at, actor, role, address, action, article_id, from_status, to_status, detail FROM article_audit"
                        + where + " ORDER BY id DESC LIMIT ?")
                .params(params)
                .query((rs, n) -> new AuditEntry(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3), rs.getString(4),
                        rs.getString(5), ArticleAction.fromCode(rs.getString(6)), rs.getLong(7), status(rs.getString(8)), status(rs.getString(9)),
                        rs.getString(10)))
                .list();
    }

    private static ArticleStatus status(String code) {
        return code == null ? null : ArticleStatus.fromCode(code);
    }
}
