package org.masthead.source;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * When feeds are polled, and by whom. A poller first {@link #claim claims} a due feed: a conditional
 * UPDATE that succeeds only while no other node holds an unexpired lease on it. One statement, no
 * row locks or advisory locks, so it works the same on SQLite and PostgreSQL; the lease expires by
 * itself if a node dies mid-poll. Recording the outcome releases the lease and sets the next poll:
 * the feed's interval after success, an exponentially growing delay (capped) after failures.
 */
@Service
public class FeedSchedule {

    /** The longest a failing feed waits between attempts. */
    public static final Duration MAX_BACKOFF = Duration.ofHours(24);

    private final JdbcClient jdbc;
    private final Clock clock;

    FeedSchedule(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Enabled feeds due now with no live lease, most overdue first. */
    public List<Long> due(int limit) {
        long now = clock.millis();
        return jdbc.sql("SELECT id FROM source_feed WHERE enabled = TRUE AND next_poll_at <= ? AND (lease_until IS NULL OR lease_until < ?) "
                        + "ORDER BY next_poll_at, id LIMIT ?")
                .params(now, now, limit)
                .query(Long.class)
                .list();
    }

    /**
     * Takes the feed for {@code lease} on behalf of {@code owner} (a node id), if it is due (or
     * {@code evenIfNotDue}, for "poll now") and nobody else holds it. Returns the feed when this
     * node won it, empty when another node did or it is not due.
     */
    public Optional<SourceFeed> claim(long feedId, String owner, Duration lease, boolean evenIfNotDue) {
        long now = clock.millis();
        int won = jdbc.sql("UPDATE source_feed SET lease_owner = ?, lease_until = ? WHERE id = ? AND (lease_until IS NULL OR lease_until < ?)"
                        + (evenIfNotDue ? "" : " AND enabled = TRUE AND next_poll_at <= ?"))
                .params(evenIfNotDue ? List.of(owner, now + lease.toMillis(), feedId, now) : List.of(owner, now + lease.toMillis(), feedId, now, now))
                .update();
        if (won != 1) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT " + FeedRows.COLUMNS + " FROM source_feed WHERE id = ? AND lease_owner = ?").params(feedId, owner).query(FeedRows::feed).optional();
    }

    /**
     * The poll worked (new content or 304): keeps the validators for the next conditional GET,
     * clears the failure streak, schedules the next poll one interval on and releases the lease.
     */
    public void succeeded(long feedId, String owner, String etag, String lastModified, String title) {
        long now = clock.millis();
        jdbc.sql("UPDATE source_feed SET etag = ?, last_modified = ?, title = COALESCE(?, title), last_polled_at = ?, last_success_at = ?, "
                        + "failure_count = 0, next_poll_at = ? + poll_seconds * 1000, lease_owner = NULL, lease_until = NULL "
                        + "WHERE id = ? AND lease_owner = ?")
                .params(etag, lastModified, title, now, now, now, feedId, owner)
                .update();
    }

    /** The poll failed: records why and backs off (see {@link #backoff}); releases the lease. */
    public void failed(long feedId, String owner, String error) {
        long now = clock.millis();
        jdbc.sql("SELECT poll_seconds, failure_count FROM source_feed WHERE id = ?").param(feedId)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getInt(2)})
                .optional()
                .ifPresent(row -> {
                    int failures = (int) row[1] + 1;
                    Duration delay = backoff(Duration.ofSeconds(row[0]), failures);
                    String message = error == null ? "unknown error" : error.length() > 1000 ? error.substring(0, 1000) : error;
                    jdbc.sql("UPDATE source_feed SET last_polled_at = ?, last_error_at = ?, last_error = ?, failure_count = ?, next_poll_at = ?, "
                                    + "lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?")
                            .params(now, now, message, failures, now + delay.toMillis(), feedId, owner)
                            .update();
                });
    }

    /**
     * The wait after the {@code failures}-th failure in a row: the poll interval doubled per failure
     * (2×, 4×, 8× …), never more than {@link #MAX_BACKOFF} unless the interval itself is longer.
     */
    public static Duration backoff(Duration interval, int failures) {
        Duration cap = interval.compareTo(MAX_BACKOFF) > 0 ? interval : MAX_BACKOFF;
        Duration delay = interval;
        for (int i = 0; i < failures && delay.compareTo(cap) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(cap) > 0 ? cap : delay;
    }

    /** When the feed is polled next (for tests and the health view). */
    public Optional<Instant> nextPoll(long feedId) {
        return jdbc.sql("SELECT next_poll_at FROM source_feed WHERE id = ?").param(feedId).query(Long.class).optional().map(Instant::ofEpochMilli);
    }
}
