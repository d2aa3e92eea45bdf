package org.masthead.article;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.masthead.platform.PageSlice;
import org.masthead.source.Source;
import org.springframework.stereotype.Service;

/**
 * The newsroom's desk in the back office: lists of articles in every state, counts, what is scheduled
 * next, recent activity, and one article opened for editing with the actions its rules allow. Authors
 * see only the articles they created, everywhere here.
 */
@Service
public class ArticleDesk {

    /** Largest page of the article list. */
    public static final int MAX_PAGE_SIZE = 200;

    private static final List<ArticleAction> ACTIONS = List.of(ArticleAction.SUBMIT, ArticleAction.SCHEDULE, ArticleAction.PUBLISH,
            ArticleAction.UNPUBLISH, ArticleAction.ARCHIVE, ArticleAction.REOPEN, ArticleAction.DELETE);

    private final DeskRepository desk;
    private final WorkflowRepository workflow;
    private final ArticleRepository articles;
    private final Clock clock;

    ArticleDesk(DeskRepository desk, WorkflowRepository workflow, ArticleRepository articles, Clock clock) {
        this.desk = desk;
        this.workflow = workflow;
        this.articles = articles;
        this.clock = clock;
    }

    /** Newest publish time first. An author's list holds only their own articles, whatever the query. */
    public PageSlice<DeskRow> list(DeskQuery query, Actor actor, int page, int size) {
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("size: must be between 1 and " + MAX_PAGE_SIZE);
        }
        return desk.rows(query, owner(actor), Math.max(1, page), size);
    }

    /** How many articles are in each state (all of them, for an author their own); every state is present. */
    public Map<ArticleStatus, Long> counts(Actor actor) {
        return desk.counts(owner(actor));
    }

    /** Scheduled articles, the soonest first. */
    public List<DeskRow> scheduledNext(Actor actor, int limit) {
        return desk.scheduled(owner(actor), Math.clamp(limit, 1, MAX_PAGE_SIZE));
    }

    /**
     * The newest audit lines, newest first: over all articles for editors, for an author those of their
     * own articles and their own acts.
     */
    public List<DeskActivity> activity(Actor actor, int limit) {
        int n = Math.clamp(limit, 1, ArticleAudit.MAX_LINES);
        List<AuditEntry> lines = owner(actor) == null ? workflow.auditEntries(null, n) : desk.auditOf(actor.name(), n);
        Map<Long, String> titles = desk.titles(lines.stream().map(AuditEntry::articleId).toList());
        return lines.stream().map(line -> new DeskActivity(line, titles.get(line.articleId()))).toList();
    }

    /**
     * One article for the editor, with its content and what this actor may do to it.
     *
     * @throws ArticleRefused when there is no such article (404) or it is another author's (403)
     */
    public DeskArticle open(long id, Actor actor) {
        Article article = workflow.load(id).orElseThrow(() -> ArticleRefused.notFound("workflow.notFound", String.valueOf(id)));
        article.checkReadableBy(actor);
        ArticleDetail detail = articles.detail(id).orElseThrow(() -> ArticleRefused.notFound("workflow.notFound", String.valueOf(id)));
        ArticleDraft content = new ArticleDraft(detail.title(), detail.subtitle(), detail.bodyHtml(), detail.summary(), detail.publishedAt(),
                detail.originalUrl(), detail.source() == null ? null : detail.source().name(), detail.source() == null ? null : detail.source().homepage(),
                detail.authors(), detail.channel() == null ? null : detail.channel().name(), detail.tags().stream().map(t -> t.name()).toList(),
                detail.coverImage(), detail.figures());
        return new DeskArticle(detail, content, article.createdBy(), allowed(id, actor), editable(article, actor));
    }

    /** Existing tag names that start with {@code prefix} (any case), the most used first, for autocompletion. */
    public List<String> tagNames(String prefix, int limit) {
        return desk.tagNames(prefix == null ? "" : prefix.strip(), Math.clamp(limit, 1, 500));
    }

    /** Every source, by name: the choices of the list's source filter. */
    public List<Source> sources() {
        return desk.sources();
    }

    /** The author's own name when the actor is an author (whose views are limited to their articles), else null. */
    private static String owner(Actor actor) {
        return actor.role() == Actor.Role.AUTHOR ? actor.name() : null;
    }

    /**
     * Tries each action on a fresh copy of the article, so the rules of {@link Article} alone decide
     * which buttons the editor shows; an action refused only for bad input (an empty body) stays, so
     * pressing it explains what is missing.
     */
    private Set<ArticleAction> allowed(long id, Actor actor) {
        Set<ArticleAction> allowed = EnumSet.noneOf(ArticleAction.class);
        for (ArticleAction action : ACTIONS) {
            Article copy = workflow.load(id).orElse(null);
            if (copy == null) {
                break;
            }
            try {
                switch (action) {
                    case SUBMIT -> copy.submit(actor);
                    case SCHEDULE -> copy.schedule(actor, clock.instant().plusSeconds(3600), clock);
                    case PUBLISH -> copy.publish(actor, clock);
                    case UNPUBLISH -> copy.unpublish(actor, clock);
                    case ARCHIVE -> copy.archive(actor, clock);
                    case REOPEN -> copy.reopen(actor);
                    case DELETE -> copy.delete(actor, clock);
                    default -> throw new IllegalStateException(action.code());
                }
                allowed.add(action);
            } catch (ArticleRefused refused) {
                if (refused.reason() == ArticleRefused.Reason.INVALID) {
                    allowed.add(action);
                }
            }
        }
        return allowed;
    }

    private static boolean editable(Article article, Actor actor) {
        try {
            article.checkEditableBy(actor);
            return true;
        } catch (ArticleRefused refused) {
            return false;
        }
    }
}
