package org.masthead.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masthead.MastheadApplication;
import org.masthead.TestSites;

/** {@code java -jar masthead.jar import FILE}: the same import path as the API, on the configured data dir. */
class ImportCommandIT {

    @TempDir
    Path dir;

    @Test
    void importsAFileIntoTheDataDirAndExitsZero() throws Exception {
        Path file = dir.resolve("seed.jsonl");
        Files.writeString(file, TestSites.fixture("seed-page.jsonl"), StandardCharsets.UTF_8);
        Path data = dir.resolve("data");
        int status = ImportCommand.run(MastheadApplication.class, new String[] {"import", file.toString(), "--masthead.data-dir=" + data});
        assertThat(status).isZero();
        assertThat(articleCount(data)).isEqualTo(50);
        // A second run finds every article unchanged: still 50, exit 0.
        assertThat(ImportCommand.run(MastheadApplication.class, new String[] {"import", file.toString(), "--masthead.data-dir=" + data})).isZero();
        assertThat(articleCount(data)).isEqualTo(50);
    }

    @Test
    void keepsTheGoodLinesOfABrokenFileAndExitsOne() throws Exception {
        Path file = dir.resolve("broken.jsonl");
        Files.writeString(file, """
                {"title":"第一条","body":"<p>正文</p>","publishedAt":"2023-08-28T10:44:42+08:00"}
                {"title":"断了
                {"title":"第三条","body":"正文\\n\\n第二段","bodyFormat":"text","publishedAt":"2023-08-28T11:44:42+08:00"}
                """, StandardCharsets.UTF_8);
        Path data = dir.resolve("data");
        int status = ImportCommand.run(MastheadApplication.class, new String[] {"import", file.toString(), "--masthead.data-dir=" + data});
        assertThat(status).isEqualTo(1);
        assertThat(articleCount(data)).isEqualTo(2);
    }

    @Test
    void aMissingFileIsAClearErrorWithStatusTwo() {
        assertThat(ImportCommand.run(MastheadApplication.class, new String[] {"import", dir.resolve("missing.jsonl").toString()})).isEqualTo(2);
        assertThat(ImportCommand.run(MastheadApplication.class, new String[] {"import"})).isEqualTo(2);
    }

    private static long articleCount(Path data) throws Exception {
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("masthead.db"));
                ResultSet rs = connection.createStatement().executeQuery("SELECT COUNT(*) FROM article")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
