package org.masthead.admin.article;

import java.nio.file.Path;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** What the browser tests (Chromium and Firefox) share: their accounts, channel and screenshot folder. */
final class Newsroom {

    static final String PASSWORD = "browser-test-password";
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private Newsroom() {}

    /** An author, an editor and the channel 市政, created once per database. */
    static void seed(JdbcClient jdbc, PasswordEncoder encoder) {
        for (String[] user : List.of(new String[] {"author1", "author"}, new String[] {"editor1", "editor"})) {
            jdbc.sql("INSERT INTO app_user (username, password_hash, role, created_at) VALUES (?, ?, ?, 0) ON CONFLICT (username) DO NOTHING")
                    .params(user[0], encoder.encode(PASSWORD), user[1])
                    .update();
        }
        jdbc.sql("INSERT INTO channel (name, slug, position) VALUES ('市政', 'shizheng', 1) ON CONFLICT DO NOTHING").update();
    }

    static String status(JdbcClient jdbc, long id) {
        return jdbc.sql("SELECT status FROM article WHERE id = ?").param(id).query(String.class).single();
    }
}
