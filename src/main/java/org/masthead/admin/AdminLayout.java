package org.masthead.admin;

import java.util.List;
import org.masthead.platform.Messages;

/**
 * What every back-office page shares: title, navigation (only the sections the user may open), the
 * signed-in user and the CSRF field every form must carry.
 *
 * @param title the page's own title (the site name is appended in the head)
 * @param csrfName the form field name of the CSRF token
 * @param csrfToken its value for this request
 */
public record AdminLayout(Messages msg, String title, String siteName, String cssUrl, String username, String roleLabel, List<NavItem> navigation,
        String csrfName, String csrfToken) {

    /** A section link; {@code current} marks the section this page belongs to. */
    public record NavItem(String label, String url, boolean current) {}
}
