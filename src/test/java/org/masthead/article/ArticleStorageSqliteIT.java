package org.masthead.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The storage contract on an SQLite file in a fresh folder, opened as application.properties opens it. */
class ArticleStorageSqliteIT extends ArticleStorageContract {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void sqliteFile(DynamicPropertyRegistry registry) {
        registry.add("masthead.data-dir", () -> dataDir.toString());
        registry.add("spring.datasource.url", () -> "jdbc:sqlite:" + dataDir.resolve("masthead.db") + "?" + productionUrlParameters());
    }

    /** The query part of spring.datasource.url in application.properties: journal, sync, locks. */
    static String productionUrlParameters() {
        Properties properties = new Properties();
        try (InputStream in = ArticleStorageSqliteIT.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String url = properties.getProperty("spring.datasource.url");
        return url.substring(url.indexOf('?') + 1);
    }

    @Override
    String databaseProductName() {
        return "SQLite";
    }

    @Override
    String migrationFolder() {
        return "sqlite";
    }

    @Test
    void opensTheFileWithWriteAheadLogFullSyncAndForeignKeys() {
        assertThat(productionUrlParameters()).contains("journal_mode=WAL", "synchronous=FULL", "foreign_keys=true");
        assertThat(Files.isRegularFile(dataDir.resolve("masthead.db"))).isTrue();
        assertThat(jdbc.sql("PRAGMA journal_mode").query(String.class).single()).isEqualToIgnoringCase("wal");
        assertThat(jdbc.sql("PRAGMA synchronous").query(Integer.class).single()).as("2 is FULL").isEqualTo(2);
        assertThat(jdbc.sql("PRAGMA foreign_keys").query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("PRAGMA busy_timeout").query(Integer.class).single()).isEqualTo(10000);
    }
}
