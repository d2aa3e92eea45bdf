package org.masthead.article;

import java.util.List;
import org.springframework.stereotype.Service;

/** Reads the audit log: who did what to which article, when, from where. Lines are written by the changes themselves. */
@Service
public class ArticleAudit {

    /** Most lines one read returns. */
    public static final int MAX_LINES = 500;

    private final WorkflowRepository workflow;

    ArticleAudit(WorkflowRepository workflow) {
        this.workflow = workflow;
    }

    /** The newest {@code limit} lines over all articles. Editors and admins only: it names everyone. */
    public List<AuditEntry> latest(int limit, Actor actor) {
        if (!actor.role().edits()) {
            throw ArticleRefused.forbidden("audit.editorsOnly");
        }
        return workflow.auditEntries(null, clamp(limit));
    }

    /**
     * The newest {@code limit} lines of one article, which may have been deleted since (its lines stay).
     * Authors may read those of their own articles.
     */
    public List<AuditEntry> ofArticle(long articleId, int limit, Actor actor) {
        if (!actor.role().edits() && actor.role() != Actor.Role.SYSTEM) {
            workflow.load(articleId).orElseThrow(() -> ArticleRefused.notFound("workflow.notFound", String.valueOf(articleId))).checkReadableBy(actor);
        }
        return workflow.auditEntries(articleId, clamp(limit));
    }

    private static int clamp(int limit) {
        if (limit < 1 || limit > MAX_LINES) {
            throw new IllegalArgumentException("limit: must be between 1 and " + MAX_LINES);
        }
        return limit;
    }
}
