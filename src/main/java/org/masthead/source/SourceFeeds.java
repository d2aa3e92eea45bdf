package org.masthead.source;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Adds, lists and removes the feeds of a source. Polling state is {@link FeedSchedule}'s. */
@Service
public class SourceFeeds {

    /** Polling more often than this is rude to publishers and buys nothing for news. */
    public static final Duration MIN_INTERVAL = Duration.ofMinutes(1);
    public static final Duration MAX_INTERVAL = Duration.ofDays(7);
    static final int MAX_URL = 2000;

    private final JdbcClient jdbc;
    private final Clock clock;

    SourceFeeds(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Adds a feed to a source, due for its first poll now.
     *
     * @throws IllegalArgumentException naming the field that is wrong (unknown source, not an http(s)
     *     URL, interval out of range, a URL some source already has)
     */
    @Transactional
    public SourceFeed add(long sourceId, String url, Duration pollInterval) {
        String clean = checkedUrl(url);
        if (pollInterval == null || pollInterval.compareTo(MIN_INTERVAL) < 0 || pollInterval.compareTo(MAX_INTERVAL) > 0) {
            throw new IllegalArgumentException("pollInterval: must be between " + MIN_INTERVAL.toMinutes() + " minute and " + MAX_INTERVAL.toDays() + " days");
        }
        boolean sourceExists = jdbc.sql("SELECT COUNT(*) FROM source WHERE id = ?").param(sourceId).query(Long.class).single() > 0;
        if (!sourceExists) {
            throw new IllegalArgumentException("sourceId: no source " + sourceId);
        }
        long now = clock.millis();
        try {
            jdbc.sql("INSERT INTO source_feed (source_id, url, poll_seconds, next_poll_at, created_at) VALUES (?, ?, ?, ?, ?)")
                    .params(sourceId, clean, pollInterval.toSeconds(), now, now)
                    .update();
        } catch (DuplicateKeyException e) {
            throw new IllegalArgumentException("url: " + clean + " is already a feed of a source");
        }
        return byUrl(clean).orElseThrow();
    }

    public List<SourceFeed> ofSource(long sourceId) {
        return jdbc.sql("SELECT " + FeedRows.COLUMNS + " FROM source_feed WHERE source_id = ? ORDER BY id").param(sourceId).query(FeedRows::feed).list();
    }

    public Optional<SourceFeed> byId(long feedId) {
        return jdbc.sql("SELECT " + FeedRows.COLUMNS + " FROM source_feed WHERE id = ?").param(feedId).query(FeedRows::feed).optional();
    }

    public Optional<SourceFeed> byUrl(String url) {
        return jdbc.sql("SELECT " + FeedRows.COLUMNS + " FROM source_feed WHERE url = ?").param(url).query(FeedRows::feed).optional();
    }

    /** Stops or resumes polling; a resumed feed is due at once. */
    @Transactional
    public boolean setEnabled(long feedId, boolean enabled) {
        return jdbc.sql("UPDATE source_feed SET enabled = ?, next_poll_at = ? WHERE id = ?").params(enabled, clock.millis(), feedId).update() == 1;
    }

    @Transactional
    public boolean remove(long feedId) {
        return jdbc.sql("DELETE FROM source_feed WHERE id = ?").param(feedId).update() == 1;
    }

    static String checkedUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("url: is required");
        }
        String clean = url.strip();
        if (clean.length() > MAX_URL) {
            throw new IllegalArgumentException("url: at most " + MAX_URL + " characters");
        }
        try {
            URI uri = new URI(clean);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return clean;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new IllegalArgumentException("url: \"" + clean + "\" is not an absolute http(s) URL");
    }
}
