package org.masthead.admin;

/** {@code /admin/password}: change one's own password. */
public record PasswordPage(AdminLayout layout, String error, int minLength) {}
