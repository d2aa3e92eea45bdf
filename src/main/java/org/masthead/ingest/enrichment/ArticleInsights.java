package org.masthead.ingest.enrichment;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.masthead.article.ArticleDetail;
import org.masthead.article.ArticleLookup;
import org.springframework.stereotype.Service;

/** Reads what enrichment stored: an article's story, summary, keywords and quality, and its story's other reports. */
@Service
public class ArticleInsights {

    private final EnrichmentRepository repository;
    private final ArticleLookup articles;

    ArticleInsights(EnrichmentRepository repository, ArticleLookup articles) {
        this.repository = repository;
        this.articles = articles;
    }

    /** What is known about the article; empty until it was first saved with enrichment in place. */
    public Optional<ArticleInsight> of(long articleId) {
        return repository.insight(articleId);
    }

    /**
     * The other articles of the same story that readers may see now, first published first, at most
     * {@code limit}: the "also reported by" list of an article page.
     */
    public List<ArticleDetail> alsoReported(long articleId, int limit) {
        return repository.storyOf(articleId)
                .map(story -> repository.otherMembers(story, articleId, limit * 2).stream()
                        .map(articles::visible)
                        .flatMap(Optional::stream)
                        .filter(Objects::nonNull)
                        .limit(limit)
                        .toList())
                .orElse(List.of());
    }

    /**
     * Articles whose quality verdict flags them as likely advertising or content-farm filler, newest first,
     * at most {@code limit}: what a review queue lists.
     */
    public List<Long> flagged(int limit) {
        return repository.flagged(Math.max(1, Math.min(limit, 500)));
    }
}
