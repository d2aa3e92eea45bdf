package org.masthead.admin.taxonomy;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.masthead.account.SignedInUser;
import org.masthead.admin.AdminLayouts;
import org.masthead.platform.AdminAudit;
import org.masthead.platform.Messages;
import org.masthead.platform.Refusal;

/** What the taxonomy pages read from a request the same way: who acts, ids from form fields, the "done" notice. */
final class AdminRequests {

    private AdminRequests() {}

    static AdminAudit.By by(SignedInUser user, HttpServletRequest request) {
        return new AdminAudit.By(user.username(), request.getRemoteAddr());
    }

    /** An id from a form field: null when blank (e.g. "no parent"); anything else not a number is refused as not found. */
    static Long optionalId(String raw, String notFoundKey) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            throw new Refusal(notFoundKey, raw.strip());
        }
    }

    /** The notice for {@code ?done=key} ({@code prefix + key} in the bundle), or null for an unknown key. */
    static String notice(Messages msg, String prefix, String done) {
        if (done == null || !done.matches("[a-zA-Z]{1,30}")) {
            return null;
        }
        String key = prefix + done;
        String text = msg.get(key);
        return text.equals(key) ? null : text;
    }

    /** The newest audit lines of one area, as sentences for the page's "recent changes". */
    static List<String> history(AdminAudit audit, AdminLayouts layouts, String prefix) {
        Messages msg = layouts.messages();
        return audit.recent(prefix, 10).stream()
                .map(e -> msg.get("taxonomy.history.line", layouts.time(e.at()), e.user(), msg.get("audit.action." + e.action()), e.subject(),
                        e.detail() == null ? "" : e.detail()))
                .toList();
    }

    /** A page number from the query: 1 for anything but 1 … 10000. */
    static int page(String raw) {
        try {
            int n = Integer.parseInt(raw == null ? "1" : raw.strip());
            return n >= 1 && n <= 10_000 ? n : 1;
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
