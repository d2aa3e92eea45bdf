package org.masthead.ingest;

import java.time.Instant;

/**
 * Where a collected article came from: its source and feed, the feed's GUID, the URL as given and
 * normalised, when it was first seen and when its text last changed at the source. {@code origin} is
 * false for another source's identical copy, kept so it is recognised next time.
 */
public record Provenance(
        long articleId, Long sourceId, Long feedId, String guid, String originalUrl, String canonicalUrl,
        Instant firstSeenAt, Instant lastSeenAt, Instant lastChangedAt, boolean origin) {}
