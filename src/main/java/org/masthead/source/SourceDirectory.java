package org.masthead.source;

import java.net.URI;
import java.net.URISyntaxException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sources editors manage (API, CLI, back office): add one with its first feed, change its name,
 * homepage and logo, list them, delete one. Deleting retires the source rather than removing its row:
 * its feeds go (polling stops) but its articles stay, still credited to it; adding a source of the
 * same name later brings the row back.
 */
@Service
public class SourceDirectory {

    static final int MAX_NAME = 80;
    private static final String COLUMNS = "id, name, homepage, logo_url";

    /** What an editor fills in; homepage and logo may be null. */
    public record Fields(String name, String homepage, String logoUrl) {}

    /** What deleting did: feeds removed, articles kept (still credited to the source). */
    public record Retired(SourceProfile source, int feedsRemoved, long articlesKept) {}

    private final JdbcClient jdbc;
    private final SourceFeeds feeds;
    private final Clock clock;

    SourceDirectory(JdbcClient jdbc, SourceFeeds feeds, Clock clock) {
        this.jdbc = jdbc;
        this.feeds = feeds;
        this.clock = clock;
    }

    /**
     * Adds a source and, when {@code feedUrl} is given, its first feed (due for a poll at once), in one
     * transaction: a refused feed adds no source either.
     *
     * @throws SourceRefused 400 for a wrong field, 409 for a name or feed URL that is taken
     */
    @Transactional
    public SourceProfile create(Fields fields, String feedUrl, Duration pollInterval) {
        Fields clean = checked(fields);
        Optional<Row> same = rowByName(clean.name());
        long id;
        if (same.isPresent() && same.get().retired()) {
            id = same.get().profile().id();
            jdbc.sql("UPDATE source SET homepage = ?, logo_url = ?, retired_at = NULL WHERE id = ?").params(clean.homepage(), clean.logoUrl(), id).update();
        } else if (same.isPresent()) {
            throw new SourceRefused(SourceRefused.Reason.CONFLICT, "source.error.duplicateName", clean.name(), String.valueOf(same.get().profile().id()));
        } else {
            try {
                jdbc.sql("INSERT INTO source (name, homepage, logo_url) VALUES (?, ?, ?)").params(clean.name(), clean.homepage(), clean.logoUrl()).update();
            } catch (DuplicateKeyException e) {
                // Another request added the same name between the look-up and the insert.
                throw new SourceRefused(SourceRefused.Reason.CONFLICT, "source.error.duplicateName", clean.name(), "?");
            }
            id = rowByName(clean.name()).orElseThrow().profile().id();
        }
        if (feedUrl != null && !feedUrl.isBlank()) {
            addFeed(id, feedUrl, pollInterval);
        }
        return byId(id).orElseThrow();
    }

    /**
     * Replaces name, homepage and logo; a {@code feedUrl} the source does not have yet is added as
     * another feed (one it has already changes nothing).
     *
     * @throws SourceRefused 404 for an unknown or deleted source, 400 for a wrong field, 409 for a taken name or feed URL
     */
    @Transactional
    public SourceProfile update(long id, Fields fields, String feedUrl, Duration pollInterval) {
        SourceProfile current = byId(id).orElseThrow(() -> SourceRefused.notFound(id));
        Fields clean = checked(fields);
        rowByName(clean.name()).filter(other -> other.profile().id() != id).ifPresent(other -> {
            throw new SourceRefused(SourceRefused.Reason.CONFLICT, "source.error.duplicateName", clean.name(), String.valueOf(other.profile().id()));
        });
        jdbc.sql("UPDATE source SET name = ?, homepage = ?, logo_url = ? WHERE id = ?").params(clean.name(), clean.homepage(), clean.logoUrl(), current.id()).update();
        if (feedUrl != null && !feedUrl.isBlank() && feeds.ofSource(id).stream().noneMatch(f -> f.url().equals(feedUrl.strip()))) {
            addFeed(id, feedUrl, pollInterval);
        }
        return byId(id).orElseThrow();
    }

    /**
     * Deletes a source for its editors: its feeds are removed (the provenance of collected items keeps
     * pointing at the source), its articles stay published and credited to it.
     *
     * @throws SourceRefused 404 for an unknown or already deleted source
     */
    @Transactional
    public Retired retire(long id) {
        SourceProfile source = byId(id).orElseThrow(() -> SourceRefused.notFound(id));
        int removed = jdbc.sql("DELETE FROM source_feed WHERE source_id = ?").param(id).update();
        jdbc.sql("UPDATE source SET retired_at = ? WHERE id = ?").params(clock.millis(), id).update();
        long articles = jdbc.sql("SELECT COUNT(*) FROM article WHERE source_id = ?").param(id).query(Long.class).single();
        return new Retired(source, removed, articles);
    }

    /** The sources not deleted, by name. */
    public List<SourceProfile> list() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM source WHERE retired_at IS NULL ORDER BY name, id").query(SourceDirectory::profile).list();
    }

    /** A source not deleted. */
    public Optional<SourceProfile> byId(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM source WHERE id = ? AND retired_at IS NULL").param(id).query(SourceDirectory::profile).optional();
    }

    private void addFeed(long sourceId, String feedUrl, Duration pollInterval) {
        try {
            feeds.add(sourceId, feedUrl, pollInterval == null ? Duration.ofMinutes(30) : pollInterval);
        } catch (IllegalArgumentException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            if (message.contains("already a feed")) {
                long owner = feeds.byUrl(feedUrl.strip()).map(SourceFeed::sourceId).orElse(-1L);
                throw new SourceRefused(SourceRefused.Reason.CONFLICT, "source.error.feedTaken", feedUrl.strip(), String.valueOf(owner));
            }
            if (message.startsWith("pollInterval")) {
                throw new SourceRefused(SourceRefused.Reason.INVALID, "source.error.pollInterval", String.valueOf(SourceFeeds.MIN_INTERVAL.toMinutes()),
                        String.valueOf(SourceFeeds.MAX_INTERVAL.toMinutes()));
            }
            throw new SourceRefused(SourceRefused.Reason.INVALID, "source.error.url", "feedUrl", feedUrl.strip());
        }
    }

    private record Row(SourceProfile profile, boolean retired) {}

    private Optional<Row> rowByName(String name) {
        return jdbc.sql("SELECT " + COLUMNS + ", retired_at FROM source WHERE name = ?").param(name)
                .query((rs, n) -> new Row(profile(rs, n), rs.getObject("retired_at") != null))
                .optional();
    }

    /** Trims every field; an empty homepage or logo means none. */
    static Fields checked(Fields fields) {
        if (fields == null) {
            throw new SourceRefused(SourceRefused.Reason.INVALID, "source.error.name", MAX_NAME);
        }
        String name = fields.name() == null ? "" : fields.name().strip().replaceAll("\\s+", " ");
        if (name.isEmpty() || name.codePointCount(0, name.length()) > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            throw new SourceRefused(SourceRefused.Reason.INVALID, "source.error.name", MAX_NAME);
        }
        return new Fields(name, optionalUrl("homepage", fields.homepage()), optionalUrl("logoUrl", fields.logoUrl()));
    }

    private static String optionalUrl(String field, String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String clean = url.strip();
        if (clean.length() <= SourceFeeds.MAX_URL) {
            try {
                URI uri = new URI(clean);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                    return clean;
                }
            } catch (URISyntaxException e) {
                // refused below
            }
        }
        throw new SourceRefused(SourceRefused.Reason.INVALID, "source.error.url", field, clean);
    }

    private static SourceProfile profile(ResultSet rs, int n) throws SQLException {
        return new SourceProfile(rs.getLong("id"), rs.getString("name"), rs.getString("homepage"), rs.getString("logo_url"));
    }
}
