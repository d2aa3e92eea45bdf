package org.masthead.article;

import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Walks the visible articles for sitemaps (feed module): by id range, never with OFFSET and never
 * holding the rows of the whole table.
 */
@Service
public class ArticleScans {

    private final ArticleRepository articles;
    private final Clock clock;

    ArticleScans(ArticleRepository articles, Clock clock) {
        this.articles = articles;
        this.clock = clock;
    }

    // Sitemaps (feed module). Reads that walk the article table by id range, never with OFFSET and
    // never holding the rows of the whole table; so a sitemap of any size reads the table once.

    /** Ids read per statement by {@link #eachVisibleInIdRange}: the memory a scan holds at most. */
    static final int SCAN_CHUNK = 1000;

    /** An article's id and its last change, as a sitemap lists it. */
    public record Stamp(long id, java.time.Instant updatedAt) {

        public String url() {
            return ArticleCard.urlOf(id);
        }
    }

    /**
     * The visible articles of a set: how many, their newest update and newest publication time (null
     * when there are none), and the sum of their ids, which changes when an article joins or leaves.
     */
    public record VisibleSummary(long count, java.time.Instant newestUpdate, java.time.Instant newestPublication, long idSum) {}

    /** Block {@code number} of ids: {@code (number - 1) * size + 1} to {@code number * size}. */
    public record IdBlock(long number, long firstId, long lastId, VisibleSummary visible) {}

    /** A list page (channel, source or tag) and the newest update among the visible articles it lists. */
    public record ListStamp(String url, java.time.Instant newestUpdate) {}

    /** The visible articles with {@code firstId <= id <= lastId}: one primary-key range scan. */
    public VisibleSummary visibleSummary(long firstId, long lastId) {
        return articles.visibleSummary(firstId, lastId, clock.instant());
    }

    /**
     * The id blocks of {@code blockSize} that hold at least one visible article, lowest first: one
     * primary-key range scan per block, so the whole table is read once, in id order, without sorting.
     */
    public List<IdBlock> visibleIdBlocks(long blockSize) {
        if (blockSize < 1) {
            throw new IllegalArgumentException("blockSize: must be at least 1");
        }
        java.time.Instant now = clock.instant();
        long maxId = articles.maxId();
        List<IdBlock> blocks = new java.util.ArrayList<>();
        for (long first = 1, number = 1; first <= maxId; first += blockSize, number++) {
            long last = Math.addExact(first, blockSize - 1);
            VisibleSummary visible = articles.visibleSummary(first, last, now);
            if (visible.count() > 0) {
                blocks.add(new IdBlock(number, first, last, visible));
            }
        }
        return blocks;
    }

    /**
     * Hands over the visible articles with {@code firstId <= id <= lastId} in id order. They are read
     * {@value #SCAN_CHUNK} ids a statement (keyset: {@code id > last seen}), and each chunk is handed
     * over after its statement has returned its connection, so a slow reader of the output never holds
     * a database connection and memory stays at one chunk whatever the range.
     */
    public void eachVisibleInIdRange(long firstId, long lastId, java.util.function.Consumer<Stamp> each) {
        java.time.Instant now = clock.instant();
        List<Stamp> chunk = new java.util.ArrayList<>(SCAN_CHUNK);
        long after = Math.max(firstId, 1) - 1;
        while (after < lastId) {
            chunk.clear();
            long lastSeen = articles.scanIdRange(after, lastId, SCAN_CHUNK, now, chunk::add);
            if (lastSeen == after) {
                return;
            }
            chunk.forEach(each);
            after = lastSeen;
        }
    }

    /**
     * The channel, source and tag pages that list at least one visible article, each with the newest
     * update among them, at most {@code limit} in all: channels in display order, then sources by id,
     * then tags newest first (by id, so a cut keeps the tags added last). One pass over the article
     * table; memory holds one number per channel, source and tag id, never the articles.
     */
    public void eachListPage(int limit, java.util.function.Consumer<ListStamp> each) {
        articles.listPages(limit, clock.instant(), each);
    }
}
