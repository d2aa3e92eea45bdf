package org.masthead.source;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Finds publishers and records one the first time an article names it. */
@Service
public class Sources {

    private static final int MAX_NAME = 80;
    private final JdbcClient jdbc;

    Sources(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The source of that name, created when new; a homepage given later fills an empty one. */
    @Transactional
    public Source ensure(String name, String homepage) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > MAX_NAME) {
            throw new IllegalArgumentException("source name must be 1 to " + MAX_NAME + " characters");
        }
        jdbc.sql("INSERT INTO source (name, homepage) VALUES (?, ?) ON CONFLICT (name) DO NOTHING").params(clean, homepage).update();
        if (homepage != null) {
            jdbc.sql("UPDATE source SET homepage = ? WHERE name = ? AND homepage IS NULL").params(homepage, clean).update();
        }
        return byName(clean).orElseThrow();
    }

    public Optional<Source> byId(long id) {
        return jdbc.sql("SELECT id, name, homepage FROM source WHERE id = ?").param(id).query(Sources::row).optional();
    }

    public Optional<Source> byName(String name) {
        return jdbc.sql("SELECT id, name, homepage FROM source WHERE name = ?").param(name).query(Sources::row).optional();
    }

    private static Source row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Source(rs.getLong("id"), rs.getString("name"), rs.getString("homepage"));
    }
}
