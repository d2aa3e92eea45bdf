package org.masthead.ingest;

import java.time.Duration;
import org.masthead.ingest.fetch.FetchLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Collecting settings ({@code masthead.ingest.*}).
 *
 * @param polling whether this node polls feeds on its schedule (several nodes may: each feed is leased to one at a time)
 * @param pollTick how often this node looks for due feeds
 * @param batch at most this many feeds polled per tick by this node
 * @param lease how long a claimed feed stays this node's; longer than one poll can take, so a dead node's feeds free themselves
 * @param nodeId names this node in leases; empty = host name and a random suffix
 * @param connectTimeout to open a connection to a feed or page
 * @param readTimeout the longest silence while reading
 * @param totalTimeout one fetch in all, redirects included
 * @param maxBytes largest feed or page accepted (after decompression)
 * @param maxRedirects redirects followed
 * @param allowPrivateAddresses whether hosts on loopback or private networks may be fetched (off: import by URL must not read the intranet)
 * @param siteZone the zone of dates written without one (2023-08-29 09:18, 昨天 23:01)
 * @param holdFlagged whether a new feed item the quality check flags (likely advertising, content-farm filler) is saved in review instead of published
 * @param eventRetention how long the ingest event log keeps its lines
 * @param pollNowTimeout how long "poll now" (API, back office) waits for a source's feeds before answering that the poll goes on in the background
 */
@ConfigurationProperties("masthead.ingest")
public record IngestSettings(
        @DefaultValue("true") boolean polling,
        @DefaultValue("30s") Duration pollTick,
        @DefaultValue("20") int batch,
        @DefaultValue("5m") Duration lease,
        @DefaultValue("") String nodeId,
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("20s") Duration readTimeout,
        @DefaultValue("60s") Duration totalTimeout,
        @DefaultValue("8388608") long maxBytes,
        @DefaultValue("5") int maxRedirects,
        @DefaultValue("false") boolean allowPrivateAddresses,
        @DefaultValue("Asia/Shanghai") String siteZone,
        @DefaultValue("true") boolean holdFlagged,
        @DefaultValue("30d") Duration eventRetention,
        @DefaultValue("30s") Duration pollNowTimeout) {

    public FetchLimits fetchLimits() {
        return new FetchLimits(connectTimeout, readTimeout, totalTimeout, maxBytes, maxRedirects, allowPrivateAddresses, FetchLimits.USER_AGENT);
    }
}
