package org.masthead.admin;

/** The 403 page of the back office. */
public record ForbiddenPage(AdminLayout layout) {}
