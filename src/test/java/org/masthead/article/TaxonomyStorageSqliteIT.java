package org.masthead.article;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The taxonomy storage contract on an SQLite file opened as application.properties opens it. */
class TaxonomyStorageSqliteIT extends TaxonomyStorageContract {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void sqliteFile(DynamicPropertyRegistry registry) {
        registry.add("masthead.data-dir", () -> dataDir.toString());
        registry.add("spring.datasource.url", () -> "jdbc:sqlite:" + dataDir.resolve("masthead.db") + "?" + ArticleStorageSqliteIT.productionUrlParameters());
    }
}
