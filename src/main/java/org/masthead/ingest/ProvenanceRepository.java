package org.masthead.ingest;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** ingest_item: where each collected article came from, and the keys exact duplicates are found by. */
@Repository
class ProvenanceRepository {

    record Item(long id, long articleId, String canonicalUrl, String contentHash, boolean origin) {}

    private static final String COLUMNS = "id, article_id, canonical_url, content_hash, is_origin";
    private final JdbcClient jdbc;

    ProvenanceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Item> byGuid(Long sourceId, String guid) {
        if (guid == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM ingest_item WHERE source_id " + (sourceId == null ? "IS NULL" : "= ?") + " AND guid = ? ORDER BY id LIMIT 1")
                .params(sourceId == null ? new Object[] {guid} : new Object[] {sourceId, guid})
                .query(ProvenanceRepository::item)
                .optional();
    }

    Optional<Item> byCanonicalUrl(String url) {
        return url == null ? Optional.empty() : jdbc.sql("SELECT " + COLUMNS + " FROM ingest_item WHERE canonical_url = ? ORDER BY is_origin DESC, id LIMIT 1")
                .param(url).query(ProvenanceRepository::item).optional();
    }

    Optional<Item> originByContentHash(String hash) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ingest_item WHERE content_hash = ? AND is_origin = TRUE ORDER BY id LIMIT 1")
                .param(hash).query(ProvenanceRepository::item).optional();
    }

    Optional<String> articleOriginalUrl(long articleId) {
        return jdbc.sql("SELECT original_url FROM article WHERE id = ?").param(articleId).query(String.class).optional();
    }

    void insert(long articleId, Long sourceId, Long feedId, String guid, String originalUrl, String canonicalUrl, String hash, Instant now, boolean origin) {
        jdbc.sql("INSERT INTO ingest_item (article_id, source_id, feed_id, guid, original_url, canonical_url, content_hash, first_seen_at, last_seen_at, "
                        + "last_changed_at, is_origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(articleId, sourceId, feedId, guid, originalUrl, canonicalUrl, hash, now.toEpochMilli(), now.toEpochMilli(), now.toEpochMilli(), origin)
                .update();
    }

    void seen(long id, Instant now) {
        jdbc.sql("UPDATE ingest_item SET last_seen_at = ? WHERE id = ?").params(now.toEpochMilli(), id).update();
    }

    void changed(long id, String hash, String originalUrl, String canonicalUrl, Instant now) {
        jdbc.sql("UPDATE ingest_item SET content_hash = ?, original_url = ?, canonical_url = ?, last_seen_at = ?, last_changed_at = ? WHERE id = ?")
                .params(hash, originalUrl, canonicalUrl, now.toEpochMilli(), now.toEpochMilli(), id)
                .update();
    }

    java.util.List<Provenance> ofArticle(long articleId) {
        return jdbc.sql("SELECT article_id, source_id, feed_id, guid, original_url, canonical_url, first_seen_at, last_seen_at, last_changed_at, is_origin "
                        + "FROM ingest_item WHERE article_id = ? ORDER BY is_origin DESC, id")
                .param(articleId)
                .query((rs, n) -> new Provenance(rs.getLong(1), rs.getObject(2) == null ? null : rs.getLong(2), rs.getObject(3) == null ? null : rs.getLong(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), Instant.ofEpochMilli(rs.getLong(7)), Instant.ofEpochMilli(rs.getLong(8)),
                        Instant.ofEpochMilli(rs.getLong(9)), rs.getBoolean(10)))
                .list();
    }

    private static Item item(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Item(rs.getLong("id"), rs.getLong("article_id"), rs.getString("canonical_url"), rs.getString("content_hash"), rs.getBoolean("is_origin"));
    }
}
