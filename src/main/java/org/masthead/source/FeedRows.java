package org.masthead.source;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/** Maps source_feed rows; shared by the two services of this module that read them. */
final class FeedRows {

    static final String COLUMNS = "id, source_id, url, title, poll_seconds, enabled, etag, last_modified, next_poll_at, last_polled_at, "
            + "last_success_at, last_error_at, last_error, failure_count";

    private FeedRows() {}

    static SourceFeed feed(ResultSet rs, int n) throws SQLException {
        return new SourceFeed(
                rs.getLong("id"),
                rs.getLong("source_id"),
                rs.getString("url"),
                rs.getString("title"),
                Duration.ofSeconds(rs.getLong("poll_seconds")),
                rs.getBoolean("enabled"),
                rs.getString("etag"),
                rs.getString("last_modified"),
                instant(rs, "next_poll_at"),
                instant(rs, "last_polled_at"),
                instant(rs, "last_success_at"),
                instant(rs, "last_error_at"),
                rs.getString("last_error"),
                rs.getInt("failure_count"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
