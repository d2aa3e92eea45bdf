package org.masthead.ingest;

import java.util.List;

/**
 * What "poll now" did for a source: one report per feed polled so far and the totals. {@code status}
 * is "done", or "running" when the timeout came first (the rest goes on in the background and shows
 * in the event log). {@code failed} counts feeds that failed, {@code busy} feeds another node was
 * polling at that moment (left to it: one node polls a feed at a time).
 */
public record SourcePollOutcome(long sourceId, String status, int created, int updated, int unchanged, int duplicates, int rejected, int flagged,
        int failed, int busy, List<PollReport> feeds) {

    static SourcePollOutcome of(long sourceId, boolean done, List<PollReport> reports) {
        return new SourcePollOutcome(sourceId, done ? "done" : "running",
                reports.stream().mapToInt(PollReport::created).sum(),
                reports.stream().mapToInt(PollReport::updated).sum(),
                reports.stream().mapToInt(PollReport::unchanged).sum(),
                reports.stream().mapToInt(PollReport::duplicates).sum(),
                reports.stream().mapToInt(PollReport::rejected).sum(),
                reports.stream().mapToInt(PollReport::flagged).sum(),
                (int) reports.stream().filter(r -> "failed".equals(r.status())).count(),
                (int) reports.stream().filter(r -> "busy".equals(r.status())).count(),
                List.copyOf(reports));
    }

    /** Whether every feed polled failed (or there was none): the CLI's exit status 1. */
    public boolean allFailed() {
        return feeds.isEmpty() || feeds.stream().allMatch(r -> "failed".equals(r.status()));
    }
}
