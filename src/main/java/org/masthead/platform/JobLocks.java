package org.masthead.platform;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Locks for jobs that must run on one node at a time when several share the database (ShedLock's
 * {@code shedlock} table, created by migration V5): scheduled publishing today, feed polls later.
 */
@Configuration(proxyBeanMethods = false)
class JobLocks {

    /** The holder is named by host and process, so the table tells which node holds a lock. */
    @Bean
    LockProvider jobLockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName("shedlock")
                .withLockedByValue(ProcessHandle.current().pid() + "@" + hostName())
                // Times are compared in UTC whatever the JVM's zone, as every other time in the database.
                .forceUtcTimeZone()
                .build());
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "unknown-host";
        }
    }
}
