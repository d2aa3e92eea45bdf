package org.masthead.search;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.masthead.article.ArticleChanged;
import org.masthead.article.ArticleDetail;
import org.masthead.article.ArticlePublished;
import org.masthead.article.ArticleVersion;
import org.masthead.article.ArticleChecksum;
import org.masthead.article.ArticleSnapshots;
import org.masthead.article.ArticleWithdrawn;
import org.masthead.article.ArticlesRelabelled;
import org.masthead.ingest.enrichment.ArticleInsights;
import org.masthead.ingest.enrichment.StoryAssigned;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the search index in step with the database, which is the truth:
 * <ul>
 *   <li><b>Events.</b> In the server, {@link ArticlePublished}, {@link ArticleChanged} and
 *       {@link ArticleWithdrawn} are taken
 *       after their transaction commits (never before: the index is never ahead of the database) and
 *       queued; one indexing thread re-reads the articles in batches and writes their current state
 *       (every article, whatever its status: the back office searches drafts too), or removes those
 *       that no longer exist. Changes are searchable once written and refreshed (tens of
 *       milliseconds; at most every 100 ms during a burst) and committed at most 5 seconds later; a
 *       crash before the commit loses only index work, which the start-up check redoes. CLI commands
 *       leave the index to the server. A withdrawn (unpublished, archived) article is queued the
 *       same way and the re-read writes its new status (a deleted one is removed); searches for
 *       readers filter by status and publish time at query time, so nothing unpublished shows
 *       whatever the index holds.</li>
 *   <li><b>Checks.</b> When the server starts, and every {@code masthead.search.check-interval}, the
 *       index compares its count and sums of ids, update times and statuses with the database's. When they differ
 *       (a crash lost uncommitted index changes; a CLI import ran, which leaves the index to the
 *       server) the differing articles are re-indexed in the background, or the whole index is rebuilt
 *       when most of them differ, when the index is new or when its field mapping changed.</li>
 *   <li><b>Rebuild.</b> {@link #reindex} fills a new index from the database while the old one keeps
 *       answering, applies what changed meanwhile, and swaps ({@code java -jar masthead.jar reindex}).</li>
 * </ul>
 */
@Service
public class SearchIndexing implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexing.class);
    private static final int BATCH = 200;
    /**
     * How often new writes become searchable while they keep coming. Opening a near-real-time reader
     * flushes a segment: once per event, a bulk import made hundreds of tiny segments a second and ran
     * five times slower. A lone publish is refreshed as soon as it is written.
     */
    private static final Duration REFRESH_EVERY = Duration.ofMillis(100);
    /** A crash loses at most this much of the index's work, which the start-up check then redoes. */
    private static final Duration COMMIT_EVERY = Duration.ofSeconds(5);
    private static final Duration DRAIN_ON_STOP = Duration.ofSeconds(30);

    /** What a consistency check found and did. */
    public record Check(Outcome outcome, long databaseCount, long indexCount, int queued) {

        public enum Outcome {
            IN_STEP,
            REPAIRING,
            REBUILT,
            /** A rebuild is running, and it brings the index up to date itself. */
            REINDEXING,
            UNAVAILABLE
        }
    }

    /** A finished rebuild: articles written, and how long it took. */
    public record Reindexed(long articles, long changedMeanwhile, Duration took) {}

    private final SearchIndex index;
    private final ArticleSnapshots articles;
    private final ArticleInsights insights;
    private final SearchSettings settings;
    private final BlockingQueue<Long> queue = new LinkedBlockingQueue<>();
    /** Ids queued or being written: zero means the index holds every change announced so far. */
    private final java.util.concurrent.atomic.AtomicInteger pending = new java.util.concurrent.atomic.AtomicInteger();
    private final ReentrantLock applying = new ReentrantLock();
    private final ReentrantLock rebuilding = new ReentrantLock();
    private final AtomicBoolean checkScheduled = new AtomicBoolean();
    private volatile Set<Long> changedDuringRebuild;
    /** Whether events are followed: once the web server runs (a CLI command leaves the index to the server), or always when configured. */
    private volatile boolean following;
    private volatile boolean running;
    private volatile boolean stopping;
    private final ScheduledExecutorService maintenance =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("search-maintenance").daemon().factory());
    private Thread worker;

    SearchIndexing(SearchIndex index, ArticleSnapshots articles, ArticleInsights insights, SearchSettings settings) {
        this.index = index;
        this.articles = articles;
        this.insights = insights;
        this.settings = settings;
        this.following = settings.alwaysFollow();
    }

    // ---- events

    @TransactionalEventListener(fallbackExecution = true)
    void on(ArticlePublished event) {
        if (following) {
            enqueue(List.of(event.articleId()));
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ArticleChanged event) {
        if (following) {
            enqueue(List.of(event.articleId()));
        }
    }

    /** Unpublished, archived or deleted: the re-read finds it no longer published and removes it. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(ArticleWithdrawn event) {
        if (following) {
            enqueue(List.of(event.articleId()));
        }
    }

    /** A channel, tag or byline renamed or merged: the entries of its articles hold the old names (and facets count them). */
    @TransactionalEventListener(fallbackExecution = true)
    void on(ArticlesRelabelled event) {
        if (following) {
            enqueue(event.articleIds());
        }
    }

    /**
     * Enrichment put the article in a story (a new one, or another): its document is re-read with the
     * story so searches collapse it with the other members. Usually the article's own event already
     * brought it, as enrichment runs before that commit; this covers a story assigned on its own.
     */
    @TransactionalEventListener(fallbackExecution = true)
    void on(StoryAssigned event) {
        if (following) {
            enqueue(List.of(event.articleId()));
        }
    }

    private void enqueue(Collection<Long> ids) {
        pending.addAndGet(ids.size());
        queue.addAll(ids);
    }

    /** Articles announced but not yet written to the index (queued or being written now). */
    public int backlog() {
        return pending.get();
    }

    // ---- the indexing thread

    @Override
    public void start() {
        stopping = false;
        running = true;
        worker = Thread.ofPlatform().name("search-indexer").daemon().start(this::indexLoop);
    }

    @Override
    public void stop() {
        stopping = true;
        maintenance.shutdownNow();
        try {
            worker.join(DRAIN_ON_STOP.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (worker.isAlive()) {
            log.warn("Search indexing stopped with {} articles still queued; the next start-up check indexes them", queue.size());
            worker.interrupt();
        }
        running = false;
        try {
            index.commit();
        } catch (RuntimeException e) {
            log.warn("Committing the search index at shutdown failed; the next start-up check repairs it", e);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void indexLoop() {
        long lastCommit = System.nanoTime();
        long lastRefresh = System.nanoTime();
        boolean unrefreshed = false;
        boolean uncommitted = false;
        while (!(stopping && queue.isEmpty())) {
            Long first;
            try {
                first = queue.poll(unrefreshed ? REFRESH_EVERY.toMillis() : 250, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            int taken = 0;
            if (first != null) {
                Set<Long> ids = new LinkedHashSet<>();
                ids.add(first);
                List<Long> more = new ArrayList<>();
                queue.drainTo(more, BATCH - 1);
                ids.addAll(more);
                taken = 1 + more.size();
                try {
                    applyNow(ids);
                    unrefreshed = true;
                    uncommitted = true;
                } catch (RuntimeException e) {
                    log.error("Indexing articles {} failed; the next consistency check repairs them", ids, e);
                }
            }
            long now = System.nanoTime();
            // Refresh when the writes pause (a lone publish: at once) or at least every REFRESH_EVERY during a burst.
            if (unrefreshed && (queue.isEmpty() || now - lastRefresh >= REFRESH_EVERY.toNanos())) {
                try {
                    index.refresh();
                } catch (RuntimeException e) {
                    log.error("Refreshing the search index failed", e);
                }
                unrefreshed = false;
                lastRefresh = System.nanoTime();
            }
            pending.addAndGet(-taken);
            if (uncommitted && now - lastCommit > COMMIT_EVERY.toNanos()) {
                try {
                    index.commit();
                    uncommitted = false;
                } catch (RuntimeException e) {
                    log.error("Committing the search index failed", e);
                }
                lastCommit = System.nanoTime();
            }
        }
    }

    /** Reads the articles' current state and writes it to the index in use (and notes it for a rebuild in progress). */
    private void applyNow(Collection<Long> ids) {
        applying.lock();
        try {
            Batch batch = load(ids);
            index.apply(batch.upserts(), batch.removals());
            Set<Long> changed = changedDuringRebuild;
            if (changed != null) {
                changed.addAll(ids);
            }
        } finally {
            applying.unlock();
        }
    }

    private record Batch(List<ArticleDocument> upserts, List<Long> removals) {}

    /** Articles become documents, whatever their status; the ids of articles that no longer exist are removed. */
    private Batch load(Collection<Long> ids) {
        List<ArticleDocument> upserts = documents(articles.byIds(ids));
        Set<Long> found = new java.util.HashSet<>();
        upserts.forEach(d -> found.add(d.id()));
        List<Long> removals = ids.stream().filter(id -> !found.contains(id)).toList();
        return new Batch(upserts, removals);
    }

    /** The articles as documents, each with its story (one lookup for the batch). */
    private List<ArticleDocument> documents(List<ArticleDetail> details) {
        Map<Long, Long> stories = insights.storiesOf(details.stream().map(ArticleDetail::id).toList());
        return details.stream().map(a -> ArticleDocument.of(a).inStory(stories.get(a.id()))).toList();
    }

    // ---- consistency checks

    /**
     * The server (not a CLI command) follows the events from now on, checks the index once it is up
     * (which also covers whatever was saved before it followed), then every check interval.
     */
    @EventListener(WebServerInitializedEvent.class)
    void serverStarted() {
        following = true;
        if (!checkScheduled.compareAndSet(false, true)) {
            return;
        }
        maintenance.execute(this::checkQuietly);
        long every = settings.checkInterval().toMillis();
        if (every > 0) {
            maintenance.scheduleWithFixedDelay(this::checkQuietly, every, every, TimeUnit.MILLISECONDS);
        }
    }

    private void checkQuietly() {
        try {
            Check check = check();
            if (check.outcome() != Check.Outcome.IN_STEP) {
                log.info("Search index check: {}", check);
            }
        } catch (RuntimeException e) {
            log.error("The search index check failed", e);
        }
    }

    /**
     * Compares the index with the database and repairs what differs: the differing articles are queued
     * for indexing, or the index is rebuilt when it is new, its mapping changed, or more than
     * {@code masthead.search.repair-limit} and more than half of the articles differ.
     */
    public Check check() {
        if (!index.available()) {
            return new Check(Check.Outcome.UNAVAILABLE, -1, -1, 0);
        }
        if (reindexing()) {
            return new Check(Check.Outcome.REINDEXING, -1, -1, 0);
        }
        ArticleChecksum database = articles.checksum();
        if (index.needsRebuild()) {
            Reindexed done = reindex(n -> {});
            return new Check(Check.Outcome.REBUILT, database.count(), done.articles(), 0);
        }
        IndexChecksum held = index.checksum();
        if (held.matches(database)) {
            return new Check(Check.Outcome.IN_STEP, database.count(), held.count(), 0);
        }
        Map<Long, ArticleVersion> versions = index.versions();
        List<Long> differing = new ArrayList<>();
        try (Stream<ArticleVersion> current = articles.versions()) {
            current.forEach(v -> {
                ArticleVersion indexed = versions.remove(v.id());
                if (indexed == null || !indexed.equals(v)) {
                    differing.add(v.id());
                }
            });
        }
        differing.addAll(versions.keySet());
        if (differing.size() > Math.max(settings.repairLimit(), database.count() / 2)) {
            Reindexed done = reindex(n -> {});
            return new Check(Check.Outcome.REBUILT, database.count(), done.articles(), 0);
        }
        enqueue(differing);
        return new Check(Check.Outcome.REPAIRING, database.count(), held.count(), differing.size());
    }

    // ---- rebuild

    /**
     * Rebuilds the whole index from the database without an outage: a new index is filled while the
     * one in use keeps answering (and keeps following the events); articles changed meanwhile are
     * re-read into the new index; then the new one replaces the old. One rebuild at a time.
     *
     * @param progress told the number of articles written so far, after every batch
     * @throws IllegalStateException when a rebuild is already running
     * @throws SearchUnavailableException when another process holds the index
     */
    public Reindexed reindex(LongConsumer progress) {
        if (!rebuilding.tryLock()) {
            throw new IllegalStateException("a reindex is already running");
        }
        long started = System.nanoTime();
        try {
            changedDuringRebuild = ConcurrentHashMap.newKeySet();
            java.util.concurrent.atomic.AtomicLong written = new java.util.concurrent.atomic.AtomicLong();
            try (SearchIndex.Rebuild rebuild = index.beginRebuild(); Stream<ArticleDetail> all = articles.all()) {
                fill(rebuild, all.iterator(), written, progress);
                long changed;
                applying.lock();
                try {
                    Set<Long> meanwhile = changedDuringRebuild;
                    changedDuringRebuild = null;
                    changed = meanwhile.size();
                    Batch late = load(meanwhile);
                    rebuild.apply(late.upserts(), late.removals());
                    rebuild.swap();
                } finally {
                    applying.unlock();
                }
                Reindexed done = new Reindexed(written.get(), changed, Duration.ofNanos(System.nanoTime() - started));
                log.info("Search index rebuilt: {}", done);
                return done;
            }
        } finally {
            changedDuringRebuild = null;
            rebuilding.unlock();
        }
    }

    /**
     * Writes every article into the new index: this thread reads the database in order, up to four
     * threads (one per core) turn batches into documents and analyse them, which is where the time
     * goes; at most two batches per thread wait, so memory stays small whatever the table size.
     */
    private void fill(SearchIndex.Rebuild rebuild, Iterator<ArticleDetail> articles, java.util.concurrent.atomic.AtomicLong written,
            LongConsumer progress) {
        int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        java.util.concurrent.ExecutorService workers =
                Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("search-reindex-", 1).daemon().factory());
        java.util.concurrent.Semaphore waiting = new java.util.concurrent.Semaphore(threads * 2);
        List<java.util.concurrent.Future<?>> done = new ArrayList<>();
        try {
            while (articles.hasNext()) {
                if (stopping) {
                    throw new IllegalStateException("reindex: the application is stopping; the index in use is unchanged");
                }
                List<ArticleDetail> batch = new ArrayList<>(BATCH);
                while (batch.size() < BATCH && articles.hasNext()) {
                    batch.add(articles.next());
                }
                waiting.acquireUninterruptibly();
                done.add(workers.submit(() -> {
                    try {
                        rebuild.add(documents(batch));
                        long total = written.addAndGet(batch.size());
                        synchronized (progress) {
                            progress.accept(total);
                        }
                    } finally {
                        waiting.release();
                    }
                }));
                done.removeIf(f -> f.isDone() && succeeded(f));
            }
            for (java.util.concurrent.Future<?> f : done) {
                succeeded(f);
            }
        } finally {
            workers.shutdownNow();
        }
    }

    /** Waits for a batch and rethrows its failure, so a failed batch fails the rebuild. */
    private static boolean succeeded(java.util.concurrent.Future<?> batch) {
        try {
            batch.get();
            return true;
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException("reindex: a batch failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("reindex: interrupted", e);
        }
    }

    /** Whether a rebuild is running now. */
    public boolean reindexing() {
        return rebuilding.isLocked();
    }
}
