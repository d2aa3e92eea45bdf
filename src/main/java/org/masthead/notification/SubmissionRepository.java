package org.masthead.notification;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code notification_submission} table: URLs waiting to be sent to a search engine. */
@Repository
class SubmissionRepository {

    /** Ids per DELETE, well under SQLite's and PostgreSQL's limits on bound parameters. */
    private static final int IDS_PER_STATEMENT = 500;

    private final JdbcClient jdbc;

    SubmissionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A URL waiting for one engine; {@code attempts} counts the failed tries so far. */
    record Pending(long id, String url, int attempts) {}

    void add(Target target, String url, Instant due, Instant now) {
        jdbc.sql("INSERT INTO notification_submission (target, url, attempts, next_attempt_at, created_at) VALUES (?, ?, 0, ?, ?)")
                .params(target.name(), url, due.toEpochMilli(), now.toEpochMilli())
                .update();
    }

    /** The longest-waiting URLs for {@code target} that are due at {@code now}, at most {@code limit}. */
    List<Pending> due(Target target, Instant now, int limit) {
        return jdbc.sql("SELECT id, url, attempts FROM notification_submission WHERE target = ? AND next_attempt_at <= ? "
                        + "ORDER BY next_attempt_at, id LIMIT ?")
                .params(target.name(), now.toEpochMilli(), limit)
                .query((rs, n) -> new Pending(rs.getLong(1), rs.getString(2), rs.getInt(3)))
                .list();
    }

    void delete(List<Long> ids) {
        for (int from = 0; from < ids.size(); from += IDS_PER_STATEMENT) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_STATEMENT));
            jdbc.sql("DELETE FROM notification_submission WHERE id IN (:ids)").param("ids", chunk).update();
        }
    }

    void retryAt(long id, int attempts, Instant next, String error) {
        jdbc.sql("UPDATE notification_submission SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?")
                .params(attempts, next.toEpochMilli(), error, id)
                .update();
    }

    /** Everything still queued for {@code target}, due or not, oldest first. */
    List<Pending> queued(Target target) {
        return jdbc.sql("SELECT id, url, attempts FROM notification_submission WHERE target = ? ORDER BY id")
                .param(target.name())
                .query((rs, n) -> new Pending(rs.getLong(1), rs.getString(2), rs.getInt(3)))
                .list();
    }
}
