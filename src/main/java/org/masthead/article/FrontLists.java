package org.masthead.article;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The site-wide lists that every article page shows the same whatever the article — the newest
 * articles and the most read — held in memory, so rendering an article page reads only the article.
 * Reading them from the database took a count over every visible article (the newest list is a page
 * of a listing) and a sort of the newest 200 by views: most of an uncached article page's time at
 * 100,000 articles.
 *
 * <p>Freshness: a publication, change or withdrawal drops the snapshot once it has committed (first
 * among the listeners, so before the page cache drops the pages that show the lists), and the next
 * reader builds it again. What changes without an event — a scheduled article reaching its time, views
 * reordering the most-read list — is caught by {@link #refresh()}, run every couple of seconds here and
 * by the page cache's watch before it compares the lists.
 *
 * <p>A build that read the database before a change committed must not be kept after the change's drop,
 * or the old lists would stay until the next change: every drop moves a generation, and a build only
 * keeps its result if no drop happened while it ran (like the page cache's own store).
 */
@Service
public class FrontLists {

    /** The most newest articles a caller may ask for. */
    public static final int NEWEST = 20;
    /** The most of the most-read list a caller may ask for. */
    public static final int MOST_READ = 10;
    /** The most-read list is the most read among this many newest articles. */
    static final int MOST_READ_AMONG = 200;

    /** One consistent state of both lists, and when it was read. */
    public record Snapshot(List<ArticleCard> newest, List<ArticleCard> mostRead, Instant readAt) {}

    private final ArticleRepository articles;
    private final Clock clock;
    private final Duration refreshInterval;
    private final AtomicLong generation = new AtomicLong();
    private volatile Snapshot current;

    @Autowired
    FrontLists(ArticleRepository articles, Clock clock, @Value("${masthead.front-lists.refresh-interval:2s}") Duration refreshInterval) {
        this.articles = articles;
        this.clock = clock;
        this.refreshInterval = refreshInterval;
    }

    FrontLists(ArticleRepository articles, Clock clock) {
        this(articles, clock, Duration.ofSeconds(2));
    }

    /** The newest visible articles, newest first, at most {@code limit} (up to {@link #NEWEST}). */
    public List<ArticleCard> newest(int limit) {
        return head(snapshot().newest(), limit, NEWEST);
    }

    /** The headline list: the most read of the newest articles, at most {@code limit} (up to {@link #MOST_READ}). */
    public List<ArticleCard> mostRead(int limit) {
        return head(snapshot().mostRead(), limit, MOST_READ);
    }

    /** The lists as they are held now, built first when they were dropped. */
    public Snapshot snapshot() {
        Snapshot s = current;
        return s != null ? s : build();
    }

    /** Reads both lists again now and holds them; returns what it read. */
    public Snapshot refresh() {
        generation.incrementAndGet();
        return build();
    }

    /** Forgets the held lists; the next reader reads them again. Cheap, so a bulk import may call it per article. */
    public void drop() {
        generation.incrementAndGet();
        current = null;
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void on(ArticlePublished event) {
        drop();
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void on(ArticleChanged event) {
        drop();
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void on(ArticleWithdrawn event) {
        drop();
    }

    /** Scheduled articles reach their time and views reorder the most-read list without an event. */
    @Scheduled(fixedDelayString = "${masthead.front-lists.refresh-interval:2s}", initialDelayString = "${masthead.front-lists.refresh-interval:2s}")
    void refreshQuietly() {
        // With the page cache on, its watch refreshes the lists on the same beat; lists read within the
        // last half interval (by it, or by a reader after a drop) are as fresh as a second read would be.
        Snapshot held = current;
        if (held != null && held.readAt().isAfter(clock.instant().minus(refreshInterval.dividedBy(2)))) {
            return;
        }
        refresh();
    }

    private Snapshot build() {
        long started = generation.get();
        Instant now = clock.instant();
        Snapshot read = new Snapshot(
                List.copyOf(articles.newestCards(ArticleFilter.visible(), NEWEST, now)),
                List.copyOf(articles.mostRead(MOST_READ, MOST_READ_AMONG, now)),
                now);
        synchronized (this) {
            if (generation.get() == started) {
                current = read;
            }
        }
        return read;
    }

    private static List<ArticleCard> head(List<ArticleCard> list, int limit, int max) {
        if (limit < 1 || limit > max) {
            throw new IllegalArgumentException("limit: must be between 1 and " + max);
        }
        return list.size() <= limit ? list : list.subList(0, limit);
    }
}
