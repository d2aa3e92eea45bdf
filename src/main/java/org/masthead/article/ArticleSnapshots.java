package org.masthead.article;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.springframework.stereotype.Service;

/**
 * The current state of every article, whatever its status (drafts, scheduled, unpublished: the search
 * index holds them all for the back office and shows readers only what is published and due), for
 * rebuilding and checking derived stores. The streams read one batch per statement (keyset paging):
 * no transaction or cursor stays open between batches, so a rebuild of any size never holds back
 * writers, and an article saved while a stream runs is either read in its new state or announced by
 * its event afterwards.
 */
@Service
public class ArticleSnapshots {

    static final int DETAIL_BATCH = 200;
    static final int VERSION_BATCH = 5000;

    private final ArticleRepository articles;

    ArticleSnapshots(ArticleRepository articles) {
        this.articles = articles;
    }

    /** Count and sums of ids, update times and status-weighted ids of every article, in one aggregate query. */
    public ArticleChecksum checksum() {
        return articles.checksum();
    }

    /** Every article with its source, channel, authors, tags and images, lazily, in id order. */
    public Stream<ArticleDetail> all() {
        return all(DETAIL_BATCH);
    }

    Stream<ArticleDetail> all(int batchSize) {
        return inBatches(after -> articles.detailsAfter(after, batchSize), ArticleDetail::id);
    }

    /**
     * These articles, complete, in id order: four statements for up to {@value #DETAIL_BATCH} ids;
     * ids of articles that do not exist (any more) are left out.
     */
    public List<ArticleDetail> byIds(java.util.Collection<Long> ids) {
        List<Long> distinct = ids.stream().distinct().toList();
        List<ArticleDetail> found = new java.util.ArrayList<>();
        for (int from = 0; from < distinct.size(); from += DETAIL_BATCH) {
            found.addAll(articles.details(distinct.subList(from, Math.min(distinct.size(), from + DETAIL_BATCH))));
        }
        return found;
    }

    /**
     * Id, update time and status of every article, lazily, by status and then id: each batch is one
     * seek into the (status, id, updated_at) index, which a single keyset over both columns would not
     * be on SQLite (a row-value comparison there scans from the start of the status).
     */
    public Stream<ArticleVersion> versions() {
        return versions(VERSION_BATCH);
    }

    Stream<ArticleVersion> versions(int batchSize) {
        Spliterator<ArticleVersion> batches = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL) {
            private final Deque<ArticleVersion> buffer = new ArrayDeque<>();
            private String status = articles.nextStatus(null);
            private long after = Long.MIN_VALUE;

            @Override
            public boolean tryAdvance(Consumer<? super ArticleVersion> action) {
                while (buffer.isEmpty() && status != null) {
                    List<ArticleVersion> next = articles.versionsAfter(status, after, batchSize);
                    buffer.addAll(next);
                    if (next.size() < batchSize) {
                        status = articles.nextStatus(status);
                        after = Long.MIN_VALUE;
                    } else {
                        after = next.getLast().id();
                    }
                }
                ArticleVersion item = buffer.poll();
                if (item == null) {
                    return false;
                }
                action.accept(item);
                return true;
            }
        };
        return StreamSupport.stream(batches, false);
    }

    /** A lazy stream that asks for the next batch after the last id seen whenever the current one is used up. */
    static <T> Stream<T> inBatches(LongFunction<List<T>> batchAfter, ToLongFunction<T> idOf) {
        Spliterator<T> batches = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL) {
            private final Deque<T> buffer = new ArrayDeque<>();
            private long after = Long.MIN_VALUE;
            private boolean exhausted;

            @Override
            public boolean tryAdvance(Consumer<? super T> action) {
                if (buffer.isEmpty() && !exhausted) {
                    List<T> next = batchAfter.apply(after);
                    if (next.isEmpty()) {
                        exhausted = true;
                    } else {
                        buffer.addAll(next);
                        after = idOf.applyAsLong(next.getLast());
                    }
                }
                T item = buffer.poll();
                if (item == null) {
                    return false;
                }
                action.accept(item);
                return true;
            }
        };
        return StreamSupport.stream(batches, false);
    }
}
