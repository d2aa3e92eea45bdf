package org.masthead.api;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.masthead.article.Actor;
import org.masthead.article.ArticleAction;
import org.masthead.article.ArticleEditing;
import org.masthead.article.ArticleLookup;
import org.masthead.article.ArticleStatus;
import org.masthead.article.ArticleWorkflow;
import org.masthead.article.SaveOutcome;
import org.masthead.api.WorkflowResponses.StateResponse;
import org.masthead.setting.SiteSettings;
import org.masthead.setting.SiteSettingsStore;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The newsroom's writes: create a draft, edit it, move it through the workflow, delete it. The acting
 * user is the authenticated principal with their authorities (ROLE_ADMIN, ROLE_EDITOR, ROLE_AUTHOR);
 * the rules are the article's own (docs/workflow.md), refusals come back as JSON in the site's language.
 */
@RestController
@RequestMapping(path = "/api/v1/articles", produces = MediaType.APPLICATION_JSON_VALUE)
class ArticleWorkflowApiController {

    /** The body of {@code POST …/schedule}: an ISO-8601 time with offset, e.g. 2026-12-01T08:00:00+08:00. */
    record ScheduleRequest(String publishAt) {}

    private final ArticleEditing editing;
    private final ArticleWorkflow workflow;
    private final ArticleLookup lookup;
    private final SiteSettingsStore settings;

    ArticleWorkflowApiController(ArticleEditing editing, ArticleWorkflow workflow, ArticleLookup lookup, SiteSettingsStore settings) {
        this.editing = editing;
        this.workflow = workflow;
        this.lookup = lookup;
        this.settings = settings;
    }

    @PostMapping(path = "/drafts", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<StateResponse> create(@RequestBody ArticleRequest request, Authentication auth, HttpServletRequest http) {
        long id = editing.createDraft(request.toDraft(), actor(auth, http));
        return ResponseEntity.status(HttpStatus.CREATED).body(state(id, "created"));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    StateResponse update(@PathVariable long id, @RequestBody ArticleRequest request, Authentication auth, HttpServletRequest http) {
        SaveOutcome outcome = editing.update(id, request.toDraft(), actor(auth, http));
        return state(id, outcome.kind().name().toLowerCase(java.util.Locale.ROOT));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id, Authentication auth, HttpServletRequest http) {
        workflow.delete(id, actor(auth, http));
        return ResponseEntity.noContent().build();
    }

    /** submit, schedule (body {@link ScheduleRequest}), publish, unpublish, archive, reopen (back to draft). */
    @PostMapping("/{id}/{transition:submit|schedule|publish|unpublish|archive|reopen}")
    StateResponse transition(@PathVariable long id, @PathVariable String transition, @RequestBody(required = false) ScheduleRequest body,
            Authentication auth, HttpServletRequest http) {
        ArticleAction action = ArticleAction.fromCode(transition);
        Instant publishAt = action == ArticleAction.SCHEDULE && body != null ? parseTime(body.publishAt()) : null;
        ArticleStatus status = workflow.apply(id, action, actor(auth, http), publishAt);
        return state(id, status.code());
    }

    static Instant parseTime(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("publishAt: not a time with offset such as 2026-12-01T08:00:00+08:00: '" + text + "'");
        }
    }

    /** The acting user from Spring Security: name, authorities and the address the request came from. */
    static Actor actor(Authentication auth, HttpServletRequest http) {
        if (auth == null || !auth.isAuthenticated()) {
            throw new org.springframework.security.authentication.AuthenticationCredentialsNotFoundException("authentication required");
        }
        return Actor.of(auth.getName(), auth.getAuthorities().stream().map(a -> a.getAuthority()).toList(), http.getRemoteAddr());
    }

    private StateResponse state(long id, String outcome) {
        SiteSettings s = settings.current();
        return lookup.any(id)
                .map(a -> new StateResponse(id, a.status().code(), a.publishedAt().atZone(s.timeZone()).toOffsetDateTime(), s.baseUrl() + a.url(), outcome))
                .orElseGet(() -> new StateResponse(id, null, null, null, outcome));
    }

    static Map<String, Object> error(int status, String message, String code) {
        return code == null ? Map.of("status", status, "error", message) : Map.of("status", status, "error", message, "code", code);
    }
}
