package org.masthead.account;

import java.util.Locale;
import java.util.Optional;

/**
 * What a signed-in user or an API token may do, as Spring Security authorities
 * ({@code hasAuthority("articles:publish")}). Roles are sets of these (see {@link Role}); an API
 * token's scopes are the same strings, and a token holds only those its user's role also holds.
 * Rules for anything an API token can reach must name a permission, never a role: tokens carry no
 * {@code ROLE_} authority (docs/accounts.md).
 */
public enum Permission {
    /** See articles that are not published (an author only their own: the article module checks ownership). */
    ARTICLES_READ("articles:read"),
    /** Create and edit drafts and submit them for review (an author only their own). */
    ARTICLES_WRITE("articles:write"),
    /** Edit and read every article, whoever wrote it. */
    ARTICLES_EDIT_ANY("articles:edit-any"),
    /** Review, schedule, publish, unpublish and archive; import articles (which may arrive published). */
    ARTICLES_PUBLISH("articles:publish"),
    /** Upload images to the media library. */
    MEDIA_WRITE("media:write"),
    /** Channels, tags, sources, bylines and special topics. */
    TAXONOMY_WRITE("taxonomy:write"),
    /** Ad slots and creatives. */
    ADS_WRITE("ads:write"),
    /** Site settings. */
    SETTINGS_WRITE("settings:write"),
    /** Users and their roles, the account audit trail. */
    USERS_ADMIN("users:admin"),
    /** Rebuild and check the search index. */
    SEARCH_ADMIN("search:admin");

    private final String authority;

    Permission(String authority) {
        this.authority = authority;
    }

    /** The authority string, also the scope name of an API token. */
    public String authority() {
        return authority;
    }

    /** The permission with this authority or scope name, if any. */
    public static Optional<Permission> ofAuthority(String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (Permission p : values()) {
            if (p.authority.equals(wanted)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
