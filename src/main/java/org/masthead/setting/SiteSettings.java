package org.masthead.setting;

import java.time.ZoneId;

/**
 * What an operator sets for the whole site.
 *
 * @param name site name shown in titles and the footer
 * @param tagline one line under the name
 * @param copyrightSince first year of the footer's copyright range
 * @param icp ICP 备案号, empty when none
 * @param publicSecurityFiling 公安备案号, empty when none
 * @param email contact address, shown to people but never as plain text in the HTML
 * @param timeZone zone in which times are shown (stored times are instants)
 * @param excerptLength maximum characters of a list excerpt
 * @param baseUrl absolute address of the site, for links that leave it (feeds, API answers)
 */
public record SiteSettings(
        String name,
        String tagline,
        int copyrightSince,
        String icp,
        String publicSecurityFiling,
        String email,
        ZoneId timeZone,
        int excerptLength,
        String baseUrl) {}
