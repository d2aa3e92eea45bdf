package org.masthead.account;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a user may do: admins everything, editors all content, authors their own drafts. Each role
 * holds the permissions of the one below it plus its own, and signs in with the {@code ROLE_} authorities
 * of itself and every role below (an admin has {@code ROLE_ADMIN}, {@code ROLE_EDITOR}, {@code ROLE_AUTHOR}).
 */
public enum Role {
    AUTHOR(EnumSet.of(Permission.ARTICLES_READ, Permission.ARTICLES_WRITE, Permission.MEDIA_WRITE)),
    EDITOR(EnumSet.of(Permission.ARTICLES_EDIT_ANY, Permission.ARTICLES_PUBLISH, Permission.TAXONOMY_WRITE, Permission.ADS_WRITE)),
    ADMIN(EnumSet.of(Permission.SETTINGS_WRITE, Permission.USERS_ADMIN, Permission.SEARCH_ADMIN));

    private final Set<Permission> own;

    Role(Set<Permission> own) {
        this.own = own;
    }

    /** This role's permissions, including those of the roles below it. */
    public Set<Permission> permissions() {
        EnumSet<Permission> all = EnumSet.noneOf(Permission.class);
        for (Role r : values()) {
            if (r.ordinal() <= ordinal()) {
                all.addAll(r.own);
            }
        }
        return Collections.unmodifiableSet(all);
    }

    /** {@code ROLE_AUTHOR} … up to this role, then the permissions: what a signed-in session holds. */
    public List<String> authorities() {
        List<String> names = new ArrayList<>();
        for (Role r : values()) {
            if (r.ordinal() <= ordinal()) {
                names.add("ROLE_" + r.name());
            }
        }
        permissions().forEach(p -> names.add(p.authority()));
        return List.copyOf(names);
    }

    /** Whether this role is at least {@code other} (an admin is at least an editor). */
    public boolean atLeast(Role other) {
        return ordinal() >= other.ordinal();
    }

    /** As stored and written in forms: "admin", "editor", "author". */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a stored or submitted role; unknown text is a clear error. */
    public static Role fromCode(String code) {
        for (Role r : values()) {
            if (r.code().equalsIgnoreCase(code == null ? "" : code.strip())) {
                return r;
            }
        }
        throw new AccountException("account.error.role", code);
    }
}
