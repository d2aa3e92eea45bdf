package org.masthead.account;

import java.time.Instant;
import java.util.List;

/**
 * An API token as its owner sees it in the list: never the token itself, which is shown once.
 *
 * @param scopes the permissions it was given (authority strings, {@link Permission#authority()})
 * @param expiresAt null: does not expire
 * @param lastUsedAt to the minute; null: never used
 * @param revokedAt null: not revoked
 */
public record ApiToken(long id, long userId, String name, List<String> scopes, Instant createdAt, Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {

    /** Whether it is still accepted at {@code now}. */
    public boolean activeAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }

    /** The token as created: the secret to show once, and its list entry. */
    public record Created(ApiToken token, String secret) {}
}
