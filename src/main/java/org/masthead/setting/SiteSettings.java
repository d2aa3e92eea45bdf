package org.masthead.setting;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * @param logoUrl image shown beside the name in the header (absolute http(s) or a path on this site), empty for none
 * @param listPageSize articles per page of a list (channel, tag, source, author, latest)
 * @param homePageSize articles in the home page's latest list
 * @param friendLinks 友情链接 shown in the footer, in this order
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
        String baseUrl,
        String logoUrl,
        int listPageSize,
        int homePageSize,
        List<FriendLink> friendLinks) {

    public static final int DEFAULT_LIST_PAGE_SIZE = 20;
    public static final int DEFAULT_HOME_PAGE_SIZE = 20;
    private static final Pattern FILING_CODE = Pattern.compile("(\\d{14})");

    public SiteSettings {
        logoUrl = logoUrl == null ? "" : logoUrl;
        friendLinks = friendLinks == null ? List.of() : List.copyOf(friendLinks);
    }

    /** The settings before logo, page sizes and friend links existed: those take their defaults. */
    public SiteSettings(String name, String tagline, int copyrightSince, String icp, String publicSecurityFiling, String email, ZoneId timeZone,
            int excerptLength, String baseUrl) {
        this(name, tagline, copyrightSince, icp, publicSecurityFiling, email, timeZone, excerptLength, baseUrl, "", DEFAULT_LIST_PAGE_SIZE,
                DEFAULT_HOME_PAGE_SIZE, List.of());
    }

    /**
     * Where the public-security filing number links to: the Ministry of Public Security's search for its
     * 14-digit code ({@code 京公网安备 11010502030143号} → {@code …webSearch?code=11010502030143}), as the
     * filing rules ask; its home page when the number holds no such code.
     */
    public String publicSecurityFilingUrl() {
        Matcher code = FILING_CODE.matcher(publicSecurityFiling == null ? "" : publicSecurityFiling);
        return code.find() ? "https://beian.mps.gov.cn/#/query/webSearch?code=" + URLEncoder.encode(code.group(1), StandardCharsets.UTF_8)
                : "https://beian.mps.gov.cn/";
    }

    /** A 友情链接: the name shown and the address it opens. */
    public record FriendLink(String name, String url) {}
}
