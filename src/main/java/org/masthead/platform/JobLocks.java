package org.masthead.platform;

import java.sql.SQLException;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;

/**
 * Locks for jobs that must run on one node at a time when several share the database (ShedLock's
 * {@code shedlock} table, created by migration V5): scheduled publishing today, feed polls later.
 */
@Configuration(proxyBeanMethods = false)
public class JobLocks {

    /** The holder is named by host and process, so the table tells which node holds a lock. */
    @Bean
    LockProvider jobLockProvider(DataSource dataSource) {
        return lockProvider(dataSource, ProcessHandle.current().pid() + "@" + hostName());
    }

    /** A lock provider on {@code dataSource} for the node named {@code node} (tests start several). */
    public static LockProvider lockProvider(DataSource dataSource, String node) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.setExceptionTranslator(new SqliteAwareTranslator(dataSource));
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(jdbc)
                .withTableName("shedlock")
                .withLockedByValue(node)
                // Times are compared in UTC whatever the JVM's zone, as every other time in the database.
                .forceUtcTimeZone()
                .build());
    }

    /**
     * ShedLock inserts the lock's row on first use and takes "duplicate key" to mean another node was
     * first. Spring knows PostgreSQL's error codes but not SQLite's, so SQLite's SQLITE_CONSTRAINT (19)
     * would reach ShedLock as an unknown error, logged at ERROR on every collision; here it is a
     * {@link DuplicateKeyException}, as on PostgreSQL.
     */
    private static final class SqliteAwareTranslator implements SQLExceptionTranslator {

        private static final int SQLITE_CONSTRAINT = 19;
        private final DataSource dataSource;
        /**
         * Made at the first error, not at start: it parses Spring's sql-error-codes.xml and asks the
         * database its product name, about 1.5 % of a single core's start-up (bench/README.md, "startup").
         */
        private volatile SQLExceptionTranslator standard;

        SqliteAwareTranslator(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        private SQLExceptionTranslator standard() {
            SQLExceptionTranslator translator = standard;
            if (translator == null) {
                translator = new SQLErrorCodeSQLExceptionTranslator(dataSource);
                standard = translator;
            }
            return translator;
        }

        @Override
        public DataAccessException translate(String task, String sql, SQLException ex) {
            if (ex.getClass().getName().equals("org.sqlite.SQLiteException") && (ex.getErrorCode() & 0xff) == SQLITE_CONSTRAINT) {
                return new DuplicateKeyException(task + "; " + ex.getMessage(), ex);
            }
            return standard().translate(task, sql, ex);
        }
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "unknown-host";
        }
    }
}
