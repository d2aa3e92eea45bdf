package org.masthead.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masthead.MastheadApplication;
import org.masthead.platform.TestPostgres;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Two whole applications on one real PostgreSQL, as two app nodes behind a load balancer: each has its
 * own Spring context, connection pool, schedule (checking every 100 ms), lock provider and events. Ten
 * articles scheduled on one node go live once each: exactly ten ArticlePublished events across both
 * applications, counted after commit as search and the page cache see them.
 */
class ScheduledPublishingPostgresIT {

    /**
     * A database of its own: a cached application context of another test whose server was stopped
     * keeps its schedule running, and if a new server reuses the port, it would publish in "postgres".
     */
    static final String DATABASE = "two_nodes";

    @TempDir
    Path dataDirs;

    private EmbeddedPostgres postgres;
    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

    /** Each application's committed ArticlePublished events. */
    static class Published {
        final List<Long> ids = new CopyOnWriteArrayList<>();

        @TransactionalEventListener(fallbackExecution = true)
        void on(ArticlePublished event) {
            ids.add(event.articleId());
        }
    }

    @AfterEach
    void stop() throws Exception {
        nodes.forEach(ConfigurableApplicationContext::close);
        if (postgres != null) {
            postgres.close();
        }
    }

    ConfigurableApplicationContext node(String name) {
        // As command-line arguments: SpringApplicationBuilder.properties() are defaults, which
        // application.properties (SQLite under ./data) would override.
        ConfigurableApplicationContext context = new SpringApplicationBuilder(MastheadApplication.class, Published.class)
                .web(WebApplicationType.NONE)
                .run(
                        "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", DATABASE),
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=",
                        "--spring.datasource.hikari.pool-name=" + name,
                        "--masthead.data-dir=" + dataDirs.resolve(name),
                        "--masthead.workflow.publish-check-interval=100ms",
                        "--masthead.views.flush-interval=1h",
                        "--spring.main.banner-mode=off");
        try (var connection = context.getBean(javax.sql.DataSource.class).getConnection()) {
            // Fails loudly should the arguments ever stop reaching the application.
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
            assertThat(connection.getCatalog()).isEqualTo(DATABASE);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        nodes.add(context);
        return context;
    }

    @Test
    void twoApplicationsOnOnePostgresqlPublishEachScheduledArticleExactlyOnce() throws Exception {
        postgres = TestPostgres.startWithDatabase(DATABASE);
        ConfigurableApplicationContext a = node("node-a");
        ConfigurableApplicationContext b = node("node-b");
        Actor editor = new Actor("editor1", Actor.Role.EDITOR, "192.0.2.10");
        Instant at = Instant.now().plus(Duration.ofSeconds(3));
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long id = a.getBean(ArticleEditing.class).createDraft(new ArticleDraft("两个节点定时发布 " + i, null, "<p>正文 " + i + "。</p>", null, null, null,
                    null, null, List.of(), "要闻", List.of(), null, List.of()), editor);
            a.getBean(ArticleWorkflow.class).apply(id, ArticleAction.SCHEDULE, editor, at);
            ids.add(id);
        }
        JdbcClient jdbc = b.getBean(JdbcClient.class);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM article WHERE status = 'published'").query(Long.class).single() == ids.size());
        Instant allLive = Instant.now();
        // Both keep checking for a while longer: nothing may be published a second time.
        Thread.sleep(1000);

        List<Long> announced = new ArrayList<>(a.getBean(Published.class).ids);
        announced.addAll(b.getBean(Published.class).ids);
        assertThat(announced).hasSize(ids.size()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM article_audit WHERE action = 'publish' AND actor = 'system:schedule'").query(Long.class).single())
                .isEqualTo(ids.size());
        assertThat(b.getBean(ArticleLookup.class).visible(ids.getFirst())).isPresent();
        assertThat(Duration.between(at, allLive)).as("live within seconds of the scheduled time").isLessThan(Duration.ofSeconds(30));
        System.getLogger(getClass().getName()).log(System.Logger.Level.INFO, "published by node-a: {0}, node-b: {1}, all live {2} ms after their time",
                a.getBean(Published.class).ids.size(), b.getBean(Published.class).ids.size(), Duration.between(at, allLive).toMillis());
    }
}
