package org.masthead.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.masthead.source.SourceFeed;
import org.masthead.source.SourceFeeds;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** How each feed of a source is doing: last success and error, failures in a row, items per day. */
@Service
public class FeedHealth {

    /** The health of one feed; {@code itemsPerDay} averages new articles over the last 7 days. */
    public record View(
            long id, String url, String title, boolean enabled, long pollIntervalSeconds, Instant lastSuccessAt, Instant lastErrorAt,
            String lastError, int failureCount, Instant nextPollAt, int itemsLast24Hours, double itemsPerDay, long itemsTotal) {}

    private final SourceFeeds feeds;
    private final JdbcClient jdbc;
    private final Clock clock;

    FeedHealth(SourceFeeds feeds, JdbcClient jdbc, Clock clock) {
        this.feeds = feeds;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<View> ofSource(long sourceId) {
        Instant now = clock.instant();
        return feeds.ofSource(sourceId).stream().map(feed -> view(feed, now)).toList();
    }

    private View view(SourceFeed feed, Instant now) {
        long day = now.minus(Duration.ofDays(1)).toEpochMilli();
        long week = now.minus(Duration.ofDays(7)).toEpochMilli();
        long[] counts = jdbc.sql("SELECT COALESCE(SUM(CASE WHEN first_seen_at >= ? THEN 1 ELSE 0 END), 0), "
                        + "COALESCE(SUM(CASE WHEN first_seen_at >= ? THEN 1 ELSE 0 END), 0), COUNT(*) FROM ingest_item WHERE feed_id = ? AND is_origin = TRUE")
                .params(day, week, feed.id())
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)})
                .single();
        return new View(feed.id(), feed.url(), feed.title(), feed.enabled(), feed.pollInterval().toSeconds(), feed.lastSuccessAt(), feed.lastErrorAt(),
                feed.lastError(), feed.failureCount(), feed.nextPollAt(), (int) counts[0], Math.round(counts[1] / 7.0 * 10) / 10.0, counts[2]);
    }
}
