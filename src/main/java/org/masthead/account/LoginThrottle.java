package org.masthead.account;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Refuses sign-ins after repeated failures: {@value #USER_LIMIT} failures for one user name, or
 * {@value #IP_LIMIT} from one address, within {@link #WINDOW} lock that name or address for
 * {@link #LOCK}. The counters live in the database (table {@code login_throttle}) rather than in
 * memory (as a bucket4j bucket would): with several app nodes behind a load balancer an attacker's
 * guesses land on all of them, and only one shared count stops them at the limit, not at the limit
 * times the number of nodes. A sign-in is rare enough that its one upsert costs nothing.
 *
 * <p>Names that do not exist are counted the same way, so the lock does not tell which accounts exist.
 */
@Component
class LoginThrottle {

    static final int USER_LIMIT = 5;
    static final int IP_LIMIT = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration LOCK = Duration.ofMinutes(15);

    private final JdbcClient jdbc;
    private final Clock clock;

    LoginThrottle(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** When the user name or the address is locked: until when (the later of the two). */
    Optional<java.time.Instant> lockedUntil(String username, String ip) {
        long now = clock.millis();
        long until = Math.max(lockOf(userKey(username)), ip == null ? 0 : lockOf(ipKey(ip)));
        return until > now ? Optional.of(java.time.Instant.ofEpochMilli(until)) : Optional.empty();
    }

    /** Counts a failed sign-in against the name and the address; locks either at its limit. */
    @Transactional
    void failed(String username, String ip) {
        long now = clock.millis();
        count(userKey(username), USER_LIMIT, now);
        if (ip != null) {
            count(ipKey(ip), IP_LIMIT, now);
        }
    }

    /** A correct password clears the name's count (not the address's: one good account must not reset an attacker's). */
    void succeeded(String username) {
        jdbc.sql("DELETE FROM login_throttle WHERE throttle_key = ?").param(userKey(username)).update();
    }

    /** Forgets windows and locks that are over, so typed-in garbage names do not pile up. */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    void forgetOld() {
        long now = clock.millis();
        jdbc.sql("DELETE FROM login_throttle WHERE window_start < ? AND locked_until < ?").params(now - WINDOW.toMillis(), now).update();
    }

    private long lockOf(String key) {
        return jdbc.sql("SELECT locked_until FROM login_throttle WHERE throttle_key = ?").param(key).query(Long.class).optional().orElse(0L);
    }

    private void count(String key, int limit, long now) {
        long windowStart = now - WINDOW.toMillis();
        // One statement, so two nodes counting the same key at once both count: the row's own value
        // is incremented, never a value read earlier. A window that is over starts again at 1.
        jdbc.sql("""
                INSERT INTO login_throttle (throttle_key, failures, window_start, locked_until) VALUES (?, 1, ?, 0)
                ON CONFLICT (throttle_key) DO UPDATE SET
                  failures = CASE WHEN login_throttle.window_start < ? THEN 1 ELSE login_throttle.failures + 1 END,
                  window_start = CASE WHEN login_throttle.window_start < ? THEN ? ELSE login_throttle.window_start END""")
                .params(key, now, windowStart, windowStart, now)
                .update();
        jdbc.sql("UPDATE login_throttle SET locked_until = ?, failures = 0, window_start = ? WHERE throttle_key = ? AND failures >= ?")
                .params(now + LOCK.toMillis(), now, key, limit)
                .update();
    }

    static String userKey(String username) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        // Any text may be typed as a name; the key stays short.
        return "user:" + (name.length() > 100 ? name.substring(0, 100) : name);
    }

    static String ipKey(String ip) {
        return "ip:" + ip;
    }
}
