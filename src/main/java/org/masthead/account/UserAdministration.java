package org.masthead.account;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an admin does to accounts: list, create, change a role, disable or enable, set a new password.
 * Every change is in the audit trail and ends the user's sessions where it changes what they may do.
 * An admin cannot demote or disable themself, so there is always someone left who can manage users.
 */
@Service
public class UserAdministration {

    /** Lower-case letters, digits, dot, dash and underscore; 2 to 32; starts with a letter or digit. */
    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,31}");

    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final AccountEvents events;
    private final Clock clock;

    UserAdministration(UserRepository users, PasswordEncoder encoder, AccountEvents events, Clock clock) {
        this.users = users;
        this.encoder = encoder;
        this.events = events;
        this.clock = clock;
    }

    public List<UserAccount> all() {
        return users.all().stream().map(UserAccount::of).toList();
    }

    /** @throws AccountException when the name is malformed or taken, or the password breaks the policy */
    @Transactional
    public UserAccount create(SignedInUser actor, String username, String password, Role role) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(name).matches()) {
            throw new AccountException("account.error.username");
        }
        PasswordPolicy.check(name, password);
        long id = users.insert(name, encoder.encode(password), role, clock.millis())
                .orElseThrow(() -> new AccountException("account.error.username.taken", name));
        events.record(AccountEvent.Kind.USER_CREATED, name, actor.username(), role.code());
        return UserAccount.of(users.byId(id).orElseThrow());
    }

    @Transactional
    public void changeRole(SignedInUser actor, long userId, Role role) {
        UserRepository.Row user = other(actor, userId);
        if (user.role() != role) {
            users.setRole(userId, role);
            events.record(AccountEvent.Kind.ROLE_CHANGED, user.username(), actor.username(), user.role().code() + " → " + role.code());
        }
    }

    /** Disabled users cannot sign in, their sessions end and their API tokens stop working. */
    @Transactional
    public void setDisabled(SignedInUser actor, long userId, boolean disabled) {
        UserRepository.Row user = other(actor, userId);
        if (user.disabled() != disabled) {
            users.setDisabled(userId, disabled);
            events.record(disabled ? AccountEvent.Kind.USER_DISABLED : AccountEvent.Kind.USER_ENABLED, user.username(), actor.username(), null);
        }
    }

    /** Sets a new password for someone who forgot theirs; their sessions end. */
    @Transactional
    public void resetPassword(SignedInUser actor, long userId, String password) {
        UserRepository.Row user = users.byId(userId).orElseThrow(() -> new AccountException("account.error.noUser"));
        PasswordPolicy.check(user.username(), password);
        users.setPassword(userId, encoder.encode(password));
        events.record(AccountEvent.Kind.PASSWORD_RESET, user.username(), actor.username(), null);
    }

    private UserRepository.Row other(SignedInUser actor, long userId) {
        UserRepository.Row user = users.byId(userId).orElseThrow(() -> new AccountException("account.error.noUser"));
        if (user.id() == actor.id()) {
            throw new AccountException("account.error.self");
        }
        return user;
    }
}
