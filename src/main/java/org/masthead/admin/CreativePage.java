package org.masthead.admin;

import java.util.List;

/**
 * {@code /admin/ads/creatives/…}: the form of a new creative (of a slot) or of an existing one.
 *
 * @param id null for a new creative
 * @param action where the form posts
 */
public record CreativePage(AdminLayout layout, Long id, String action, String slotName, CreativeForm form, List<AdsPage.Option> kinds,
        List<AdsPage.Option> slots, String error) {

    /** The form's values as text, as typed (kept after a refusal). Times are the site zone's, yyyy-MM-ddTHH:mm. */
    public record CreativeForm(String slotId, String kind, String title, String linkUrl, String imageUrl, String html, String weight, String startsAt,
            String endsAt) {}
}
