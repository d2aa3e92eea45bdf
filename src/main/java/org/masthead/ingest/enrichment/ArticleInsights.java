package org.masthead.ingest.enrichment;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.masthead.article.ArticleDetail;
import org.masthead.article.ArticleSnapshots;
import org.masthead.article.ArticleStatus;
import org.springframework.stereotype.Service;

/** Reads what enrichment stored: an article's story, summary, keywords and quality, and its story's other reports. */
@Service
public class ArticleInsights {

    private final EnrichmentRepository repository;
    private final ArticleSnapshots snapshots;
    private final Clock clock;

    ArticleInsights(EnrichmentRepository repository, ArticleSnapshots snapshots, Clock clock) {
        this.repository = repository;
        this.snapshots = snapshots;
        this.clock = clock;
    }

    /** What is known about the article; empty until it was first saved with enrichment in place. */
    public Optional<ArticleInsight> of(long articleId) {
        return repository.insight(articleId);
    }

    /**
     * The story of each of these articles that has one (article id to story id): what search indexes
     * to show one result per story. Articles without a story yet are absent.
     */
    public Map<Long, Long> storiesOf(java.util.Collection<Long> articleIds) {
        return articleIds.isEmpty() ? Map.of() : repository.storiesOf(articleIds);
    }

    /**
     * The other articles of the same story that readers may see now, first published first, at most
     * {@code limit}: the "also reported by" list of an article page.
     */
    public List<ArticleDetail> alsoReported(long articleId, int limit) {
        // One statement for the members, and the members' details in one batch (a fixed few statements
        // however many there are), never one lookup per member: this runs on every article page.
        List<Long> members = repository.otherMembersOf(articleId, limit * 2);
        if (members.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        Map<Long, ArticleDetail> found = new HashMap<>();
        for (ArticleDetail a : snapshots.byIds(members)) {
            if (a.status() == ArticleStatus.PUBLISHED && !a.publishedAt().isAfter(now)) {
                found.put(a.id(), a);
            }
        }
        return members.stream().map(found::get).filter(Objects::nonNull).limit(limit).toList();
    }

    /**
     * Articles whose quality verdict flags them as likely advertising or content-farm filler, newest first,
     * at most {@code limit}: what a review queue lists.
     */
    public List<Long> flagged(int limit) {
        return repository.flagged(Math.max(1, Math.min(limit, 500)));
    }
}
