package org.masthead.account;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Creates the user {@code admin} on first start when {@code MASTHEAD_ADMIN_PASSWORD} is set. There
 * is no default password: without the variable no account exists and every write is refused.
 */
@Component
class AdminAccount implements ApplicationRunner {

    static final String USERNAME = "admin";
    static final int MIN_PASSWORD = PasswordPolicy.MIN_LENGTH;
    private static final Logger log = LoggerFactory.getLogger(AdminAccount.class);

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final String password;

    AdminAccount(JdbcClient jdbc, PasswordEncoder encoder, Clock clock, @Value("${masthead.admin-password:}") String password) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.clock = clock;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean exists = jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = ?").param(USERNAME).query(Long.class).single() > 0;
        if (exists) {
            return;
        }
        if (password.isBlank()) {
            log.info("No admin account: set MASTHEAD_ADMIN_PASSWORD (at least {} characters) and restart to create user '{}'", MIN_PASSWORD, USERNAME);
            return;
        }
        try {
            PasswordPolicy.check(USERNAME, password);
        } catch (AccountException e) {
            throw new IllegalStateException("MASTHEAD_ADMIN_PASSWORD must be at least " + MIN_PASSWORD
                    + " characters, at most " + PasswordPolicy.MAX_LENGTH + ", and not the user name (" + e.messageKey() + ")");
        }
        jdbc.sql("INSERT INTO app_user (username, password_hash, role, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (username) DO NOTHING")
                .params(USERNAME, encoder.encode(password), Role.ADMIN.code(), clock.millis())
                .update();
        log.info("Created user '{}' from MASTHEAD_ADMIN_PASSWORD", USERNAME);
    }
}
