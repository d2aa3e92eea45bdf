package org.masthead.article;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.masthead.platform.PageSlice;
import org.springframework.stereotype.Service;

/** Read models of articles for the site and the API. */
@Service
public class ArticleQueries {

    /** Largest page a caller may ask for, so no request can pull the whole table. */
    public static final int MAX_PAGE_SIZE = 100;

    private final ArticleRepository articles;
    private final Clock clock;

    private final org.masthead.channel.Channels channels;

    ArticleQueries(ArticleRepository articles, org.masthead.channel.Channels channels, Clock clock) {
        this.articles = articles;
        this.channels = channels;
        this.clock = clock;
    }

    /** Newest first. */
    public PageSlice<ArticleCard> list(ArticleFilter filter, int page, int size) {
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("size: must be between 1 and " + MAX_PAGE_SIZE);
        }
        return articles.cards(filter, Math.max(1, page), size, clock.instant());
    }

    /** An article readers may see now. */
    public Optional<ArticleDetail> visible(long id) {
        return articles.detail(id).filter(a -> a.status() == ArticleStatus.PUBLISHED && !a.publishedAt().isAfter(clock.instant()));
    }

    /** An article in any state, for editors and the API. */
    public Optional<ArticleDetail> any(long id) {
        return articles.detail(id);
    }

    /** The newest articles of each top-level channel (at most 50 channels), in channel order. */
    public List<ArticleCard> newestPerChannel(int perChannel) {
        List<Long> ids = channels.all().stream().filter(c -> c.parentId() == null).limit(50).map(c -> c.id()).toList();
        return articles.newestPerChannel(ids, perChannel, clock.instant());
    }

    /** The headline list: the most read of the newest articles. */
    public List<ArticleCard> headlines(int limit) {
        return articles.mostRead(limit, 200, clock.instant());
    }

    public long count(ArticleFilter filter) {
        return articles.count(filter, clock.instant());
    }

    /**
     * The newest articles readers may see now that match the filter, each with its body, authors,
     * tags and figures, for feeds: a handful of statements for the whole list, never one per article.
     * The filter's {@code publicOnly} is forced on.
     */
    public List<ArticleDetail> newestVisible(ArticleFilter filter, int limit) {
        if (limit < 1 || limit > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("limit: must be between 1 and " + MAX_PAGE_SIZE);
        }
        ArticleFilter visible = new ArticleFilter(filter.channelId(), filter.sourceId(), filter.tagId(), filter.author(), filter.status(), true);
        return articles.newestDetails(visible, limit, clock.instant());
    }

    // Sitemaps (feed module). Reads that walk the article table by id range, never with OFFSET and
    // never holding the rows of the whole table; types fully qualified so these lines only append.

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

    /** Visible articles published at or after {@code since}, newest first, at most {@code limit}. */
    public List<ArticleCard> visibleSince(java.time.Instant since, int limit) {
        return articles.visibleSince(since, limit, clock.instant());
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
