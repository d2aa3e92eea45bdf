package org.masthead.source;

import java.time.Duration;
import java.time.Instant;

/**
 * A feed of a source as other modules see it: where it is, how often it is polled, what the last
 * poll left behind (validators for a conditional GET, the last success and error, failures in a row).
 */
public record SourceFeed(
        long id,
        long sourceId,
        String url,
        String title,
        Duration pollInterval,
        boolean enabled,
        String etag,
        String lastModified,
        Instant nextPollAt,
        Instant lastPolledAt,
        Instant lastSuccessAt,
        Instant lastErrorAt,
        String lastError,
        int failureCount) {}
