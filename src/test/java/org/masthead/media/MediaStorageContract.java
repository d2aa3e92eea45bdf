package org.masthead.media;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The media table's SQL (Flyway V9 and MediaRepository), unchanged on every supported database. No Spring context. */
abstract class MediaStorageContract {

    MediaRepository repository;

    abstract DataSource dataSource();

    abstract String migrationFolder();

    @BeforeEach
    void migrateAndEmpty() {
        DataSource dataSource = dataSource();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/" + migrationFolder()).load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("DELETE FROM media_item").update();
        repository = new MediaRepository(jdbc);
    }

    @Test
    void oneRowPerHashWhoeverUploadsItAgain() {
        MediaRepository.Row first = repository.insertOrFind("a".repeat(64), "海边.jpg", "image/jpeg", 1400, 700, 120_000, "zhang", 1_000, "海边日落");
        MediaRepository.Row again = repository.insertOrFind("a".repeat(64), "copy.jpg", "image/jpeg", 1400, 700, 120_000, "li", 2_000, "");
        assertThat(again).isEqualTo(first);
        assertThat(first.filename()).isEqualTo("海边.jpg");
        assertThat(first.alt()).isEqualTo("海边日落");
        assertThat(repository.count()).isEqualTo(1);
        assertThat(repository.byHash("a".repeat(64))).contains(first);
    }

    @Test
    void pagesNewestFirstAndDeletes() {
        for (int i = 0; i < 5; i++) {
            repository.insertOrFind(String.valueOf(i).repeat(64), i + ".png", "image/png", 10, 10, 100, "zhang", 1_000 + i, "");
        }
        assertThat(repository.page(0, 2)).extracting(MediaRepository.Row::filename).containsExactly("4.png", "3.png");
        assertThat(repository.page(4, 2)).extracting(MediaRepository.Row::filename).containsExactly("0.png");
        long id = repository.byHash("2".repeat(64)).orElseThrow().id();
        assertThat(repository.delete(id)).isTrue();
        assertThat(repository.delete(id)).isFalse();
        assertThat(repository.byId(id)).isEmpty();
        assertThat(repository.count()).isEqualTo(4);
    }

    @Test
    void readsManyHashesInOneGoAndSkipsUnknownOnes() {
        repository.insertOrFind("a".repeat(64), "a.jpg", "image/jpeg", 1400, 700, 120_000, "zhang", 1_000, "海边");
        repository.insertOrFind("b".repeat(64), "b.png", "image/png", 300, 200, 9_000, "zhang", 2_000, "");
        java.util.List<String> asked = new java.util.ArrayList<>(java.util.List.of("a".repeat(64), "c".repeat(64), "b".repeat(64)));
        // More than one chunk of parameters.
        for (int i = 0; i < 1_200; i++) {
            asked.add(String.format("%064x", i + 1_000_000));
        }
        assertThat(repository.byHashes(asked)).extracting(MediaRepository.Row::filename).containsExactlyInAnyOrder("a.jpg", "b.png");
        assertThat(repository.byHashes(java.util.List.of())).isEmpty();
    }
}
