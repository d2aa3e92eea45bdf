package org.masthead.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The queue's SQL, run unchanged on every database Masthead supports after the real migrations:
 * each subclass only supplies a fresh database. No Spring context.
 */
abstract class SubmissionStorageContract {

    static final Instant NOW = Instant.parse("2024-05-20T02:00:00Z");

    JdbcClient jdbc;
    SubmissionRepository submissions;
    TransactionTemplate transaction;

    abstract DataSource dataSource();

    abstract String migrationFolder();

    @BeforeEach
    void migrateAndEmpty() {
        DataSource dataSource = dataSource();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/" + migrationFolder()).load().migrate();
        jdbc = JdbcClient.create(dataSource);
        submissions = new SubmissionRepository(jdbc);
        transaction = new TransactionTemplate(new JdbcTransactionManager(dataSource));
        jdbc.sql("DELETE FROM notification_submission").update();
    }

    @Test
    void dueUrlsComeOldestFirstPerEngineUpToTheLimit() {
        submissions.add(Target.INDEXNOW, "https://news.example.cn/articles/2", NOW.minusSeconds(10), NOW);
        submissions.add(Target.INDEXNOW, "https://news.example.cn/articles/1", NOW.minusSeconds(20), NOW);
        submissions.add(Target.INDEXNOW, "https://news.example.cn/articles/3", NOW, NOW);
        submissions.add(Target.INDEXNOW, "https://news.example.cn/articles/later", NOW.plusSeconds(60), NOW);
        submissions.add(Target.BAIDU, "https://news.example.cn/articles/1", NOW.minusSeconds(20), NOW);

        assertThat(submissions.due(Target.INDEXNOW, NOW, 10)).extracting(SubmissionRepository.Pending::url)
                .containsExactly("https://news.example.cn/articles/1", "https://news.example.cn/articles/2", "https://news.example.cn/articles/3");
        assertThat(submissions.due(Target.INDEXNOW, NOW, 2)).hasSize(2);
        assertThat(submissions.due(Target.BAIDU, NOW, 10)).singleElement().extracting(SubmissionRepository.Pending::attempts).isEqualTo(0);
        assertThat(submissions.queued(Target.INDEXNOW)).hasSize(4);
    }

    @Test
    void aRetryMovesTheUrlOutAndKeepsWhyItFailed() {
        submissions.add(Target.BAIDU, "https://news.example.cn/articles/1", NOW, NOW);
        long id = submissions.due(Target.BAIDU, NOW, 10).getFirst().id();

        submissions.retryAt(id, 1, NOW.plus(Duration.ofSeconds(30)), "HTTP 503: 服务暂不可用");

        assertThat(submissions.due(Target.BAIDU, NOW.plusSeconds(29), 10)).isEmpty();
        assertThat(submissions.due(Target.BAIDU, NOW.plusSeconds(30), 10)).singleElement().extracting(SubmissionRepository.Pending::attempts).isEqualTo(1);
        assertThat(jdbc.sql("SELECT last_error FROM notification_submission WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo("HTTP 503: 服务暂不可用");
    }

    @Test
    void deletesMoreIdsThanOneStatementTakes() {
        transaction.executeWithoutResult(status -> {
            for (int i = 0; i < 1_234; i++) {
                submissions.add(Target.INDEXNOW, "https://news.example.cn/articles/" + i, NOW, NOW);
            }
        });
        List<Long> ids = submissions.due(Target.INDEXNOW, NOW, 10_000).stream().map(SubmissionRepository.Pending::id).toList();
        assertThat(ids).hasSize(1_234);

        submissions.delete(ids.subList(0, 1_233));

        assertThat(submissions.queued(Target.INDEXNOW)).extracting(SubmissionRepository.Pending::url).containsExactly("https://news.example.cn/articles/1233");
    }
}
