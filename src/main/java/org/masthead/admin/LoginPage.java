package org.masthead.admin;

import org.masthead.platform.Messages;

/**
 * The sign-in page: not in the back-office layout (no navigation before signing in).
 *
 * @param error why the last attempt failed, or null
 * @param notice signed out, session expired, password changed; or null
 * @param username the name typed last time, so only the password needs typing again
 */
public record LoginPage(Messages msg, String siteName, String cssUrl, String error, String notice, String username, String csrfName, String csrfToken) {}
