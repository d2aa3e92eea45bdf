package org.masthead.api;

import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneId;
import org.masthead.article.ArticleAudit;
import org.masthead.article.ArticleRevisions;
import org.masthead.article.SaveOutcome;
import org.masthead.api.WorkflowResponses.AuditItem;
import org.masthead.api.WorkflowResponses.AuditList;
import org.masthead.api.WorkflowResponses.DiffResponse;
import org.masthead.api.WorkflowResponses.RevisionItem;
import org.masthead.api.WorkflowResponses.RevisionList;
import org.masthead.api.WorkflowResponses.RevisionResponse;
import org.masthead.setting.SiteSettingsStore;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** An article's revisions (list, one, diff, restore) and the audit log, for the newsroom only. */
@RestController
@org.springframework.web.bind.annotation.RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class ArticleHistoryApiController {

    private final ArticleRevisions revisions;
    private final ArticleAudit audit;
    private final SiteSettingsStore settings;

    ArticleHistoryApiController(ArticleRevisions revisions, ArticleAudit audit, SiteSettingsStore settings) {
        this.revisions = revisions;
        this.audit = audit;
        this.settings = settings;
    }

    @GetMapping("/articles/{id}/revisions")
    RevisionList list(@PathVariable long id, Authentication auth, HttpServletRequest http) {
        ZoneId zone = zone();
        return new RevisionList(id, revisions.list(id, ArticleWorkflowApiController.actor(auth, http)).stream().map(r -> RevisionItem.of(r, zone)).toList());
    }

    @GetMapping("/articles/{id}/revisions/{number}")
    RevisionResponse one(@PathVariable long id, @PathVariable int number, Authentication auth, HttpServletRequest http) {
        return RevisionResponse.of(revisions.get(id, number, ArticleWorkflowApiController.actor(auth, http)), zone());
    }

    /** {@code ?from=1&to=2}: what changed from one revision to the other. */
    @GetMapping("/articles/{id}/revisions/diff")
    DiffResponse diff(@PathVariable long id, @RequestParam int from, @RequestParam int to, Authentication auth, HttpServletRequest http) {
        return DiffResponse.of(revisions.diff(id, from, to, ArticleWorkflowApiController.actor(auth, http)));
    }

    @PostMapping("/articles/{id}/revisions/{number}/restore")
    WorkflowResponses.StateResponse restore(@PathVariable long id, @PathVariable int number, Authentication auth, HttpServletRequest http) {
        SaveOutcome outcome = revisions.restore(id, number, ArticleWorkflowApiController.actor(auth, http));
        return new WorkflowResponses.StateResponse(id, null, null, settings.current().baseUrl() + outcome.url(),
                outcome.kind().name().toLowerCase(java.util.Locale.ROOT));
    }

    @GetMapping("/articles/{id}/audit")
    AuditList ofArticle(@PathVariable long id, @RequestParam(defaultValue = "50") int limit, Authentication auth, HttpServletRequest http) {
        ZoneId zone = zone();
        return new AuditList(audit.ofArticle(id, limit, ArticleWorkflowApiController.actor(auth, http)).stream().map(e -> AuditItem.of(e, zone)).toList());
    }

    /** The newest lines over all articles (editors and admins). */
    @GetMapping("/audit")
    AuditList latest(@RequestParam(defaultValue = "50") int limit, Authentication auth, HttpServletRequest http) {
        ZoneId zone = zone();
        return new AuditList(audit.latest(limit, ArticleWorkflowApiController.actor(auth, http)).stream().map(e -> AuditItem.of(e, zone)).toList());
    }

    private ZoneId zone() {
        return settings.current().timeZone();
    }
}
