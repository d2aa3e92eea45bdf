package org.masthead.article;

import java.util.Collection;
import java.util.Locale;

/**
 * Who acts on an article, with the role that decides what they may do, and the network address the
 * request came from (null for the system). Built from a username and Spring Security authorities
 * ({@code ROLE_ADMIN}, {@code ROLE_EDITOR}, {@code ROLE_AUTHOR}, or an API token's permissions such as
 * {@code articles:publish}), so this module needs no account type.
 */
public record Actor(String name, Role role, String address) {

    /** What an actor may do to articles; {@link #SYSTEM} is the importer and the publishing schedule. */
    public enum Role {
        ADMIN,
        EDITOR,
        AUTHOR,
        SYSTEM;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Editors and admins may publish, schedule, withdraw and edit anyone's articles. */
        boolean edits() {
            return this == ADMIN || this == EDITOR;
        }
    }

    public Actor {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("actor: a name is required");
        }
        if (role == null) {
            throw new IllegalArgumentException("actor: a role is required");
        }
    }

    /**
     * The highest of the editorial roles among the authorities; a user with none of them gets
     * {@link ArticleRefused} (403): signed in, but not one of the newsroom.
     */
    public static Actor of(String name, Collection<String> authorities, String address) {
        // A session carries ROLE_* authorities; an API token carries only its permissions (scopes), so
        // those decide too: users:admin is an admin's, publishing or editing anyone's is an editor's.
        Role role = authorities.contains("ROLE_ADMIN") || authorities.contains("users:admin") ? Role.ADMIN
                : authorities.contains("ROLE_EDITOR") || authorities.contains("articles:publish") || authorities.contains("articles:edit-any") ? Role.EDITOR
                : authorities.contains("ROLE_AUTHOR") || authorities.contains("articles:write") ? Role.AUTHOR
                : null;
        if (role == null) {
            throw ArticleRefused.forbidden("workflow.noRole", name);
        }
        return new Actor(name, role, address);
    }

    /** The system doing {@code what} (e.g. "import", "schedule"), named "system:what" in the audit log. */
    public static Actor system(String what) {
        return new Actor("system:" + what, Role.SYSTEM, null);
    }
}
