package org.masthead.ingest;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.masthead.article.Actor;
import org.masthead.article.ArticleAction;
import org.masthead.article.ArticleCard;
import org.masthead.article.ArticleDetail;
import org.masthead.article.ArticleFilter;
import org.masthead.article.ArticleLists;
import org.masthead.article.ArticleLookup;
import org.masthead.article.ArticleSnapshots;
import org.masthead.article.ArticleStatus;
import org.masthead.article.ArticleWorkflow;
import org.masthead.platform.PageSlice;
import org.masthead.text.PlainText;
import org.masthead.text.Quality;
import org.springframework.stereotype.Service;

/**
 * The articles waiting in review — feed items the quality check held back, and articles authors
 * submitted — with the reasons a flag gives, and the editor's two answers: approve (publish) or
 * reject (archive, kept on record). Both go through {@link ArticleWorkflow}, so the article's rules
 * and the audit log apply as everywhere else.
 */
@Service
public class ReviewQueue {

    /**
     * One article in review. {@code reasons} are the quality check's message keys
     * ({@code quality.reason.*}) on its current text; empty when it is not flagged (an author's
     * submission).
     */
    public record Item(long articleId, String title, String excerpt, String sourceName, String originalUrl, Instant publishedAt, int score, boolean flagged,
            List<String> reasons) {}

    /** What an editor's answer did. */
    public enum Decision {
        DONE,
        /** The article is no longer in review (someone decided first, or it was never there): nothing changed. */
        NOT_IN_REVIEW
    }

    private final ArticleLists lists;
    private final ArticleSnapshots snapshots;
    private final ArticleLookup lookup;
    private final ArticleWorkflow workflow;

    ReviewQueue(ArticleLists lists, ArticleSnapshots snapshots, ArticleLookup lookup, ArticleWorkflow workflow) {
        this.lists = lists;
        this.snapshots = snapshots;
        this.lookup = lookup;
        this.workflow = workflow;
    }

    /** Newest first. */
    public PageSlice<Item> page(int page, int size) {
        PageSlice<ArticleCard> cards = lists.list(new ArticleFilter(null, null, null, null, ArticleStatus.REVIEW, false), page, size);
        Map<Long, ArticleDetail> details = new HashMap<>();
        snapshots.byIds(cards.items().stream().map(ArticleCard::id).toList()).forEach(d -> details.put(d.id(), d));
        return new PageSlice<>(cards.items().stream().map(card -> details.get(card.id())).filter(Objects::nonNull).map(ReviewQueue::item).toList(),
                cards.page(), cards.size(), cards.total());
    }

    /** How many articles wait in review. */
    public long count() {
        return lists.count(new ArticleFilter(null, null, null, null, ArticleStatus.REVIEW, false));
    }

    /**
     * Publishes an article in review.
     *
     * @throws org.masthead.article.ArticleRefused when the actor may not (an author) or the article is gone
     */
    public Decision approve(long articleId, Actor actor) {
        return decide(articleId, ArticleAction.PUBLISH, actor);
    }

    /** Archives an article in review: off the site, kept on record. */
    public Decision reject(long articleId, Actor actor) {
        return decide(articleId, ArticleAction.ARCHIVE, actor);
    }

    private Decision decide(long articleId, ArticleAction action, Actor actor) {
        // Publishing also works from draft, so check the state first: an answer on the review page
        // must not publish an article that has left review meanwhile.
        boolean inReview = lookup.any(articleId).map(a -> a.status() == ArticleStatus.REVIEW).orElse(false);
        if (!inReview) {
            return Decision.NOT_IN_REVIEW;
        }
        workflow.apply(articleId, action, actor, null);
        return Decision.DONE;
    }

    private static Item item(ArticleDetail a) {
        String text = PlainText.fromHtml(a.bodyHtml());
        Quality.Verdict verdict = Quality.assess(a.title(), text, ArticleCollecting.links(a.bodyHtml()));
        String excerpt = text.codePointCount(0, text.length()) <= 160 ? text : text.substring(0, text.offsetByCodePoints(0, 160)) + "…";
        return new Item(a.id(), a.title(), excerpt, a.source() == null ? null : a.source().name(), a.originalUrl(), a.publishedAt(), verdict.score(),
                verdict.flagged(), verdict.reasons());
    }
}
