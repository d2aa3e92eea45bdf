package org.masthead.account;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code app_user} table. */
@Repository
class UserRepository {

    /** One row; {@code credentialsVersion} goes up whenever role, password or the disabled flag change. */
    record Row(long id, String username, String passwordHash, Role role, long createdAt, int credentialsVersion, boolean disabled) {}

    private static final String COLUMNS = "id, username, password_hash, role, created_at, credentials_version, disabled";
    private static final RowMapper<Row> ROW = (rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), Role.fromCode(rs.getString(4)),
            rs.getLong(5), rs.getInt(6), rs.getInt(7) != 0);

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Row> byUsername(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE username = ?").param(username).query(ROW).optional();
    }

    Optional<Row> byId(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE id = ?").param(id).query(ROW).optional();
    }

    List<Row> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user ORDER BY username").query(ROW).list();
    }

    /** @return the new id, or empty when the name is taken */
    Optional<Long> insert(String username, String passwordHash, Role role, long now) {
        int added = jdbc.sql("INSERT INTO app_user (username, password_hash, role, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (username) DO NOTHING")
                .params(username, passwordHash, role.code(), now)
                .update();
        return added == 0 ? Optional.empty() : byUsername(username).map(Row::id);
    }

    /** Changes the role and ends the user's sessions (their version goes up). */
    boolean setRole(long id, Role role) {
        return jdbc.sql("UPDATE app_user SET role = ?, credentials_version = credentials_version + 1 WHERE id = ?").params(role.code(), id).update() == 1;
    }

    boolean setDisabled(long id, boolean disabled) {
        return jdbc.sql("UPDATE app_user SET disabled = ?, credentials_version = credentials_version + 1 WHERE id = ?").params(disabled ? 1 : 0, id).update() == 1;
    }

    /** A new password: every session signed in with the old one ends. */
    boolean setPassword(long id, String passwordHash) {
        return jdbc.sql("UPDATE app_user SET password_hash = ?, credentials_version = credentials_version + 1 WHERE id = ?").params(passwordHash, id).update() == 1;
    }

    /** The same password in a stronger hash: sessions stay, the user did nothing. */
    void upgradeHash(long id, String oldHash, String newHash) {
        jdbc.sql("UPDATE app_user SET password_hash = ? WHERE id = ? AND password_hash = ?").params(newHash, id, oldHash).update();
    }
}
