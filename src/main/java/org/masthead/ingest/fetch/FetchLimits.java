package org.masthead.ingest.fetch;

import java.time.Duration;

/**
 * Bounds on one fetch, so a slow, huge or looping server costs a poller little.
 *
 * @param connectTimeout to open the connection
 * @param readTimeout the longest silence while reading
 * @param totalTimeout the whole fetch, redirects included (a server dripping bytes just inside the
 *     read timeout still stops here)
 * @param maxBytes the body after decompression; more is refused, not truncated
 * @param maxRedirects redirects followed before giving up
 * @param allowPrivateAddresses whether loopback, link-local and private-network hosts may be fetched
 *     (off in production: import by URL must not become a way to read the intranet; tests turn it on)
 * @param userAgent sent with every request
 */
public record FetchLimits(
        Duration connectTimeout,
        Duration readTimeout,
        Duration totalTimeout,
        long maxBytes,
        int maxRedirects,
        boolean allowPrivateAddresses,
        String userAgent) {

    public static final String USER_AGENT = "Masthead/0.1 (+https://github.com/masthead; news aggregator)";

    public static FetchLimits defaults() {
        return new FetchLimits(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(60), 8L * 1024 * 1024, 5, false, USER_AGENT);
    }
}
