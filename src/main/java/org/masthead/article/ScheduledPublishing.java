package org.masthead.article;

import java.time.Clock;
import java.time.Duration;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes scheduled articles when their time comes, exactly once however many nodes share the
 * database. Two things make it so:
 * <ol>
 *   <li>A ShedLock lock in the database: of the nodes that look at the same moment, one publishes and
 *       the others skip this round (cheaper on SQLite's single writer, and no node waits on another).</li>
 *   <li>Each article is published by a conditional UPDATE ({@code … WHERE status = 'scheduled'}) in its
 *       own transaction, with its event and audit line: even when a lock expired under a slow node and
 *       two nodes publish at once, only one of them changes the row, and only that one announces
 *       {@link ArticlePublished}.</li>
 * </ol>
 * Every node checks every {@code masthead.workflow.publish-check-interval} (15 s), so an article goes
 * live well within a minute of its time; a node that was down catches up on its first check.
 */
@Component
@EnableConfigurationProperties(WorkflowSettings.class)
class ScheduledPublishing {

    static final String LOCK = "article-publish-due";
    static final int BATCH = 100;
    private static final Logger log = LoggerFactory.getLogger(ScheduledPublishing.class);

    private final ArticleWorkflow workflow;
    private final WorkflowRepository articles;
    private final LockingTaskExecutor locks;
    private final TransactionTemplate transactions;
    private final WorkflowSettings settings;
    private final Clock clock;
    private final Actor system = Actor.system("schedule");

    ScheduledPublishing(ArticleWorkflow workflow, WorkflowRepository articles, LockProvider lockProvider, PlatformTransactionManager transactions,
            WorkflowSettings settings, Clock clock) {
        this.workflow = workflow;
        this.articles = articles;
        this.locks = new DefaultLockingTaskExecutor(lockProvider);
        this.transactions = new TransactionTemplate(transactions);
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${masthead.workflow.publish-check-interval:15s}", initialDelayString = "${masthead.workflow.publish-check-interval:15s}")
    void check() {
        try {
            locks.executeWithLock((Runnable) this::publishDue,
                    new LockConfiguration(ClockProvider.now(), LOCK, settings.publishLockAtMost(), Duration.ZERO));
        } catch (RuntimeException e) {
            log.error("Publishing scheduled articles failed; the next check tries again", e);
        }
    }

    /** Publishes every scheduled article whose time has come; returns how many this node published. */
    int publishDue() {
        int published = 0;
        while (true) {
            var due = articles.dueScheduled(clock.instant(), BATCH);
            int round = 0;
            for (long id : due) {
                try {
                    if (Boolean.TRUE.equals(transactions.execute(status -> workflow.publishDue(id, system)))) {
                        round++;
                    }
                } catch (RuntimeException e) {
                    // One broken article must not hold back the others due with it.
                    log.error("Publishing scheduled article {} failed; the next check tries again", id, e);
                }
            }
            published += round;
            // A full batch may have more behind it; a batch where nothing moved would only repeat itself.
            if (due.size() < BATCH || round == 0) {
                break;
            }
        }
        if (published > 0) {
            log.info("Published {} scheduled articles", published);
        }
        return published;
    }
}
