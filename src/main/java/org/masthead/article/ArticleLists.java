package org.masthead.article;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.masthead.channel.Channels;
import org.masthead.platform.PageSlice;
import org.springframework.stereotype.Service;

/** Lists of articles for the site, the feeds and the API: pages, counts, the newest and the most read. */
@Service
public class ArticleLists {

    /** Largest page a caller may ask for, so no request can pull the whole table. */
    public static final int MAX_PAGE_SIZE = 100;

    private final ArticleRepository articles;
    private final Channels channels;
    private final Clock clock;

    ArticleLists(ArticleRepository articles, Channels channels, Clock clock) {
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

    public long count(ArticleFilter filter) {
        return articles.count(filter, clock.instant());
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

    /**
     * The articles among {@code ids} that readers may see now, as cards, in one statement; the order is
     * the caller's to make (a special topic keeps its editors' order). At most {@value #MAX_BY_ID} ids.
     */
    public List<ArticleCard> visibleByIds(java.util.Collection<Long> ids) {
        if (ids.size() > MAX_BY_ID) {
            throw new IllegalArgumentException("ids: at most " + MAX_BY_ID);
        }
        return ids.isEmpty() ? List.of() : articles.visibleCards(ids, clock.instant());
    }

    /** The most ids {@link #visibleByIds} takes at once. */
    public static final int MAX_BY_ID = 500;

    /** Visible articles published at or after {@code since}, newest first, at most {@code limit}. */
    public List<ArticleCard> visibleSince(Instant since, int limit) {
        return articles.visibleSince(since, limit, clock.instant());
    }
}
