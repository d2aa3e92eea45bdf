package org.masthead.api;

import java.time.Instant;
import org.masthead.search.IndexRebuilds;

/**
 * {@code /api/v1/admin/search/reindex}: whether a rebuild was started by this call ({@code started},
 * only in the answer to POST), whether one runs, its progress, and how the last one ended
 * ({@code last}, null when none ended since the server started).
 */
record SearchRebuildResponse(Boolean started, boolean running, String startedBy, Instant startedAt, long written, long expected, int percent,
        Last last) {

    record Last(Instant finishedAt, String startedBy, long tookMs, long articles, boolean succeeded, String failure) {}

    static SearchRebuildResponse of(Boolean started, IndexRebuilds.Status s) {
        IndexRebuilds.Outcome o = s.last();
        return new SearchRebuildResponse(started, s.running(), s.startedBy(), s.startedAt(), s.written(), s.expected(), s.percent(),
                o == null ? null : new Last(o.finishedAt(), o.startedBy(), o.took().toMillis(), o.articles(), o.succeeded(), o.failure()));
    }
}
