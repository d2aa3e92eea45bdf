package org.masthead.account;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A signed-in user changes their own password, proving they know the current one. */
@Service
public class OwnPassword {

    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final AccountEvents events;

    OwnPassword(UserRepository users, PasswordEncoder encoder, AccountEvents events) {
        this.users = users;
        this.encoder = encoder;
        this.events = events;
    }

    /**
     * Changes the password. Every session of the user ends, this one included: the person signs in
     * again with the new password, which also proves they can.
     *
     * @throws AccountException when the current password is wrong or the new one breaks the policy
     */
    @Transactional
    public void change(SignedInUser user, String current, String replacement) {
        UserRepository.Row row = users.byId(user.id()).orElseThrow(() -> new AccountException("account.error.noUser"));
        if (current == null || current.length() > PasswordPolicy.MAX_LENGTH || !encoder.matches(current, row.passwordHash())) {
            throw new AccountException("account.error.password.current");
        }
        PasswordPolicy.check(row.username(), replacement);
        if (replacement.equals(current)) {
            throw new AccountException("account.error.password.same");
        }
        users.setPassword(row.id(), encoder.encode(replacement));
        events.record(AccountEvent.Kind.PASSWORD_CHANGED, row.username(), null, null);
    }
}
