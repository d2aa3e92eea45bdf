package org.masthead.admin;

import java.util.List;

/**
 * {@code /admin/users}: every account with its role and state, and the form for a new one.
 *
 * @param error what went wrong with the last change, or null
 * @param notice what the last change did, or null
 * @param newUsername the name typed into the new-user form, kept after an error
 * @param newRole the role chosen there
 */
public record UsersPage(AdminLayout layout, List<UserLine> users, List<RoleOption> roles, String error, String notice, String newUsername, String newRole) {

    /** @param self the signed-in admin: cannot demote or disable themself */
    public record UserLine(long id, String username, String role, String roleLabel, String createdAt, boolean disabled, boolean self) {}

    public record RoleOption(String code, String label) {}
}
