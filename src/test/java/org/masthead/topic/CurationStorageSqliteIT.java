package org.masthead.topic;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The ads, flags and topics storage contract on an SQLite file in a fresh folder, opened as application.properties opens it. */
class CurationStorageSqliteIT extends CurationStorageContract {

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
        try (InputStream in = CurationStorageSqliteIT.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String url = properties.getProperty("spring.datasource.url");
        return url.substring(url.indexOf('?') + 1);
    }
}
