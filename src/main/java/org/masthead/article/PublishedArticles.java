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
 * Every published article (whatever its publish time: derived stores hold scheduled articles too and
 * hide them until their time), for rebuilding and checking derived stores such as the search index.
 * The streams read in id order, one batch per statement (keyset paging): no transaction or cursor
 * stays open between batches, so a rebuild of any size never holds back writers, and an article saved
 * while a stream runs is either read in its new state or announced by its event afterwards.
 */
@Service
public class PublishedArticles {

    static final int DETAIL_BATCH = 200;
    static final int VERSION_BATCH = 5000;

    private final ArticleRepository articles;

    PublishedArticles(ArticleRepository articles) {
        this.articles = articles;
    }

    /** Count and sums of ids and update times, in one aggregate query. */
    public PublishedChecksum checksum() {
        return articles.publishedChecksum();
    }

    /** Every published article with its source, channel, authors, tags and images, lazily, in id order. */
    public Stream<ArticleDetail> all() {
        return all(DETAIL_BATCH);
    }

    Stream<ArticleDetail> all(int batchSize) {
        return inBatches(after -> articles.publishedDetailsAfter(after, batchSize), ArticleDetail::id);
    }

    /**
     * The published ones among these articles (any publish time), complete, in id order: four
     * statements for up to {@value #DETAIL_BATCH} ids; ids of articles that are not published, or do
     * not exist, are left out.
     */
    public List<ArticleDetail> byIds(java.util.Collection<Long> ids) {
        List<Long> distinct = ids.stream().distinct().toList();
        List<ArticleDetail> found = new java.util.ArrayList<>();
        for (int from = 0; from < distinct.size(); from += DETAIL_BATCH) {
            found.addAll(articles.publishedDetails(distinct.subList(from, Math.min(distinct.size(), from + DETAIL_BATCH))));
        }
        return found;
    }

    /** Id and update time of every published article, lazily, in id order. */
    public Stream<ArticleVersion> versions() {
        return versions(VERSION_BATCH);
    }

    Stream<ArticleVersion> versions(int batchSize) {
        return inBatches(after -> articles.publishedVersionsAfter(after, batchSize), ArticleVersion::id);
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
