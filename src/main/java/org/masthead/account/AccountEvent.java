package org.masthead.account;

import java.time.Instant;
import java.util.Locale;

/**
 * One line of the account audit trail.
 *
 * @param username the account concerned (for a failed sign-in: the name that was typed)
 * @param actor who did it when that is someone else (an admin), else null
 * @param ip the client address, as the server saw it behind trusted proxies
 * @param detail what changed (a role, a token's name), or null
 */
public record AccountEvent(Instant at, Kind kind, String username, String actor, String ip, String detail) {

    /** What happened; the message key {@code account.event.<code>} names it for people. */
    public enum Kind {
        LOGIN_SUCCESS,
        LOGIN_FAILURE,
        LOGIN_REFUSED_LOCKED,
        LOGOUT,
        PASSWORD_CHANGED,
        PASSWORD_RESET,
        USER_CREATED,
        ROLE_CHANGED,
        USER_DISABLED,
        USER_ENABLED,
        TOKEN_CREATED,
        TOKEN_REVOKED;

        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Kind fromCode(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }
}
