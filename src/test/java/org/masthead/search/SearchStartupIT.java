package org.masthead.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * The index against the database across process boundaries: a CLI import leaves the index to the
 * server, which catches up when it starts (repairing a few articles, rebuilding a lost index) and,
 * while it runs, at its periodic check; {@code reindex} rebuilds from the command line but leaves an
 * index a running server holds alone.
 */
class SearchStartupIT {

    @TempDir
    Path dir;

    private final JsonMapper json = JsonMapper.builder().build();

    private Path importFile(Path data, String name, String content) {
        Path file = dir.resolve(name);
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(ImportCommand.run(MastheadApplication.class, new String[] {"import", file.toString(), "--masthead.data-dir=" + data})).isZero();
        return data;
    }

    private Path importSeed(Path data) {
        return importFile(data, "seed.jsonl", TestSites.fixture("seed-page.jsonl"));
    }

    private static String article(String title, String url) {
        return "{\"title\":\"" + title + "\",\"body\":\"正文。\",\"bodyFormat\":\"text\",\"publishedAt\":\"2023-08-29T10:00:00+08:00\","
                + "\"originalUrl\":\"" + url + "\"}\n";
    }

    private static ConfigurableApplicationContext server(Path data, String... more) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--server.port=0", "--masthead.data-dir=" + data,
                "--spring.datasource.url=" + TestSites.sqliteUrl(data), "--masthead.demo.enabled=false", "--spring.main.banner-mode=off"));
        args.addAll(java.util.List.of(more));
        return new SpringApplicationBuilder(MastheadApplication.class).run(args.toArray(String[]::new));
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

    @Test
    void theCliImportLeavesTheIndexToTheServerWhichCatchesUpAtStart() throws Exception {
        Path data = importSeed(dir.resolve("data"));
        assertThat(data.resolve("search")).as("a CLI import does not open the index").doesNotExist();

        try (ConfigurableApplicationContext server = server(data)) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> total(server, "宝山教育") == 1);
            await().atMost(Duration.ofSeconds(10)).until(() -> server.getBean(SearchIndex.class).checksum().count() == 50);
        }
        assertThat(indexedDocuments(data)).isEqualTo(50);

        // A new article and a changed one, imported while no server runs: repaired one by one at the next start.
        importFile(data, "more.jsonl", article("后来导入的 zzlater", "https://example.cn/later")
                + TestSites.fixture("seed-page.jsonl").lines().findFirst().orElseThrow()
                        .replaceFirst("\"title\":\\s*\"[^\"]*\"", "\"title\":\"改过的标题 zzchanged\"") + "\n");
        try (ConfigurableApplicationContext server = server(data)) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> total(server, "zzlater") == 1 && total(server, "zzchanged") == 1);
            assertThat(server.getBean(SearchIndexing.class).check().outcome()).isEqualTo(SearchIndexing.Check.Outcome.IN_STEP);
        }

        // The index is lost (a disk replaced, a directory deleted): rebuilt from the database at start.
        org.springframework.util.FileSystemUtils.deleteRecursively(data.resolve("search"));
        try (ConfigurableApplicationContext server = server(data)) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> total(server, "zzlater") == 1);
            await().atMost(Duration.ofSeconds(10)).until(() -> server.getBean(SearchIndex.class).checksum().count() == 51);
        }
    }

    /**
     * The start-up check (and the rebuild it starts when the index is new) runs after the web server is
     * up, on a thread of its own: pages answer at once, from the database, while the index is still
     * being filled (bench/README.md, "startup"); search catches up when the check is done.
     */
    @Test
    void pagesAnswerWhileTheStartUpCheckRebuildsTheIndex() throws Exception {
        int count = 1000;
        // Bodies of 500 words drawn at random, so that no two are near-duplicates (which enrichment would merge).
        String[] words = {"市政府", "今天", "发布", "城市", "更新", "计划", "交通", "教育", "医疗", "住房", "措施", "居民", "社区", "企业",
            "投资", "项目", "建设", "道路", "学校", "医院", "公园", "环境", "治理", "服务", "改革", "发展", "经济", "文化", "旅游", "农业"};
        java.util.Random random = new java.util.Random(7);
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            StringBuilder body = new StringBuilder();
            for (int w = 0; w < 500; w++) {
                body.append(words[random.nextInt(words.length)]).append(w % 12 == 11 ? "。" : "");
            }
            lines.append("{\"title\":\"城市更新第").append(i).append("篇")
                    .append("\",\"body\":\"").append(body).append("\",\"bodyFormat\":\"text\",")
                    .append("\"publishedAt\":\"2023-08-29T10:00:00+08:00\",\"originalUrl\":\"https://example.cn/start/").append(i).append("\"}\n");
        }
        Path data = importFile(dir.resolve("data"), "many.jsonl", lines.toString());

        try (ConfigurableApplicationContext server = server(data)) {
            int port = Integer.parseInt(server.getEnvironment().getProperty("local.server.port"));
            assertThat(TestSites.get(port, "/articles/" + count).statusCode()).isEqualTo(200);
            assertThat(TestSites.get(port, "/").statusCode()).isEqualTo(200);
            assertThat(server.getBean(SearchIndex.class).checksum().count())
                    .as("the pages answered before the check had filled the index")
                    .isLessThan(count);
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200))
                    .until(() -> server.getBean(SearchIndex.class).checksum().count() == count);
            assertThat(server.getBean(SearchIndexing.class).check().outcome()).isEqualTo(SearchIndexing.Check.Outcome.IN_STEP);
        }
    }

    @Test
    void aCliImportWhileTheServerRunsIsPickedUpByItsPeriodicCheck() throws Exception {
        Path data = importSeed(dir.resolve("data"));
        try (ConfigurableApplicationContext server = server(data, "--masthead.search.check-interval=1s")) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> total(server, "宝山教育") == 1);
            importFile(data, "while-running.jsonl", article("服务器运行时导入的 zzwhilerunning", "https://example.cn/while-running"));
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> total(server, "zzwhilerunning") == 1);
        }
    }

    @Test
    void reindexRebuildsFromTheCommandLineButNotAnIndexARunningServerHolds() throws Exception {
        Path data = importSeed(dir.resolve("data"));
        assertThat(ReindexCommand.run(MastheadApplication.class, new String[] {"reindex", "--masthead.data-dir=" + data})).isZero();
        String before = Files.readString(data.resolve("search/current")).strip();
        assertThat(indexedDocuments(data)).isEqualTo(50);
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
