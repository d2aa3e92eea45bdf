package org.masthead.article;

import java.nio.file.Path;
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
}
