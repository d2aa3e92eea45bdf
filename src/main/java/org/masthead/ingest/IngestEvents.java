package org.masthead.ingest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.masthead.platform.PageSlice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ingest event log: per poll and per item, what happened, when, for which source. A poll writes
 * its lines in one transaction at its end (one commit, not one per item, so the log costs the
 * throughput little). Lines older than {@code masthead.ingest.event-retention} are pruned hourly.
 */
@Service
public class IngestEvents {

    static final int MAX_PAGE_SIZE = 200;
    private static final int MAX_DETAIL = 2000;
    private static final int MAX_URL = 2000;
    private static final Logger log = LoggerFactory.getLogger(IngestEvents.class);

    private final JdbcClient jdbc;
    private final IngestSettings settings;
    private final Clock clock;

    IngestEvents(JdbcClient jdbc, IngestSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    /** Writes the lines of one poll together. */
    @Transactional
    void record(List<IngestEvent> events) {
        for (IngestEvent e : events) {
            jdbc.sql("INSERT INTO ingest_event (at, source_id, feed_id, kind, article_id, item_url, detail) VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(e.at().toEpochMilli(), e.sourceId(), e.feedId(), e.kind(), e.articleId(), cut(e.itemUrl(), MAX_URL), cut(e.detail(), MAX_DETAIL))
                    .update();
        }
    }

    /** A source's lines, newest first; {@code page} from 1, {@code size} 1 to {@value #MAX_PAGE_SIZE}. */
    public PageSlice<IngestEvent> ofSource(long sourceId, int page, int size) {
        int p = Math.max(1, page);
        int s = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        long total = jdbc.sql("SELECT COUNT(*) FROM ingest_event WHERE source_id = ?").param(sourceId).query(Long.class).single();
        List<IngestEvent> items = jdbc.sql("SELECT id, at, source_id, feed_id, kind, article_id, item_url, detail FROM ingest_event WHERE source_id = ? "
                        + "ORDER BY id DESC LIMIT ? OFFSET ?")
                .params(sourceId, s, (long) (p - 1) * s)
                .query(IngestEvents::event)
                .list();
        return new PageSlice<>(items, p, s, total);
    }

    /** Deletes lines older than the retention; returns how many. */
    @Scheduled(fixedDelayString = "${masthead.ingest.event-prune-interval:1h}", initialDelayString = "${masthead.ingest.event-prune-interval:1h}")
    public int prune() {
        long before = clock.instant().minus(settings.eventRetention()).toEpochMilli();
        int deleted = jdbc.sql("DELETE FROM ingest_event WHERE at < ?").param(before).update();
        if (deleted > 0) {
            log.info("pruned {} ingest events older than {}", deleted, settings.eventRetention());
        }
        return deleted;
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private static IngestEvent event(ResultSet rs, int n) throws SQLException {
        long feed = rs.getLong("feed_id");
        Long feedId = rs.wasNull() ? null : feed;
        long article = rs.getLong("article_id");
        Long articleId = rs.wasNull() ? null : article;
        return new IngestEvent(rs.getLong("id"), Instant.ofEpochMilli(rs.getLong("at")), rs.getLong("source_id"), feedId, rs.getString("kind"), articleId,
                rs.getString("item_url"), rs.getString("detail"));
    }
}
