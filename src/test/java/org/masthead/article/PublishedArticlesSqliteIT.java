package org.masthead.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masthead.TestSites;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class PublishedArticlesSqliteIT extends PublishedArticlesContract {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void sqlite(DynamicPropertyRegistry registry) {
        registry.add("masthead.data-dir", dataDir::toString);
        registry.add("spring.datasource.url", () -> TestSites.sqliteUrl(dataDir));
    }

    /** Without the V3 index SQLite read every published row, bodies included, and sorted them, once per batch. */
    @Test
    void checksumAndVersionBatchesReadOnlyTheIndex() {
        for (String query : List.of(
                "SELECT COUNT(*), COALESCE(SUM(id), 0), COALESCE(SUM(updated_at), 0) FROM article WHERE status = 'published'",
                "SELECT id, updated_at FROM article WHERE status = 'published' AND id > 0 ORDER BY id LIMIT 10")) {
            List<String> plan = jdbc.sql("EXPLAIN QUERY PLAN " + query).query((rs, n) -> rs.getString("detail")).list();
            assertThat(plan).as(query).singleElement().asString().contains("COVERING INDEX article_status_id_updated");
        }
        List<String> details = jdbc.sql("EXPLAIN QUERY PLAN SELECT a.* FROM article a WHERE a.status = 'published' AND a.id > 0 ORDER BY a.id LIMIT 10")
                .query((rs, n) -> rs.getString("detail")).list();
        assertThat(details).singleElement().asString().contains("INDEX article_status_id_updated (status=? AND id>?)");
    }
}
