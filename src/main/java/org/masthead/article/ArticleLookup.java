package org.masthead.article;

import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** One article by id: as readers may see it, or in any state for the back office. */
@Service
public class ArticleLookup {

    private final ArticleRepository articles;
    private final Clock clock;

    ArticleLookup(ArticleRepository articles, Clock clock) {
        this.articles = articles;
        this.clock = clock;
    }

    /** An article readers may see now: published, its publish time reached. */
    public Optional<ArticleDetail> visible(long id) {
        return articles.detail(id).filter(a -> a.status() == ArticleStatus.PUBLISHED && !a.publishedAt().isAfter(clock.instant()));
    }

    /** An article in any state (draft, scheduled, withdrawn …), for editors and the API. */
    public Optional<ArticleDetail> any(long id) {
        return articles.detail(id);
    }
}
