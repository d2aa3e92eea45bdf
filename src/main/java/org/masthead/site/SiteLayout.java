package org.masthead.site;

import java.util.List;
import java.util.Map;
import org.masthead.ads.AdSlot;
import org.masthead.platform.Messages;

/**
 * What every page of the site shares: head, navigation, ad slots and footer.
 *
 * @param head title, description, canonical address, Open Graph, feeds and JSON-LD of this page
 * @param iconUrl the site icon (SVG), with its content hash
 * @param touchIconUrl the logo as PNG, for home screens
 * @param home whether this is the home page (marked in the navigation)
 * @param currentChannel slug of the channel to mark in the navigation, or null
 * @param logoUrl the operator's logo beside the site name, or "" for none
 * @param ads the slots shown at each placement ({@code org.masthead.ads.AdSlots#PLACEMENTS})
 */
public record SiteLayout(
        Messages msg,
        PageHead head,
        String siteName,
        String tagline,
        String cssUrl,
        String iconUrl,
        String touchIconUrl,
        boolean home,
        List<NavItem> navigation,
        String currentChannel,
        Footer footer,
        Map<String, List<AdSlot>> ads,
        String logoUrl) {

    /** A channel link in the navigation. */
    public record NavItem(String name, String url, String slug) {}

    /**
     * The footer: {@code copyright} reads "Copyright © 2023-2026 站名 版权所有"; the e-mail is split so
     * the plain address never appears in the HTML (see {@code ContactController}).
     */
    public record Footer(String copyright, String icp, String publicSecurityFiling, String publicSecurityFilingUrl, String emailUser, String emailDomain,
            boolean demoNote, List<FriendLink> friendLinks) {

        public boolean hasEmail() {
            return emailUser != null && emailDomain != null;
        }
    }

    /** A 友情链接 in the footer. */
    public record FriendLink(String name, String url) {}

    /** The slots a placement shows (each a frame that picks one of its creatives per view); empty for none. */
    public List<AdSlot> ad(String placement) {
        return ads.getOrDefault(placement, List.of());
    }

    public boolean isCurrent(NavItem item) {
        return item.slug().equals(currentChannel);
    }
}
