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

    ArticleQueries(ArticleRepository articles, Clock clock) {
        this.articles = articles;
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

    public List<ArticleCard> newestPerChannel(int perChannel) {
        return articles.newestPerChannel(perChannel, clock.instant());
    }

    /** The headline list: the most read of the newest articles. */
    public List<ArticleCard> headlines(int limit) {
        return articles.mostRead(limit, 200, clock.instant());
    }

    public long count(ArticleFilter filter) {
        return articles.count(filter, clock.instant());
    }
}
