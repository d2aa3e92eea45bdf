package org.masthead.account;

import java.io.Serializable;
import java.security.Principal;

/**
 * Who is making the request: the principal of a back-office session or of an API token. Controllers
 * take it with {@code @AuthenticationPrincipal SignedInUser user}.
 *
 * @param credentialsVersion the user's version when signing in; a session whose version is older than
 *     the stored one (role, password or disabled flag changed since) is ended
 * @param tokenId the API token used, or null for a session or HTTP Basic
 */
public record SignedInUser(long id, String username, Role role, int credentialsVersion, Long tokenId) implements Serializable, Principal {

    /** The user name: what {@code Authentication.getName()} answers, so modules that know no account type (the audit log) record the user. */
    @Override
    public String getName() {
        return username;
    }

    public boolean viaToken() {
        return tokenId != null;
    }
}
