package org.masthead.ingest.enrichment;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.masthead.article.ArticleChanged;
import org.masthead.article.ArticleDetail;
import org.masthead.article.ArticlePublished;
import org.masthead.article.ArticleLookup;
import org.masthead.text.PlainText;
import org.masthead.text.TextAnalysis;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Enriches every article that is saved (imported, collected or written): segments its text, fingerprints
 * it and joins it to the story cluster of its nearest near-duplicate (or starts one), and stores its
 * summary, keywords and quality verdict. It runs in the transaction that saved the article, just before
 * the commit, so the article and what is known about it are committed together.
 */
@Component
@EnableConfigurationProperties(EnrichmentSettings.class)
class ArticleEnrichment {

    private static final System.Logger LOG = System.getLogger(ArticleEnrichment.class.getName());
    private static final Pattern LINK = Pattern.compile("<a\\s[^>]*href", Pattern.CASE_INSENSITIVE);

    private final ArticleLookup articles;
    private final EnrichmentRepository repository;
    private final EnrichmentSettings settings;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ArticleEnrichment(ArticleLookup articles, EnrichmentRepository repository, EnrichmentSettings settings, Clock clock,
            ApplicationEventPublisher events) {
        this.articles = articles;
        this.repository = repository;
        this.settings = settings;
        this.clock = clock;
        this.events = events;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ArticlePublished event) {
        enrich(event.articleId());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ArticleChanged event) {
        enrich(event.articleId());
    }

    /** Computes and stores everything for one article; an article that no longer exists is skipped. */
    void enrich(long articleId) {
        if (!settings.enabled()) {
            return;
        }
        Optional<ArticleDetail> found = articles.any(articleId);
        if (found.isEmpty()) {
            return;
        }
        ArticleDetail a = found.get();
        EnrichmentRepository.Row row;
        try {
            row = analyse(a, settings);
        } catch (RuntimeException e) {
            // Text analysis must never cost the article its save; it is redone on the next change.
            LOG.log(System.Logger.Level.WARNING, "article " + articleId + " could not be analysed", e);
            return;
        }
        Instant now = clock.instant();
        Optional<Long> previousStory = repository.storyOf(articleId);
        long story = nearestStory(row, previousStory).orElseGet(() -> repository.newStory(articleId, now));
        repository.save(row, story, now);
        repository.settlePrimary(story);
        if (previousStory.isPresent() && previousStory.get() != story) {
            repository.settlePrimary(previousStory.get());
        }
        if (previousStory.isEmpty() || previousStory.get() != story) {
            // Within the saving transaction: listeners that wait for the commit (search) see the story.
            events.publishEvent(new StoryAssigned(articleId, story, previousStory.orElse(null)));
        }
    }

    /** The story of the most similar near-duplicate within the window, if any. */
    private Optional<Long> nearestStory(EnrichmentRepository.Row row, Optional<Long> previousStory) {
        Instant from = row.publishedAt().minus(settings.window());
        Instant to = row.publishedAt().plus(settings.window());
        return repository.candidates(row.articleId(), row.fingerprint().bandKeys(), from, to).stream()
                .filter(c -> row.fingerprint().nearDuplicateOf(c.fingerprint(), settings.minJaccard(), settings.minContainment(), settings.minShingles()))
                .max(Comparator.comparingDouble((EnrichmentRepository.Stored c) -> row.fingerprint().jaccard(c.fingerprint()))
                        .thenComparing(c -> previousStory.isPresent() && previousStory.get() == c.storyId()))
                .map(EnrichmentRepository.Stored::storyId);
    }

    static EnrichmentRepository.Row analyse(ArticleDetail a, EnrichmentSettings settings) {
        String text = PlainText.fromHtml(a.bodyHtml());
        TextAnalysis t = TextAnalysis.of(a.title(), text, links(a.bodyHtml()), settings.summaryLength(), settings.keywords());
        return new EnrichmentRepository.Row(a.id(), a.publishedAt(), t.fingerprint(), t.summary(), t.keywords(),
                t.quality().score(), t.quality().flagged(), t.quality().reasons());
    }

    private static int links(String html) {
        Matcher m = LINK.matcher(html == null ? "" : html);
        int count = 0;
        while (m.find()) {
            count++;
        }
        return count;
    }
}
