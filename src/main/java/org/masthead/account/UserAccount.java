package org.masthead.account;

import java.time.Instant;

/** A user as the back office lists them; never the password hash. */
public record UserAccount(long id, String username, Role role, Instant createdAt, boolean disabled) {

    static UserAccount of(UserRepository.Row row) {
        return new UserAccount(row.id(), row.username(), row.role(), Instant.ofEpochMilli(row.createdAt()), row.disabled());
    }
}
