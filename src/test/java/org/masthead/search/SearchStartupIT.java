package org.masthead.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masthead.MastheadApplication;
import org.masthead.TestSites;
import org.masthead.ingest.ImportCommand;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The index against the database across process boundaries: the CLI import indexes as it goes, the
 * server rebuilds a lost index and repairs a stale one when it starts, and {@code reindex} rebuilds
 * from the command line but leaves an index a running server holds alone.
 */
class SearchStartupIT {

    @TempDir
    Path dir;

    private final JsonMapper json = JsonMapper.builder().build();

    private Path importSeed(Path data) throws Exception {
        Path file = dir.resolve("seed.jsonl");
        Files.writeString(file, TestSites.fixture("seed-page.jsonl"), StandardCharsets.UTF_8);
        assertThat(ImportCommand.run(MastheadApplication.class, new String[] {"import", file.toString(), "--masthead.data-dir=" + data})).isZero();
        return data;
    }

    private static ConfigurableApplicationContext server(Path data) {
        return new SpringApplicationBuilder(MastheadApplication.class)
                .run("--server.port=0", "--masthead.data-dir=" + data, "--spring.datasource.url=" + TestSites.sqliteUrl(data),
                        "--masthead.demo.enabled=false", "--spring.main.banner-mode=off");
    }

    private long total(ConfigurableApplicationContext server, String text) {
        int port = Integer.parseInt(server.getEnvironment().getProperty("local.server.port"));
        var response = TestSites.get(port, "/api/v1/search?q=" + URLEncoder.encode(text, StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body()).get("total").asLong();
    }

    private static long indexedDocuments(Path data) throws Exception {
        Path search = data.resolve("search");
        String current = Files.readString(search.resolve("current")).strip();
        try (var directory = FSDirectory.open(search.resolve(current)); var reader = DirectoryReader.open(directory)) {
            return reader.numDocs();
        }
    }

    private static void sql(Path data, String statement) throws Exception {
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("masthead.db"))) {
            connection.createStatement().executeUpdate(statement);
        }
    }

    @Test
    void theCliImportIndexesAndTheServerRebuildsALostIndexAndRepairsAStaleOneAtStart() throws Exception {
        Path data = importSeed(dir.resolve("data"));
        assertThat(indexedDocuments(data)).as("the CLI import indexed as it went").isEqualTo(50);

        // The index is lost (a disk was replaced, someone deleted it): the server rebuilds it from the database.
        org.springframework.util.FileSystemUtils.deleteRecursively(data.resolve("search"));
        try (ConfigurableApplicationContext server = server(data)) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> total(server, "宝山教育") >= 1);
            await().atMost(Duration.ofSeconds(10)).until(() -> server.getBean(SearchIndex.class).checksum().count() == 50);
        }

        // Changed behind the index's back (as by a process that could not reach it): repaired at the next start.
        sql(data, "UPDATE article SET title = '宝山区教育大会 zzstale', updated_at = updated_at + 1 WHERE title LIKE '宝山教育高质量发展%'");
        try (ConfigurableApplicationContext server = server(data)) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> total(server, "zzstale") == 1);
            assertThat(server.getBean(SearchIndexing.class).check().outcome()).isEqualTo(SearchIndexing.Check.Outcome.IN_STEP);
        }
    }

    @Test
    void reindexRebuildsFromTheCommandLineButNotAnIndexARunningServerHolds() throws Exception {
        Path data = importSeed(dir.resolve("data"));
        String before = Files.readString(data.resolve("search/current")).strip();
        assertThat(ReindexCommand.run(MastheadApplication.class, new String[] {"reindex", "--masthead.data-dir=" + data})).isZero();
        String after = Files.readString(data.resolve("search/current")).strip();
        assertThat(after).isNotEqualTo(before);
        assertThat(indexedDocuments(data)).isEqualTo(50);
        assertThat(Files.exists(data.resolve("search").resolve(before))).as("the old generation is removed").isFalse();

        try (ConfigurableApplicationContext server = server(data)) {
            assertThat(ReindexCommand.run(MastheadApplication.class, new String[] {"reindex", "--masthead.data-dir=" + data})).isEqualTo(2);
            assertThat(total(server, "宝山教育")).isEqualTo(1);
        }
        assertThat(ReindexCommand.run(MastheadApplication.class, new String[] {"reindex", "oops"})).isEqualTo(2);
    }
}
