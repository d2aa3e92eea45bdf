package org.masthead.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masthead.MastheadApplication;

/**
 * {@code java -jar masthead.jar sources add|list|poll}: the same services as the API, on the
 * configured data dir, with exit status 0 (done), 1 (failed) and 2 (wrong command line).
 */
class SourcesCommandIT {

    @TempDir
    Path dir;

    final LocalWebServer server = new LocalWebServer();

    @AfterEach
    void stop() {
        server.close();
    }

    int run(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--masthead.data-dir=" + dir.resolve("data");
        all[args.length + 1] = "--masthead.ingest.allow-private-addresses=true";
        return SourcesCommand.run(MastheadApplication.class, all);
    }

    @Test
    void addsListsAndPollsSourcesWithExitStatusesThatSayHowItWent() throws Exception {
        server.serve("/ok.xml", "application/rss+xml; charset=utf-8", FeedPollingIT.rss("中新网",
                FeedPollingIT.item("zx-1", "http://zx.example.cn/1.html", "秋季开学安全提示发布",
                        "<p>教育部门发布秋季开学安全提示，提醒家长和学校关注交通、食品和校园安全。</p>", "Tue, 29 Aug 2023 01:18:00 GMT"),
                FeedPollingIT.item("zx-2", "http://zx.example.cn/2.html", "多地气温回落",
                        "<p>受冷空气影响，北方多地气温回落明显，气象部门提醒公众适时添衣。</p>", "Tue, 29 Aug 2023 02:18:00 GMT"))
                .getBytes(StandardCharsets.UTF_8));

        assertThat(run("sources", "add", "--name", "中新网", "--homepage", "http://zx.example.cn/", "--feed", server.url("/ok.xml").toString())).isZero();
        assertThat(run("sources", "add", "--name=坏源", "--feed=" + server.url("/missing.xml"), "--poll-minutes", "5")).isZero();
        assertThat(run("sources", "add", "--name", "中新网", "--feed", server.url("/other.xml").toString())).as("a name already taken").isEqualTo(1);
        assertThat(query("SELECT COUNT(*) FROM source")).isEqualTo(2);
        assertThat(query("SELECT poll_seconds FROM source_feed WHERE url LIKE '%missing.xml'")).isEqualTo(300);

        long ok = query("SELECT id FROM source WHERE name = '中新网'");
        long bad = query("SELECT id FROM source WHERE name = '坏源'");
        assertThat(run("sources", "poll", String.valueOf(ok))).isZero();
        assertThat(query("SELECT COUNT(*) FROM article WHERE source_id = " + ok)).isEqualTo(2);
        assertThat(query("SELECT COUNT(*) FROM ingest_event WHERE source_id = " + ok + " AND kind = 'new'")).isEqualTo(2);
        assertThat(run("sources", "poll", String.valueOf(bad))).as("its only feed answers 404").isEqualTo(1);
        assertThat(query("SELECT COUNT(*) FROM ingest_event WHERE source_id = " + bad + " AND kind = 'failed'")).isEqualTo(1);
        assertThat(run("sources", "list")).isZero();
    }

    @Test
    void aWrongCommandLineIsStatusTwoBeforeAnythingStarts() {
        assertThat(SourcesCommand.run(MastheadApplication.class, new String[] {"sources"})).isEqualTo(2);
        assertThat(SourcesCommand.run(MastheadApplication.class, new String[] {"sources", "remove", "1"})).isEqualTo(2);
        assertThat(SourcesCommand.run(MastheadApplication.class, new String[] {"sources", "add", "--homepage", "http://x.cn/"})).isEqualTo(2);
        assertThat(SourcesCommand.run(MastheadApplication.class, new String[] {"sources", "add", "--name", "x", "--feed"})).isEqualTo(2);
        assertThat(SourcesCommand.run(MastheadApplication.class, new String[] {"sources", "poll", "abc"})).isEqualTo(2);
        assertThat(SourcesCommand.run(MastheadApplication.class, new String[] {"sources", "poll"})).isEqualTo(2);
        assertThat(SourcesCommand.run(MastheadApplication.class, new String[] {"sources", "list", "--colour"})).isEqualTo(2);
        assertThat(SourcesCommand.run(MastheadApplication.class, new String[] {"sources", "add", "--name", "x", "--feed", "http://x.cn/", "--poll-minutes", "ten"}))
                .isEqualTo(2);
    }

    @Test
    void theCommandLineIsSplitIntoOptionsArgumentsAndServerSettings() {
        SourcesCommand.Line line = SourcesCommand.parse(new String[] {"sources", "add", "--name", "新华社", "--feed=https://x.cn/rss", "--masthead.data-dir=/tmp/d"});
        assertThat(line.action()).isEqualTo("add");
        assertThat(line.options()).containsEntry("name", "新华社").containsEntry("feed", "https://x.cn/rss");
        assertThat(line.springArgs()).containsExactly("--masthead.data-dir=/tmp/d");
        assertThatThrownBy(() -> SourcesCommand.parse(new String[] {"sources", "add", "--name", "x"})).hasMessageContaining("--feed");
    }

    @Test
    void anInvalidFeedAddressIsStatusTwoAndAddsNothing() throws Exception {
        assertThat(run("sources", "add", "--name", "坏地址", "--feed", "file:///etc/passwd")).isEqualTo(2);
        assertThat(query("SELECT COUNT(*) FROM source")).isZero();
    }

    private long query(String sql) throws Exception {
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data").resolve("masthead.db"));
                ResultSet rs = connection.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
