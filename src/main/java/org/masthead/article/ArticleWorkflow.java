package org.masthead.article;

import java.time.Clock;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves articles through the editorial workflow (docs/workflow.md): loads the article, lets the
 * aggregate ({@link Article}) check the actor and the state, writes the new state only if nobody
 * changed it meanwhile, records the audit line and announces the events, all in one transaction.
 */
@Service
public class ArticleWorkflow {

    private final WorkflowRepository workflow;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ArticleWorkflow(WorkflowRepository workflow, ApplicationEventPublisher events, Clock clock) {
        this.workflow = workflow;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Does {@code action} ({@link ArticleAction#SUBMIT} … {@link ArticleAction#REOPEN}) to the article;
     * {@code publishAt} is the time for {@link ArticleAction#SCHEDULE} and ignored otherwise.
     *
     * @return the article's state afterwards
     * @throws ArticleRefused when the article does not exist, the actor may not, or the state does not allow it
     */
    @Transactional
    public ArticleStatus apply(long id, ArticleAction action, Actor actor, Instant publishAt) {
        Article article = load(id);
        switch (action) {
            case SUBMIT -> article.submit(actor);
            case SCHEDULE -> article.schedule(actor, publishAt, clock);
            case PUBLISH -> article.publish(actor, clock);
            case UNPUBLISH -> article.unpublish(actor, clock);
            case ARCHIVE -> article.archive(actor, clock);
            case REOPEN -> article.reopen(actor);
            default -> throw new IllegalArgumentException("action: " + action.code() + " is not a workflow transition");
        }
        save(article, action, actor, action == ArticleAction.SCHEDULE ? "at " + article.publishedAt() : null);
        return article.status();
    }

    /**
     * Deletes the article with its revisions; its audit lines stay. Editors may delete any article, an
     * author only their own draft.
     */
    @Transactional
    public void delete(long id, Actor actor) {
        Article article = load(id);
        article.delete(actor, clock);
        workflow.delete(id);
        workflow.audit(clock.instant(), actor, ArticleAction.DELETE, id, article.status(), null, null);
        article.events().forEach(events::publishEvent);
    }

    /**
     * Publishes one scheduled article whose time has come, for the schedule. Returns false, changing
     * nothing, when it is no longer scheduled or not yet due (another node published it first, or an
     * editor moved it meanwhile): that is how a publication happens exactly once.
     */
    @Transactional
    boolean publishDue(long id, Actor system) {
        Article article = workflow.load(id).orElse(null);
        if (article == null || article.status() != ArticleStatus.SCHEDULED || article.publishedAt().isAfter(clock.instant())) {
            return false;
        }
        article.publishDue(system, clock);
        Instant now = clock.instant();
        if (!workflow.writeState(article, now)) {
            return false;
        }
        workflow.audit(now, system, ArticleAction.PUBLISH, id, article.loadedStatus(), article.status(), "scheduled for " + article.publishedAt());
        article.events().forEach(events::publishEvent);
        return true;
    }

    private Article load(long id) {
        return workflow.load(id).orElseThrow(() -> ArticleRefused.notFound("workflow.notFound", String.valueOf(id)));
    }

    private void save(Article article, ArticleAction action, Actor actor, String detail) {
        Instant now = clock.instant();
        if (!workflow.writeState(article, now)) {
            ArticleStatus current = workflow.load(article.id()).map(Article::status).orElse(null);
            throw current == null
                    ? ArticleRefused.notFound("workflow.notFound", String.valueOf(article.id()))
                    : ArticleRefused.conflict("workflow.changedMeanwhile", current);
        }
        workflow.audit(now, actor, action, article.id(), article.loadedStatus(), article.status(), detail);
        article.events().forEach(events::publishEvent);
    }
}
