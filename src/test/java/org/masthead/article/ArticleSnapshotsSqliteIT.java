package org.masthead.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masthead.TestSites;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class ArticleSnapshotsSqliteIT extends ArticleSnapshotsContract {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void sqlite(DynamicPropertyRegistry registry) {
        registry.add("masthead.data-dir", dataDir::toString);
        registry.add("spring.datasource.url", () -> TestSites.sqliteUrl(dataDir));
    }

    /**
     * Without the V3 index SQLite read every row, bodies included, for the checksum and each batch of
     * versions; a keyset over (status, id) as one row value would scan from the start of the status.
     */
    @Test
    void checksumAndVersionBatchesReadOnlyTheIndex() {
        for (String query : List.of(
                "SELECT COUNT(*), COALESCE(SUM(id), 0), COALESCE(SUM(updated_at), 0), COALESCE(SUM(id * " + ArticleChecksum.statusWeightSql() + "), 0) FROM article",
                "SELECT id, updated_at, status FROM article WHERE status = 'published' AND id > 0 ORDER BY id LIMIT 10",
                "SELECT MIN(status) FROM article WHERE status > 'draft'")) {
            List<String> plan = jdbc.sql("EXPLAIN QUERY PLAN " + query).query((rs, n) -> rs.getString("detail")).list();
            assertThat(plan).as(query).singleElement().asString().contains("USING COVERING INDEX article_");
        }
        assertThat(jdbc.sql("EXPLAIN QUERY PLAN SELECT id, updated_at, status FROM article WHERE status = 'published' AND id > 0 ORDER BY id LIMIT 10")
                .query((rs, n) -> rs.getString("detail")).list()).singleElement().asString().contains("(status=? AND id>?)");
        List<String> details = jdbc.sql("EXPLAIN QUERY PLAN SELECT a.* FROM article a WHERE a.id > 0 ORDER BY a.id LIMIT 10")
                .query((rs, n) -> rs.getString("detail")).list();
        assertThat(details).singleElement().asString().contains("INTEGER PRIMARY KEY (rowid>?)");
    }
}
