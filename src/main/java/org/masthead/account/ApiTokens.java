package org.masthead.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * API tokens: created by a signed-in user for themself with some of their own permissions as scopes,
 * shown once, kept only as a SHA-256 hash, listed and revoked. A request with
 * {@code Authorization: Bearer <token>} acts as the token's user with the permissions that are both
 * in the token's scopes and in the user's current role — demoting the user narrows every token.
 *
 * <p>Why SHA-256 and not Argon2: a token is 256 random bits, so there is no dictionary to guess from and
 * a fast hash leaves an attacker with a stolen table 2^256 tries. A slow, salted hash protects low-entropy
 * passwords; for a token it would only make every API call slow and the lookup by hash impossible.
 */
@Service
public class ApiTokens {

    /** The start of every token, so a leaked one is recognisable (secret scanners, logs). */
    static final String PREFIX = "mh_";
    static final int MAX_NAME = 60;
    /** last_used_at is written at most this often per token, not on every call. */
    static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COLUMNS = "id, user_id, name, scopes, created_at, expires_at, last_used_at, revoked_at";
    private static final RowMapper<ApiToken> ROW = (rs, n) -> new ApiToken(rs.getLong(1), rs.getLong(2), rs.getString(3),
            rs.getString(4).isEmpty() ? List.of() : List.of(rs.getString(4).split(" ")), Instant.ofEpochMilli(rs.getLong(5)),
            instant(rs.getObject(6)), instant(rs.getObject(7)), instant(rs.getObject(8)));

    private final JdbcClient jdbc;
    private final UserRepository users;
    private final AccountEvents events;
    private final Clock clock;

    ApiTokens(JdbcClient jdbc, UserRepository users, AccountEvents events, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A new token for {@code owner}. Every scope must be a permission the owner's role holds.
     *
     * @param expiresAt null: no expiry; otherwise in the future
     * @throws AccountException naming the first problem (name, scopes, expiry)
     */
    public ApiToken.Created create(SignedInUser owner, String name, Collection<String> scopes, Instant expiresAt) {
        if (owner.viaToken()) {
            throw new AccountException("token.error.viaToken");
        }
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty()) {
            throw new AccountException("token.error.name.empty");
        }
        if (cleanName.codePointCount(0, cleanName.length()) > MAX_NAME) {
            throw new AccountException("token.error.name.long", MAX_NAME);
        }
        Role role = users.byId(owner.id()).map(UserRepository.Row::role).orElseThrow(() -> new AccountException("account.error.noUser"));
        EnumSet<Permission> granted = EnumSet.noneOf(Permission.class);
        for (String scope : scopes == null ? List.<String>of() : scopes) {
            Permission p = Permission.ofAuthority(scope).orElseThrow(() -> new AccountException("token.error.scope.unknown", scope));
            if (!role.permissions().contains(p)) {
                throw new AccountException("token.error.scope.notHeld", scope);
            }
            granted.add(p);
        }
        if (granted.isEmpty()) {
            throw new AccountException("token.error.scope.none");
        }
        Instant now = clock.instant();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new AccountException("token.error.expiry.past");
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String scopeText = String.join(" ", granted.stream().map(Permission::authority).toList());
        jdbc.sql("INSERT INTO api_token (user_id, name, token_hash, scopes, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(owner.id(), cleanName, hash(secret), scopeText, now.toEpochMilli(), expiresAt == null ? null : expiresAt.toEpochMilli())
                .update();
        ApiToken token = jdbc.sql("SELECT " + COLUMNS + " FROM api_token WHERE token_hash = ?").param(hash(secret)).query(ROW).single();
        events.record(AccountEvent.Kind.TOKEN_CREATED, owner.username(), null, cleanName + " [" + scopeText + "]");
        return new ApiToken.Created(token, secret);
    }

    /** The user's tokens, newest first, revoked and expired ones included (marked). */
    public List<ApiToken> of(long userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_token WHERE user_id = ? ORDER BY created_at DESC, id DESC").param(userId).query(ROW).list();
    }

    /**
     * Revokes a token of {@code actor}'s own, or anyone's when the actor may manage users. Revoking
     * twice is not an error.
     */
    public void revoke(SignedInUser actor, long tokenId) {
        ApiToken token = jdbc.sql("SELECT " + COLUMNS + " FROM api_token WHERE id = ?").param(tokenId).query(ROW).optional()
                .filter(t -> t.userId() == actor.id() || actor.role().permissions().contains(Permission.USERS_ADMIN))
                .orElseThrow(() -> new AccountException("token.error.notFound"));
        if (token.revokedAt() != null) {
            return;
        }
        jdbc.sql("UPDATE api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL").params(clock.millis(), tokenId).update();
        String owner = users.byId(token.userId()).map(UserRepository.Row::username).orElse("?");
        events.record(AccountEvent.Kind.TOKEN_REVOKED, owner, owner.equals(actor.username()) ? null : actor.username(), token.name());
    }

    /**
     * The user and permissions a presented token stands for, if it is known, not revoked, not expired
     * and its user is not disabled: its scopes that the user's current role still holds.
     */
    Optional<Authenticated> authenticate(String presented) {
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 100) {
            return Optional.empty();
        }
        Optional<ApiToken> found = jdbc.sql("SELECT " + COLUMNS + " FROM api_token WHERE token_hash = ?").param(hash(presented)).query(ROW).optional();
        Instant now = clock.instant();
        if (found.isEmpty() || !found.get().activeAt(now)) {
            return Optional.empty();
        }
        ApiToken token = found.get();
        Optional<UserRepository.Row> user = users.byId(token.userId()).filter(u -> !u.disabled());
        if (user.isEmpty()) {
            return Optional.empty();
        }
        if (token.lastUsedAt() == null || token.lastUsedAt().isBefore(now.minus(LAST_USED_RESOLUTION))) {
            jdbc.sql("UPDATE api_token SET last_used_at = ? WHERE id = ?").params(now.toEpochMilli(), token.id()).update();
        }
        Set<Permission> held = user.get().role().permissions();
        List<String> authorities = new ArrayList<>();
        for (String scope : token.scopes()) {
            Permission.ofAuthority(scope).filter(held::contains).ifPresent(p -> authorities.add(p.authority()));
        }
        UserRepository.Row u = user.get();
        return Optional.of(new Authenticated(new SignedInUser(u.id(), u.username(), u.role(), u.credentialsVersion(), token.id()), List.copyOf(authorities)));
    }

    record Authenticated(SignedInUser user, List<String> authorities) {}

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static Instant instant(Object millis) {
        return millis == null ? null : Instant.ofEpochMilli(((Number) millis).longValue());
    }
}
