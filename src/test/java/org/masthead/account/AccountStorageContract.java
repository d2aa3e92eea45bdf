package org.masthead.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The account module's SQL (throttle upserts, users, tokens, audit trail) run unchanged on every
 * database Masthead supports, after the real migrations. No Spring context.
 */
abstract class AccountStorageContract {

    static final Instant NOW = Instant.parse("2026-11-29T02:00:00Z");

    JdbcClient jdbc;
    UserRepository users;

    abstract DataSource dataSource();

    abstract String migrationFolder();

    @BeforeEach
    void migrateAndEmpty() {
        DataSource dataSource = dataSource();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/" + migrationFolder()).load().migrate();
        jdbc = JdbcClient.create(dataSource);
        for (String table : List.of("login_throttle", "account_event", "api_token", "app_user")) {
            jdbc.sql("DELETE FROM " + table).update();
        }
        users = new UserRepository(jdbc);
    }

    LoginThrottle throttleAt(Instant now) {
        return new LoginThrottle(jdbc, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void locksANameAtItsLimitAndOnlyUntilTheLockEnds() {
        LoginThrottle throttle = throttleAt(NOW);
        for (int i = 0; i < LoginThrottle.USER_LIMIT - 1; i++) {
            throttle.failed("Zhang.San", "192.0.2." + i);
        }
        assertThat(throttle.lockedUntil("zhang.san", "192.0.2.99")).isEmpty();
        throttle.failed("zhang.san", "192.0.2.50");
        assertThat(throttle.lockedUntil("ZHANG.SAN", "192.0.2.99")).contains(NOW.plus(LoginThrottle.LOCK));
        assertThat(throttle.lockedUntil("li.si", "192.0.2.99")).isEmpty();
        assertThat(throttleAt(NOW.plus(LoginThrottle.LOCK).plusSeconds(1)).lockedUntil("zhang.san", "192.0.2.99")).isEmpty();
    }

    @Test
    void failuresOutsideTheWindowStartTheCountAgain() {
        throttleAt(NOW).failed("wang.wu", null);
        throttleAt(NOW).failed("wang.wu", null);
        LoginThrottle later = throttleAt(NOW.plus(LoginThrottle.WINDOW).plusSeconds(1));
        for (int i = 0; i < LoginThrottle.USER_LIMIT - 1; i++) {
            later.failed("wang.wu", null);
        }
        assertThat(later.lockedUntil("wang.wu", null)).as("4 in the new window, the 2 old ones forgotten").isEmpty();
        later.forgetOld();
        assertThat(jdbc.sql("SELECT failures FROM login_throttle WHERE throttle_key = 'user:wang.wu'").query(Integer.class).single()).isEqualTo(4);
    }

    @Test
    void twoNodesFailingAtOnceCountEveryFailure() throws Exception {
        // Two throttles on one database stand for two app nodes; each thread fails once.
        LoginThrottle nodeA = throttleAt(NOW);
        LoginThrottle nodeB = throttleAt(NOW);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> all = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                LoginThrottle node = i % 2 == 0 ? nodeA : nodeB;
                all.add(pool.submit(() -> node.failed("guessed", "198.51.100.7")));
            }
            for (Future<?> f : all) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        // 16 failures: the name locked at 5 (count restarts after a lock), the address counted all 16.
        assertThat(nodeA.lockedUntil("guessed", null)).isPresent();
        assertThat(jdbc.sql("SELECT failures FROM login_throttle WHERE throttle_key = 'ip:198.51.100.7'").query(Integer.class).single()).isEqualTo(16);
        for (int i = 0; i < LoginThrottle.IP_LIMIT - 16; i++) {
            nodeB.failed("someone" + i, "198.51.100.7");
        }
        assertThat(nodeA.lockedUntil("anyone", "198.51.100.7")).isPresent();
    }

    @Test
    void usersKeepTheirRoleAndEveryChangeRaisesTheirVersion() {
        long id = users.insert("zhao.liu", "{noop}x", Role.EDITOR, NOW.toEpochMilli()).orElseThrow();
        assertThat(users.insert("zhao.liu", "{noop}y", Role.ADMIN, NOW.toEpochMilli())).isEmpty();
        UserRepository.Row row = users.byUsername("zhao.liu").orElseThrow();
        assertThat(row.role()).isEqualTo(Role.EDITOR);
        assertThat(row.disabled()).isFalse();
        users.setRole(id, Role.AUTHOR);
        users.setDisabled(id, true);
        users.setPassword(id, "{noop}z");
        users.upgradeHash(id, "{noop}z", "{noop}upgraded");
        users.upgradeHash(id, "{noop}stale", "{noop}lost");
        row = users.byId(id).orElseThrow();
        assertThat(row.role()).isEqualTo(Role.AUTHOR);
        assertThat(row.disabled()).isTrue();
        assertThat(row.credentialsVersion()).as("role, disabled, password; not the hash upgrade").isEqualTo(3);
        assertThat(row.passwordHash()).isEqualTo("{noop}upgraded");
    }

    @Test
    void tokensAuthenticateByHashWithinRoleAndScopesAndStopWhenRevoked() {
        long id = users.insert("sun.qi", "{noop}x", Role.EDITOR, NOW.toEpochMilli()).orElseThrow();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        AccountEvents events = new AccountEvents(jdbc, clock);
        ApiTokens tokens = new ApiTokens(jdbc, users, events, clock);
        SignedInUser sun = new SignedInUser(id, "sun.qi", Role.EDITOR, 0, null);
        ApiToken.Created created = tokens.create(sun, "  同步脚本 ", List.of("articles:publish", "articles:write"), NOW.plusSeconds(60));
        assertThat(created.token().name()).isEqualTo("同步脚本");
        assertThat(created.token().scopes()).containsExactly("articles:write", "articles:publish");
        assertThat(created.secret()).startsWith("mh_").hasSize(46);

        ApiTokens.Authenticated auth = tokens.authenticate(created.secret()).orElseThrow();
        assertThat(auth.user().id()).isEqualTo(id);
        assertThat(auth.user().tokenId()).isEqualTo(created.token().id());
        assertThat(auth.authorities()).containsExactly("articles:write", "articles:publish");
        assertThat(tokens.of(id).getFirst().lastUsedAt()).isEqualTo(NOW);

        users.setRole(id, Role.AUTHOR);
        assertThat(tokens.authenticate(created.secret()).orElseThrow().authorities()).containsExactly("articles:write");
        assertThat(new ApiTokens(jdbc, users, events, Clock.fixed(NOW.plusSeconds(60), ZoneOffset.UTC)).authenticate(created.secret())).as("expired").isEmpty();

        tokens.revoke(sun, created.token().id());
        tokens.revoke(sun, created.token().id());
        assertThat(tokens.authenticate(created.secret())).isEmpty();
        assertThat(tokens.of(id).getFirst().revokedAt()).isEqualTo(NOW);
        assertThat(events.recent(10)).extracting(AccountEvent::kind).containsExactly(AccountEvent.Kind.TOKEN_REVOKED, AccountEvent.Kind.TOKEN_CREATED);
    }
}
