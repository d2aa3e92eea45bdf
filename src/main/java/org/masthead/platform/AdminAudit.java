package org.masthead.platform;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The back-office audit trail for changes that are about neither one article (the article module keeps
 * its own) nor one account (the account module's): channels, tags, bylines, settings. A line is
 * written by the change itself, in its transaction, so a change that rolls back leaves no line.
 */
@Service
public class AdminAudit {

    /** Most lines one read returns. */
    public static final int MAX_LINES = 500;

    /** Who made a change and from which network address (null when unknown). */
    public record By(String user, String address) {

        public By {
            if (user == null || user.isBlank()) {
                throw new IllegalArgumentException("audit: a user is required");
            }
        }
    }

    /** One line: {@code action} is a dotted code such as {@code channel.rename}, {@code subject} what it was done to. */
    public record Entry(long id, Instant at, String user, String address, String action, String subject, String detail) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    AdminAudit(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(By by, String action, String subject, String detail) {
        jdbc.sql("INSERT INTO admin_audit (at, actor, address, action, subject, detail) VALUES (?, ?, ?, ?, ?, ?)")
                .params(clock.millis(), by.user(), by.address(), action, subject, detail)
                .update();
    }

    /** The newest {@code limit} lines whose action starts with {@code prefix} ("" for all), newest first. */
    public List<Entry> recent(String prefix, int limit) {
        if (limit < 1 || limit > MAX_LINES) {
            throw new IllegalArgumentException("limit: must be between 1 and " + MAX_LINES);
        }
        return jdbc.sql("SELECT id, at, actor, address, action, subject, detail FROM admin_audit WHERE action LIKE ? ORDER BY at DESC, id DESC LIMIT ?")
                .params(prefix.replace("%", "").replace("_", "") + "%", limit)
                .query((rs, n) -> new Entry(rs.getLong("id"), Instant.ofEpochMilli(rs.getLong("at")), rs.getString("actor"), rs.getString("address"),
                        rs.getString("action"), rs.getString("subject"), rs.getString("detail")))
                .list();
    }
}
