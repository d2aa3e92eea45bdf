package org.masthead.topic;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.masthead.platform.TestPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The ads, flags and topics storage contract on a real PostgreSQL server that this class starts and stops. */
class CurationStoragePostgresIT extends CurationStorageContract {

    static final String DATABASE = "curation_contract";

    static EmbeddedPostgres postgres;

    @TempDir
    static Path dataDir;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = TestPostgres.startWithDatabase(DATABASE);
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @DynamicPropertySource
    static void postgresDatabase(DynamicPropertyRegistry registry) {
        TestPostgres.use(registry, () -> postgres, DATABASE, () -> dataDir);
    }
}
