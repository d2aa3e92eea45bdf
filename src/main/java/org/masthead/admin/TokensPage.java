package org.masthead.admin;

import java.util.List;

/**
 * {@code /admin/tokens}: the signed-in user's API tokens and the form for a new one.
 *
 * @param secret the token just created, shown this once; null otherwise
 * @param createdName its name
 * @param scopes the scopes this user may give a token (those of their role)
 */
public record TokensPage(AdminLayout layout, List<TokenLine> tokens, List<ScopeOption> scopes, String secret, String createdName, String error, String notice,
        String formName, String formExpires) {

    /** @param state active, expired or revoked, in words */
    public record TokenLine(long id, String name, String scopes, String createdAt, String expiresAt, String lastUsedAt, String state, boolean active) {}

    /** @param checked ticked in the form (kept after an error) */
    public record ScopeOption(String scope, String label, boolean checked) {}
}
