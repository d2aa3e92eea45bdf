package org.masthead.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.masthead.article.ArticleChanged;
import org.masthead.article.ArticleDetail;
import org.masthead.article.ArticlePublished;
import org.masthead.article.ArticleLookup;
import org.masthead.article.ArticleStatus;
import org.masthead.article.ArticleWithdrawn;
import org.masthead.setting.SiteSettingsStore;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Queues an article's absolute URL for every enabled engine when it is published or changed, and for
 * IndexNow when it is withdrawn (unpublished, archived, deleted).
 *
 * <p>The row is written <em>before</em> the article's transaction commits, in that transaction
 * ({@code BEFORE_COMMIT}), not after it: a rolled-back save then leaves no row (so it notifies no
 * one), a committed one always has its row (no crash window between commit and queueing), and the
 * sender only ever sees committed rows. After-commit would also be worse on SQLite: sqlite-jdbc opens
 * the next {@code BEGIN IMMEDIATE} right after a commit, so a {@code REQUIRES_NEW} write from an
 * after-commit listener waits for the still-bound connection until {@code busy_timeout} (10 s) and
 * fails. The cost to the editor is one small INSERT per engine; the network is never on that path.
 */
@Component
class SubmissionQueue {

    private final SubmissionRepository submissions;
    private final ArticleLookup articles;
    private final SiteSettingsStore site;
    private final NotificationSettings settings;
    private final Clock clock;

    SubmissionQueue(SubmissionRepository submissions, ArticleLookup articles, SiteSettingsStore site, NotificationSettings settings, Clock clock) {
        this.submissions = submissions;
        this.articles = articles;
        this.site = site;
        this.settings = settings;
        this.clock = clock;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ArticlePublished event) {
        queue(event.articleId());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ArticleChanged event) {
        queue(event.articleId());
    }

    /**
     * IndexNow takes removed pages too: the engine fetches the URL, finds the 404 and drops the page
     * sooner than its next crawl would. Baidu's 普通收录 is for new and changed pages only, so it is not told.
     */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ArticleWithdrawn event) {
        if (settings.indexnow().enabled()) {
            Instant now = clock.instant();
            submissions.add(Target.INDEXNOW, site.current().baseUrl() + event.url(), now, now);
        }
    }

    private void queue(long articleId) {
        List<Target> targets = new ArrayList<>();
        if (settings.indexnow().enabled()) {
            targets.add(Target.INDEXNOW);
        }
        if (settings.baidu().enabled()) {
            targets.add(Target.BAIDU);
        }
        if (targets.isEmpty()) {
            return;
        }
        ArticleDetail article = articles.any(articleId).filter(a -> a.status() == ArticleStatus.PUBLISHED).orElse(null);
        if (article == null) {
            return;
        }
        Instant now = clock.instant();
        // An article published for later is announced when readers can see it, not before.
        Instant due = article.publishedAt().isAfter(now) ? article.publishedAt() : now;
        String url = site.current().baseUrl() + article.url();
        for (Target target : targets) {
            submissions.add(target, url, due, now);
        }
    }
}
