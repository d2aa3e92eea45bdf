package org.masthead.account;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.util.function.SingletonSupplier;

/**
 * Checks a user name and password (the sign-in form and HTTP Basic on the API): refuses at once
 * while the name or address is locked, spends the same hashing time for unknown names as for known
 * ones, counts failures, tells a disabled account only to someone who knows its password, and moves
 * an old hash to Argon2 on the first correct sign-in.
 */
class PasswordAuthentication implements AuthenticationProvider {

    /** Thrown while locked; the minutes to wait go into the message the sign-in page shows. */
    static final class ThrottledException extends LockedException {
        private final Instant until;

        ThrottledException(Instant until) {
            super("too many failed sign-ins");
            this.until = until;
        }

        Instant until() {
            return until;
        }
    }

    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final LoginThrottle throttle;
    private final AccountEvents events;
    /**
     * Hash of a random password, compared against when the name is unknown so timing does not tell.
     * Made at the first sign-in, not at start: an Argon2 hash (16 MB, two passes) made while the JVM
     * still interprets cost about a second of a single core's start-up (bench/README.md, "startup").
     */
    private final SingletonSupplier<String> decoyHash;

    PasswordAuthentication(UserRepository users, PasswordEncoder encoder, LoginThrottle throttle, AccountEvents events) {
        this.users = users;
        this.encoder = encoder;
        this.throttle = throttle;
        this.events = events;
        // Made by whichever sign-in comes first, known name or not, so the extra time tells nothing about the name.
        this.decoyHash = SingletonSupplier.of(() -> encoder.encode(java.util.UUID.randomUUID().toString()));
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String typed = authentication.getName() == null ? "" : authentication.getName().strip().toLowerCase(Locale.ROOT);
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        String ip = authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : AccountEvents.clientAddress();
        Optional<Instant> locked = throttle.lockedUntil(typed, ip);
        if (locked.isPresent()) {
            events.record(AccountEvent.Kind.LOGIN_REFUSED_LOCKED, typed, null, null);
            throw new ThrottledException(locked.get().truncatedTo(ChronoUnit.SECONDS));
        }
        String decoy = decoyHash.obtain();
        Optional<UserRepository.Row> found = password.length() > PasswordPolicy.MAX_LENGTH ? Optional.empty() : users.byUsername(typed);
        boolean matches = found.map(u -> encoder.matches(password, u.passwordHash())).orElseGet(() -> {
            encoder.matches(password, decoy);
            return false;
        });
        if (!matches) {
            throttle.failed(typed, ip);
            events.record(AccountEvent.Kind.LOGIN_FAILURE, typed, null, null);
            throw new BadCredentialsException("bad credentials");
        }
        UserRepository.Row user = found.get();
        if (user.disabled()) {
            events.record(AccountEvent.Kind.LOGIN_FAILURE, typed, null, "disabled");
            throw new DisabledException("account disabled");
        }
        throttle.succeeded(typed);
        if (encoder.upgradeEncoding(user.passwordHash())) {
            users.upgradeHash(user.id(), user.passwordHash(), encoder.encode(password));
        }
        SignedInUser principal = new SignedInUser(user.id(), user.username(), user.role(), user.credentialsVersion(), null);
        UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(
                principal, null, AuthorityUtils.createAuthorityList(user.role().authorities()));
        result.setDetails(authentication.getDetails());
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
