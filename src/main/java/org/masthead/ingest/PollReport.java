package org.masthead.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One poll of one feed: {@code status} is "ok", "not-modified", "failed" or "busy" (another node
 * holds it); counts of what its items did ({@code created} new and published, {@code flagged} new but
 * held in review); {@code error} says why it failed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PollReport(long feedId, String status, int created, int updated, int unchanged, int duplicates, int rejected, int flagged, String error) {

    static PollReport busy(long feedId) {
        return new PollReport(feedId, "busy", 0, 0, 0, 0, 0, 0, null);
    }

    static PollReport failed(long feedId, String error) {
        return new PollReport(feedId, "failed", 0, 0, 0, 0, 0, 0, error);
    }
}
