package org.masthead.media;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code media_item} table (Flyway V9). */
@Repository
class MediaRepository {

    record Row(long id, String hash, String filename, String mime, int width, int height, long bytes, String uploadedBy, long uploadedAt, String alt) {}

    private static final String COLUMNS = "id, hash, original_filename, mime, width, height, bytes, uploaded_by, uploaded_at, alt_text";
    private static final RowMapper<Row> ROW = (rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getInt(6),
            rs.getLong(7), rs.getString(8), rs.getLong(9), rs.getString(10));

    private final JdbcClient jdbc;

    MediaRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Row> byHash(String hash) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM media_item WHERE hash = ?").param(hash).query(ROW).optional();
    }

    /**
     * The rows of these hashes, in one statement per 500 (well under SQLite's 32,766 and PostgreSQL's
     * 65,535 parameters): a page asks for all its images at once.
     */
    List<Row> byHashes(java.util.Collection<String> hashes) {
        List<String> all = List.copyOf(hashes);
        List<Row> rows = new java.util.ArrayList<>(all.size());
        for (int from = 0; from < all.size(); from += 500) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
            rows.addAll(jdbc.sql("SELECT " + COLUMNS + " FROM media_item WHERE hash IN (" + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"))
                    + ")").params(chunk).query(ROW).list());
        }
        return rows;
    }

    Optional<Row> byId(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM media_item WHERE id = ?").param(id).query(ROW).optional();
    }

    /** Adds the row unless one with the same hash exists (two uploads of one picture at once); answers the row either way. */
    Row insertOrFind(String hash, String filename, String mime, int width, int height, long bytes, String uploadedBy, long uploadedAt, String alt) {
        jdbc.sql("INSERT INTO media_item (hash, original_filename, mime, width, height, bytes, uploaded_by, uploaded_at, alt_text) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (hash) DO NOTHING")
                .params(hash, filename, mime, width, height, bytes, uploadedBy, uploadedAt, alt)
                .update();
        return byHash(hash).orElseThrow();
    }

    /** Newest first. */
    List<Row> page(long offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM media_item ORDER BY uploaded_at DESC, id DESC LIMIT ? OFFSET ?").params(limit, offset).query(ROW).list();
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM media_item").query(Long.class).single();
    }

    boolean delete(long id) {
        return jdbc.sql("DELETE FROM media_item WHERE id = ?").param(id).update() == 1;
    }
}
