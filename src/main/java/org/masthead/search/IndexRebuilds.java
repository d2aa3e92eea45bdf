package org.masthead.search;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.masthead.article.ArticleSnapshots;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Rebuilds the search index in the background when the back office asks (the admin page's button, or
 * {@code POST /api/v1/admin/search/reindex}), and says how the rebuild goes and how the last one
 * ended. The work is {@link SearchIndexing#reindex}, the same as {@code java -jar masthead.jar reindex}:
 * online (the old index answers until the new one swaps in), and one at a time in this process — its
 * lock refuses a second rebuild, whoever starts it (this button, the API, or a check that found the
 * index new or most of it stale).
 *
 * <p>Why not a ShedLock job lock ({@code platform.JobLocks}): the Lucene index is each node's own, under
 * its own data dir, so nodes rebuilding their own indexes at once do not conflict, and a cluster-wide
 * lock would only make one node wait for another's unrelated work. An OpenSearch implementation, whose
 * index all nodes share, takes a job lock around the rebuild in its {@code beginRebuild}.
 */
@Service
public class IndexRebuilds {

    private static final Logger log = LoggerFactory.getLogger(IndexRebuilds.class);

    /** How a rebuild ended: when, after how long, with how many articles, or why it failed (null when it did not). */
    public record Outcome(Instant finishedAt, String startedBy, Duration took, long articles, String failure) {

        public boolean succeeded() {
            return failure == null;
        }
    }

    /**
     * What is known now.
     *
     * @param running whether a rebuild runs now (this one, or one a consistency check started)
     * @param startedBy who started the running rebuild from here; null when a check started it or none runs
     * @param written articles written into the new index so far (rebuilds started from here)
     * @param expected the number of articles in the database when it started
     * @param last how the last rebuild started from here ended; null when none did since the server started
     */
    public record Status(boolean running, String startedBy, Instant startedAt, long written, long expected, Outcome last) {

        /** Share written, 0 to 100; 0 when unknown. */
        public int percent() {
            return expected <= 0 ? 0 : (int) Math.min(100, written * 100 / expected);
        }
    }

    /** A rebuild was started, or refused because one runs already. */
    public record Started(boolean started, Status status) {}

    private record Running(String by, Instant at, long expected) {}

    private final SearchIndexing indexing;
    private final SearchIndex index;
    private final ArticleSnapshots articles;
    private final Clock clock;
    private final AtomicReference<Running> running = new AtomicReference<>();
    private final AtomicLong written = new AtomicLong();
    private volatile Outcome last;

    IndexRebuilds(SearchIndexing indexing, SearchIndex index, ArticleSnapshots articles, Clock clock) {
        this.indexing = indexing;
        this.index = index;
        this.articles = articles;
        this.clock = clock;
    }

    /**
     * Starts a rebuild on a thread of its own and returns at once; refused (nothing started) while one
     * runs.
     *
     * @param by who asked, for the page and the log (a user name)
     * @throws SearchUnavailableException when another process holds the index
     */
    public Started start(String by) {
        if (!index.available()) {
            throw new SearchUnavailableException("search is unavailable: the index is in use by another process");
        }
        Running run = new Running(by, clock.instant(), articles.checksum().count());
        if (indexing.reindexing() || !running.compareAndSet(null, run)) {
            return new Started(false, status());
        }
        written.set(0);
        log.info("Search index rebuild started by {} ({} articles)", by, run.expected());
        Thread.ofPlatform().name("search-rebuild").daemon().start(() -> rebuild(run));
        return new Started(true, status());
    }

    private void rebuild(Running run) {
        try {
            SearchIndexing.Reindexed done = indexing.reindex(written::set);
            last = new Outcome(clock.instant(), run.by(), done.took(), done.articles(), null);
        } catch (RuntimeException e) {
            // Also a rebuild a check started just before ours took the lock: said as it is, nothing lost.
            log.warn("Search index rebuild started by {} failed: {}", run.by(), e.toString());
            last = new Outcome(clock.instant(), run.by(), Duration.between(run.at(), clock.instant()), written.get(),
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } finally {
            running.set(null);
        }
    }

    public Status status() {
        Running run = running.get();
        boolean busy = run != null || indexing.reindexing();
        return new Status(busy, run == null ? null : run.by(), run == null ? null : run.at(), run == null ? 0 : written.get(),
                run == null ? 0 : run.expected(), last);
    }
}
