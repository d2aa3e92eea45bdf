package org.masthead.article;

import static org.masthead.article.ArticleStatus.ARCHIVED;
import static org.masthead.article.ArticleStatus.DRAFT;
import static org.masthead.article.ArticleStatus.PUBLISHED;
import static org.masthead.article.ArticleStatus.REVIEW;
import static org.masthead.article.ArticleStatus.SCHEDULED;
import static org.masthead.article.ArticleStatus.UNPUBLISHED;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The article as the workflow sees it: its state, who created it, its publish time, whether it has a
 * body. Every state change goes through a method here that checks the actor's role and the current
 * state, changes the state and records the event to announce; the table is in docs/workflow.md.
 *
 * <p>Nothing here touches the database: {@link ArticleWorkflow} loads it, calls one method, and writes
 * the new state only if the row still holds the state it was loaded with.
 */
final class Article {

    private final long id;
    private final String createdBy;
    private final boolean hasBody;
    private final ArticleStatus loadedStatus;
    private ArticleStatus status;
    private Instant publishedAt;
    private final List<Object> events = new ArrayList<>();

    Article(long id, ArticleStatus status, String createdBy, Instant publishedAt, boolean hasBody) {
        this.id = id;
        this.loadedStatus = status;
        this.status = status;
        this.createdBy = createdBy;
        this.publishedAt = publishedAt;
        this.hasBody = hasBody;
    }

    long id() {
        return id;
    }

    ArticleStatus status() {
        return status;
    }

    /** The state it was loaded in: the write succeeds only if the row still has it. */
    ArticleStatus loadedStatus() {
        return loadedStatus;
    }

    Instant publishedAt() {
        return publishedAt;
    }

    String createdBy() {
        return createdBy;
    }

    /** Events to publish once the new state is written. */
    List<Object> events() {
        return List.copyOf(events);
    }

    // ---- transitions

    /** draft → in review: the author hands it to the editors. */
    void submit(Actor actor) {
        requireNewsroom(actor, ArticleAction.SUBMIT);
        requireOwnIfAuthor(actor);
        requireFrom(ArticleAction.SUBMIT, EnumSet.of(DRAFT));
        requireBody(ArticleAction.SUBMIT);
        status = REVIEW;
    }

    /**
     * draft, in review or scheduled → scheduled for {@code at}, which must be in the future. A withdrawn
     * article goes back to draft first, so nothing taken off the site returns by a timer by accident.
     */
    void schedule(Actor actor, Instant at, Clock clock) {
        requireEditor(actor, ArticleAction.SCHEDULE);
        if (status == UNPUBLISHED || status == ARCHIVED) {
            throw ArticleRefused.conflict("workflow.withdrawnNeedsDraft", status);
        }
        requireFrom(ArticleAction.SCHEDULE, EnumSet.of(DRAFT, REVIEW, SCHEDULED));
        requireBody(ArticleAction.SCHEDULE);
        if (at == null) {
            throw ArticleRefused.invalid("workflow.scheduleNeedsTime");
        }
        Instant now = clock.instant();
        if (!at.isAfter(now)) {
            throw ArticleRefused.invalid("workflow.scheduleInPast", at.toString(), now.toString());
        }
        status = SCHEDULED;
        // Stored as epoch milliseconds: keep no more precision than the database will hold.
        publishedAt = at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    /**
     * draft, in review, scheduled or unpublished → published now. An unpublished article keeps its
     * first publish time (it returns to its place in the lists); the others get the present.
     */
    void publish(Actor actor, Clock clock) {
        requireEditor(actor, ArticleAction.PUBLISH);
        requireFrom(ArticleAction.PUBLISH, EnumSet.of(DRAFT, REVIEW, SCHEDULED, UNPUBLISHED));
        requireBody(ArticleAction.PUBLISH);
        Instant now = clock.instant();
        if (status != UNPUBLISHED) {
            publishedAt = now;
        }
        status = PUBLISHED;
        events.add(new ArticlePublished(id, now));
    }

    /** scheduled → published by the schedule once its time has come; it keeps the scheduled time. */
    void publishDue(Actor actor, Clock clock) {
        if (actor.role() != Actor.Role.SYSTEM) {
            throw ArticleRefused.forbidden("workflow.systemOnly", ArticleAction.PUBLISH);
        }
        requireFrom(ArticleAction.PUBLISH, EnumSet.of(SCHEDULED));
        Instant now = clock.instant();
        if (publishedAt.isAfter(now)) {
            throw ArticleRefused.conflict("workflow.notDueYet", publishedAt.toString());
        }
        status = PUBLISHED;
        events.add(new ArticlePublished(id, now));
    }

    /** published → unpublished: off the site, kept for the editors. */
    void unpublish(Actor actor, Clock clock) {
        requireEditor(actor, ArticleAction.UNPUBLISH);
        requireFrom(ArticleAction.UNPUBLISH, EnumSet.of(PUBLISHED));
        status = UNPUBLISHED;
        events.add(new ArticleWithdrawn(id, clock.instant()));
    }

    /**
     * published or unpublished → archived; also in review → archived, which is how an editor rejects
     * an article held for review (a flagged feed item) while keeping it on record.
     */
    void archive(Actor actor, Clock clock) {
        requireEditor(actor, ArticleAction.ARCHIVE);
        requireFrom(ArticleAction.ARCHIVE, EnumSet.of(REVIEW, PUBLISHED, UNPUBLISHED));
        status = ARCHIVED;
        events.add(new ArticleWithdrawn(id, clock.instant()));
    }

    /**
     * Back to draft: an author may take back their own article from review; editors may also cancel a
     * schedule and reopen a withdrawn article.
     */
    void reopen(Actor actor) {
        requireNewsroom(actor, ArticleAction.REOPEN);
        requireOwnIfAuthor(actor);
        if (actor.role() == Actor.Role.AUTHOR && status != REVIEW && status != DRAFT) {
            throw ArticleRefused.forbidden("workflow.authorCannot", ArticleAction.REOPEN, status);
        }
        requireFrom(ArticleAction.REOPEN, EnumSet.of(REVIEW, SCHEDULED, UNPUBLISHED, ARCHIVED));
        status = DRAFT;
    }

    /** Editors may delete any article; an author only their own draft. */
    void delete(Actor actor, Clock clock) {
        requireNewsroom(actor, ArticleAction.DELETE);
        requireOwnIfAuthor(actor);
        if (actor.role() == Actor.Role.AUTHOR && status != DRAFT) {
            throw ArticleRefused.forbidden("workflow.authorCannot", ArticleAction.DELETE, status);
        }
        events.add(new ArticleWithdrawn(id, clock.instant()));
    }

    // ---- other guards

    /** Editing the content: editors any article, authors their own while it is a draft or in review. */
    void checkEditableBy(Actor actor) {
        if (actor.role() == Actor.Role.SYSTEM) {
            return;
        }
        requireOwnIfAuthor(actor);
        if (actor.role() == Actor.Role.AUTHOR && status != DRAFT && status != REVIEW) {
            throw ArticleRefused.forbidden("workflow.authorCannot", ArticleAction.UPDATE, status);
        }
    }

    /** Reading revisions and the audit of one article: editors any, authors their own. */
    void checkReadableBy(Actor actor) {
        if (actor.role() != Actor.Role.SYSTEM) {
            requireOwnIfAuthor(actor);
        }
    }

    private static void requireNewsroom(Actor actor, ArticleAction action) {
        if (actor.role() == Actor.Role.SYSTEM) {
            throw ArticleRefused.forbidden("workflow.systemOnly", action);
        }
    }

    private static void requireEditor(Actor actor, ArticleAction action) {
        if (actor.role() == Actor.Role.AUTHOR) {
            throw ArticleRefused.forbidden(action == ArticleAction.PUBLISH ? "workflow.authorCannotPublish" : "workflow.authorCannotDo", action);
        }
        if (!actor.role().edits()) {
            throw ArticleRefused.forbidden("workflow.systemOnly", action);
        }
    }

    private void requireOwnIfAuthor(Actor actor) {
        if (actor.role() == Actor.Role.AUTHOR && !actor.name().equals(createdBy)) {
            throw ArticleRefused.forbidden("workflow.notOwner");
        }
    }

    private void requireFrom(ArticleAction action, Set<ArticleStatus> from) {
        if (!from.contains(status)) {
            throw ArticleRefused.conflict("workflow.notFrom", status, action, List.copyOf(from));
        }
    }

    private void requireBody(ArticleAction action) {
        if (!hasBody) {
            throw ArticleRefused.invalid("workflow.emptyBody", action);
        }
    }
}
