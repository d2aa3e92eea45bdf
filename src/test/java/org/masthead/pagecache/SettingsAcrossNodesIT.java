package org.masthead.pagecache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.masthead.MastheadApplication;
import org.masthead.TestSites;
import org.masthead.platform.AdminAudit;
import org.masthead.platform.TestPostgres;
import org.masthead.setting.SettingsDraft;
import org.masthead.setting.SiteSettingsChanged;
import org.masthead.setting.SiteSettingsStore;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Two whole applications (two app nodes, each with its web server, page cache and settings in memory) on
 * one database: a settings save on one shows on the other's public pages within a few seconds, even on a
 * page the other was keeping, with no restart and no channel between the nodes but the database. Run on
 * a SQLite file and on a real PostgreSQL.
 */
class SettingsAcrossNodesIT {

    static final String DATABASE = "settings_nodes";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();
    private EmbeddedPostgres postgres;

    /** Each application's committed SiteSettingsChanged events. */
    static class Announced {
        final AtomicInteger count = new AtomicInteger();

        @TransactionalEventListener(fallbackExecution = true)
        void on(SiteSettingsChanged event) {
            count.incrementAndGet();
        }
    }

    @AfterEach
    void stop() throws Exception {
        nodes.forEach(ConfigurableApplicationContext::close);
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aSaveOnOneNodeShowsOnTheOthersPagesWithinSecondsOnSqlite() throws Exception {
        Path root = Files.createDirectories(Path.of("target", "test-data"));
        Path shared = Files.createTempDirectory(root, "two-nodes-").toAbsolutePath();
        String url = TestSites.sqliteUrl(shared);
        saveOnOneShowsOnTheOther(node("sqlite-a", url, shared.resolve("a")), node("sqlite-b", url, shared.resolve("b")));
    }

    @Test
    void aSaveOnOneNodeShowsOnTheOthersPagesWithinSecondsOnPostgresql() throws Exception {
        postgres = TestPostgres.startWithDatabase(DATABASE);
        Path dirs = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-data")), "two-nodes-pg-").toAbsolutePath();
        String url = postgres.getJdbcUrl("postgres", DATABASE);
        saveOnOneShowsOnTheOther(node("pg-a", url, dirs.resolve("a")), node("pg-b", url, dirs.resolve("b")));
    }

    private void saveOnOneShowsOnTheOther(ConfigurableApplicationContext a, ConfigurableApplicationContext b) throws Exception {
        SiteSettingsStore onA = a.getBean(SiteSettingsStore.class);
        SiteSettingsStore onB = b.getBean(SiteSettingsStore.class);
        String before = onB.current().name();
        assertThat(before).isEqualTo(onA.current().name());
        // B keeps its home page with the old name.
        assertThat(page(b, "/")).contains(before);
        await().atMost(Duration.ofSeconds(5)).until(() -> b.getBean(PageStore.class).get("/") != null);

        SettingsDraft draft = SettingsDraft.of(onA.current());
        SettingsDraft renamed = new SettingsDraft("两节点晚报", "同一个数据库", draft.logoUrl(), draft.copyrightSince(), draft.icp(), draft.publicSecurityFiling(),
                draft.email(), draft.timeZone(), draft.excerptLength(), draft.listPageSize(), draft.homePageSize(), draft.baseUrl(), draft.friendLinks());
        long saved = System.nanoTime();
        assertThat(onA.save(renamed, new AdminAudit.By("admin", "192.0.2.1")).ok()).isTrue();
        assertThat(onA.current().name()).isEqualTo("两节点晚报");

        await().atMost(Duration.ofSeconds(6)).pollInterval(Duration.ofMillis(50)).until(() -> page(b, "/").contains("两节点晚报"));
        long tookMillis = (System.nanoTime() - saved) / 1_000_000;
        assertThat(onB.current().name()).isEqualTo("两节点晚报");
        assertThat(onB.current().tagline()).isEqualTo("同一个数据库");
        assertThat(page(b, "/")).doesNotContain(before);
        assertThat(b.getBean(Announced.class).count.get()).as("B announced the change to its own listeners once").isEqualTo(1);

        // A announced its save once; seeing its own stamp come back is no news, and nothing changes without a save.
        Thread.sleep(2_500);
        assertThat(a.getBean(Announced.class).count.get()).isEqualTo(1);
        assertThat(b.getBean(Announced.class).count.get()).isEqualTo(1);
        System.getLogger(getClass().getName()).log(System.Logger.Level.INFO, "settings saved on node A showed on node B''s page after {0} ms", tookMillis);
    }

    private ConfigurableApplicationContext node(String name, String databaseUrl, Path dataDir) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.hikari.pool-name=" + name,
                "--masthead.data-dir=" + dataDir,
                "--masthead.admin-password=" + TestSites.ADMIN_PASSWORD,
                "--server.port=0",
                "--masthead.views.flush-interval=1h",
                "--spring.main.banner-mode=off"));
        if (databaseUrl.startsWith("jdbc:postgresql:")) {
            args.add("--spring.datasource.username=postgres");
            args.add("--spring.datasource.password=");
        }
        // As command-line arguments: SpringApplicationBuilder.properties() are defaults, which application.properties would override.
        ConfigurableApplicationContext context = new SpringApplicationBuilder(MastheadApplication.class, Announced.class).run(args.toArray(String[]::new));
        nodes.add(context);
        return context;
    }

    private static String page(ConfigurableApplicationContext node, String path) throws Exception {
        String port = node.getEnvironment().getProperty("local.server.port");
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(path).isEqualTo(200);
        return answer.body();
    }
}
