package org.masthead.ingest;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The form of an article URL that identifies it: scheme and host lower-cased, default port and
 * fragment dropped, an empty path made "/", and tracking parameters removed (utm_*, spm, from,
 * fbclid, gclid … — the ones Chinese and global sites append to shared links). Other parameters keep
 * their order: on many news sites {@code ?id=123} is the article.
 */
public final class CanonicalUrl {

    private static final Set<String> TRACKING = Set.of(
            "spm", "from", "fbclid", "gclid", "dclid", "gclsrc", "msclkid", "yclid", "mc_cid", "mc_eid", "igshid", "si", "share_token",
            "scm", "sharetype", "share_from", "shareuid", "tt_from", "utm", "wfr", "isappinstalled",
            "ref", "ref_src", "ref_url", "_hsenc", "_hsmi", "mkt_tok", "vd_source", "sc_channel", "wxshare_count", "xtrack", "cmpid", "ncid");

    private CanonicalUrl() {}

    /** The canonical form, or empty when the text is not an absolute http(s) URL. */
    public static Optional<String> of(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(url.strip().replace(" ", "%20"));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https"))) {
            return Optional.empty();
        }
        if (uri.getHost() == null && uri.getRawAuthority() != null && !uri.getRawAuthority().contains("@")) {
            // An internationalised host (例子.中国) is not a URI host to Java: use its ASCII (punycode) form,
            // so the same site written either way is one site.
            try {
                String authority = uri.getRawAuthority();
                int colon = authority.lastIndexOf(':');
                String ascii = IDN.toASCII(colon > 0 ? authority.substring(0, colon) : authority) + (colon > 0 ? authority.substring(colon) : "");
                uri = new URI(scheme + "://" + ascii + (uri.getRawPath() == null ? "" : uri.getRawPath()) + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
            } catch (URISyntaxException | IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        if (uri.getHost() == null) {
            return Optional.empty();
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        StringBuilder out = new StringBuilder(scheme).append("://").append(host);
        if (!defaultPort) {
            out.append(':').append(port);
        }
        out.append(path);
        String query = uri.getRawQuery();
        if (query != null && !query.isEmpty()) {
            List<String> kept = new ArrayList<>();
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                String name = (pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair).toLowerCase(Locale.ROOT);
                if (!name.startsWith("utm_") && !TRACKING.contains(name)) {
                    kept.add(pair);
                }
            }
            if (!kept.isEmpty()) {
                out.append('?').append(String.join("&", kept));
            }
        }
        return Optional.of(out.toString());
    }
}
