package org.masthead.account;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Records successful sign-ins through the form. Only interactive ones: a script calling the API with
 * HTTP Basic signs in on every request and would bury the trail. Failures of both are recorded by
 * {@link PasswordAuthentication}.
 */
@Component
class SignInAudit {

    private final AccountEvents events;

    SignInAudit(AccountEvents events) {
        this.events = events;
    }

    @EventListener
    void signedIn(InteractiveAuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof SignedInUser user) {
            events.record(AccountEvent.Kind.LOGIN_SUCCESS, user.username(), null, null);
        }
    }
}
