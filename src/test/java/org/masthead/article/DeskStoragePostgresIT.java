package org.masthead.article;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.masthead.platform.TestPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The desk contract on a real PostgreSQL server that this class starts and stops. */
class DeskStoragePostgresIT extends DeskStorageContract {

    static EmbeddedPostgres postgres;

    @TempDir
    static Path dataDir;

    /** Its own database: a cached context of another test on a stopped server that reused this port would publish in "postgres". */
    static final String DATABASE = "desk_contract";

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = TestPostgres.start();
        try (var connection = postgres.getPostgresDatabase().getConnection(); var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + DATABASE);
        }
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @DynamicPropertySource
    static void postgresDatabase(DynamicPropertyRegistry registry) {
        registry.add("masthead.data-dir", () -> dataDir.toString());
        registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", DATABASE));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }
}
