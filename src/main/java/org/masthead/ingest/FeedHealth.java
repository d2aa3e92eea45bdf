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

    /**
     * The health of a source over its feeds: the latest success and error, items per day summed, the
     * next poll among its enabled feeds, and whether any feed is backing off after failures (then
     * {@code failureCount} is the longest streak and {@code retryAt} when that feed is tried again).
     */
    public record SourceView(
            long sourceId, int feedCount, Instant lastSuccessAt, Instant lastErrorAt, String lastError, int itemsLast24Hours, double itemsPerDay,
            long itemsTotal, Instant nextPollAt, boolean backingOff, int failureCount, Instant retryAt, List<View> feeds) {}

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

    public SourceView ofSourceSummed(long sourceId) {
        List<View> views = ofSource(sourceId);
        Instant lastSuccess = views.stream().map(View::lastSuccessAt).filter(java.util.Objects::nonNull).max(Instant::compareTo).orElse(null);
        View lastFailed = views.stream().filter(v -> v.lastErrorAt() != null).max(java.util.Comparator.comparing(View::lastErrorAt)).orElse(null);
        Instant next = views.stream().filter(View::enabled).map(View::nextPollAt).filter(java.util.Objects::nonNull).min(Instant::compareTo).orElse(null);
        View worst = views.stream().filter(v -> v.enabled() && v.failureCount() > 0).max(java.util.Comparator.comparingInt(View::failureCount)).orElse(null);
        return new SourceView(sourceId, views.size(), lastSuccess, lastFailed == null ? null : lastFailed.lastErrorAt(), lastFailed == null ? null : lastFailed.lastError(),
                views.stream().mapToInt(View::itemsLast24Hours).sum(), Math.round(views.stream().mapToDouble(View::itemsPerDay).sum() * 10) / 10.0,
                views.stream().mapToLong(View::itemsTotal).sum(), next, worst != null, worst == null ? 0 : worst.failureCount(),
                worst == null ? null : worst.nextPollAt(), views);
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
