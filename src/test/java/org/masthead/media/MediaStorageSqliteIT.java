package org.masthead.media;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;
import org.masthead.TestSites;
import org.sqlite.SQLiteDataSource;

/** The media table on an SQLite file opened as the application opens it. */
class MediaStorageSqliteIT extends MediaStorageContract {

    @TempDir
    static Path dataDir;

    @Override
    DataSource dataSource() {
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl(TestSites.sqliteUrl(dataDir));
        return dataSource;
    }

    @Override
    String migrationFolder() {
        return "sqlite";
    }
}
