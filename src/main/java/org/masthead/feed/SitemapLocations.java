package org.masthead.feed;

import java.net.IDN;
import java.nio.charset.StandardCharsets;

/**
 * Absolute addresses of the site as sitemaps and robots.txt must give them: ASCII only, so an
 * internationalised host becomes Punycode ({@code 报头.中国} → {@code xn--…}) and any other non-ASCII
 * character of the base address is percent-encoded as UTF-8. Paths come already encoded from the
 * read models ({@code Tag.url()} and the like).
 *
 * @param base the site's base address in ASCII, without a trailing slash
 */
record SitemapLocations(String base) {

    static SitemapLocations of(String baseUrl) {
        String url = baseUrl.strip();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        int hostStart = url.indexOf("://") + 3;
        if (hostStart < 3) {
            throw new IllegalArgumentException("site base address is not absolute: " + baseUrl);
        }
        int pathStart = url.indexOf('/', hostStart);
        String authority = pathStart < 0 ? url.substring(hostStart) : url.substring(hostStart, pathStart);
        String path = pathStart < 0 ? "" : url.substring(pathStart);
        return new SitemapLocations(url.substring(0, hostStart) + asciiAuthority(authority) + percentEncodeNonAscii(path));
    }

    /** The absolute address of a site path such as {@code /articles/7}. */
    String at(String path) {
        return base + path;
    }

    /** The path part of the base address ({@code ""} for a site at the root of its host). */
    String basePath() {
        int hostStart = base.indexOf("://") + 3;
        int pathStart = base.indexOf('/', hostStart);
        return pathStart < 0 ? "" : base.substring(pathStart);
    }

    private static String asciiAuthority(String authority) {
        if (authority.startsWith("[") || authority.chars().allMatch(c -> c < 0x80)) {
            return authority;
        }
        int at = authority.lastIndexOf('@');
        String userInfo = at < 0 ? "" : percentEncodeNonAscii(authority.substring(0, at + 1));
        String hostPort = authority.substring(at + 1);
        int colon = hostPort.lastIndexOf(':');
        String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
        String port = colon < 0 ? "" : hostPort.substring(colon);
        return userInfo + IDN.toASCII(host, IDN.ALLOW_UNASSIGNED) + port;
    }

    private static String percentEncodeNonAscii(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp < 0x80) {
                out.append((char) cp);
            } else {
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                            .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
                }
            }
        });
        return out.toString();
    }
}
