package org.masthead.ingest;

import java.time.Instant;

/**
 * One line of the ingest event log: what a poll of a feed did ({@code fetched}, {@code not-modified},
 * {@code failed}, {@code busy}) or what one of its items did ({@code new}, {@code revised},
 * {@code duplicate}, {@code rejected}, {@code flagged}). {@code detail} carries the counts of a poll,
 * the error of a failure, the reason of a rejection, the quality reasons of a flag (message keys
 * {@code quality.reason.*}, space-separated).
 */
public record IngestEvent(long id, Instant at, long sourceId, Long feedId, String kind, Long articleId, String itemUrl, String detail) {

    /** The kinds, as stored and answered. */
    public static final String FETCHED = "fetched";
    public static final String NOT_MODIFIED = "not-modified";
    public static final String FAILED = "failed";
    public static final String BUSY = "busy";
    public static final String NEW = "new";
    public static final String REVISED = "revised";
    public static final String DUPLICATE = "duplicate";
    public static final String REJECTED = "rejected";
    public static final String FLAGGED = "flagged";
}
