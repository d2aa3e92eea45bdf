package org.masthead.api;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.masthead.ingest.FeedHealth;
import org.masthead.ingest.FeedPolling;
import org.masthead.ingest.IngestEvent;
import org.masthead.ingest.IngestEvents;
import org.masthead.ingest.SourcePollOutcome;
import org.masthead.platform.PageSlice;
import org.masthead.source.SourceDirectory;
import org.masthead.source.SourceProfile;
import org.masthead.source.SourceRefused;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/sources}: sources (来源) with their health, their first feed, "poll now" and the
 * ingest event log. Reading is for editors ({@code articles:edit-any}), changing for
 * {@code taxonomy:write} (SecurityConfiguration). Deleting a source removes its feeds and keeps its
 * articles, still credited to it (docs/ingest.md, "Managing sources").
 */
@RestController
@RequestMapping(path = "/api/v1/sources", produces = MediaType.APPLICATION_JSON_VALUE)
class SourceApiController {

    /** {@code pollMinutes} (1 to 10080) applies to {@code feedUrl} and defaults to 30. */
    record SourceRequest(String name, String homepage, String logoUrl, String feedUrl, Integer pollMinutes) {}

    record SourceResponse(long id, String name, String homepage, String logoUrl, String url, FeedHealth.SourceView health) {}

    record SourceListResponse(List<SourceResponse> sources) {}

    record DeletedResponse(long id, String name, boolean deleted, int feedsRemoved, long articlesKept, String note) {}

    record EventListResponse(long sourceId, int page, int size, long total, int totalPages, List<IngestEvent> events) {}

    private final SourceDirectory directory;
    private final FeedHealth health;
    private final FeedPolling polling;
    private final IngestEvents events;
    private final MessageSource messages;

    SourceApiController(SourceDirectory directory, FeedHealth health, FeedPolling polling, IngestEvents events, MessageSource messages) {
        this.directory = directory;
        this.health = health;
        this.polling = polling;
        this.events = events;
        this.messages = messages;
    }

    @GetMapping
    SourceListResponse list() {
        return new SourceListResponse(directory.list().stream().map(this::response).toList());
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<SourceResponse> create(@RequestBody(required = false) SourceRequest request) {
        SourceRequest r = required(request);
        SourceProfile created = directory.create(new SourceDirectory.Fields(r.name(), r.homepage(), r.logoUrl()), r.feedUrl(), interval(r.pollMinutes()));
        return ResponseEntity.created(URI.create("/api/v1/sources/" + created.id())).body(response(created));
    }

    @GetMapping("/{id}")
    SourceResponse one(@PathVariable long id) {
        return response(directory.byId(id).orElseThrow(() -> SourceRefused.notFound(id)));
    }

    /** Replaces name, homepage and logo: a field left out is cleared (the name is required). */
    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    SourceResponse replace(@PathVariable long id, @RequestBody(required = false) SourceRequest request) {
        SourceRequest r = required(request);
        return response(directory.update(id, new SourceDirectory.Fields(r.name(), r.homepage(), r.logoUrl()), r.feedUrl(), interval(r.pollMinutes())));
    }

    /** Changes only the fields given; {@code null} clears homepage or logo. */
    @PatchMapping(path = "/{id}", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    SourceResponse patch(@PathVariable long id, @RequestBody(required = false) JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException("body: expected a JSON object with any of name, homepage, logoUrl, feedUrl, pollMinutes");
        }
        SourceProfile current = directory.byId(id).orElseThrow(() -> SourceRefused.notFound(id));
        String name = body.has("name") ? JsonFields.text(body, "name") : current.name();
        String homepage = body.has("homepage") ? JsonFields.text(body, "homepage") : current.homepage();
        String logo = body.has("logoUrl") ? JsonFields.text(body, "logoUrl") : current.logoUrl();
        Integer minutes = body.has("pollMinutes") && body.get("pollMinutes").isIntegralNumber() ? body.get("pollMinutes").asInt() : null;
        if (body.has("pollMinutes") && minutes == null && !body.get("pollMinutes").isNull()) {
            throw new IllegalArgumentException("pollMinutes: must be a whole number of minutes");
        }
        return response(directory.update(id, new SourceDirectory.Fields(name, homepage, logo), JsonFields.text(body, "feedUrl"), interval(minutes)));
    }

    @DeleteMapping("/{id}")
    DeletedResponse delete(@PathVariable long id) {
        SourceDirectory.Retired retired = directory.retire(id);
        String note = messages.getMessage("source.deleted", new Object[] {retired.source().name(), retired.feedsRemoved(), retired.articlesKept()},
                LocaleContextHolder.getLocale());
        return new DeletedResponse(id, retired.source().name(), true, retired.feedsRemoved(), retired.articlesKept(), note);
    }

    @GetMapping("/{id}/health")
    FeedHealth.SourceView health(@PathVariable long id) {
        directory.byId(id).orElseThrow(() -> SourceRefused.notFound(id));
        return health.ofSourceSummed(id);
    }

    /**
     * Polls every feed of the source now and answers what happened: 200 when done, 202 when the
     * timeout came first (the poll goes on; see the event log), 409 when another node is polling all
     * of them at this moment or the source has no feed.
     */
    @PostMapping("/{id}/poll")
    ResponseEntity<?> poll(@PathVariable long id) {
        directory.byId(id).orElseThrow(() -> SourceRefused.notFound(id));
        SourcePollOutcome outcome;
        try {
            outcome = polling.pollSource(id);
        } catch (IllegalArgumentException e) {
            return ApiErrorBody.of(HttpStatus.CONFLICT, messages.getMessage("source.error.noFeeds", new Object[] {String.valueOf(id)}, LocaleContextHolder.getLocale()), "source.error.noFeeds");
        }
        HttpStatus status = !outcome.status().equals("done") ? HttpStatus.ACCEPTED
                : outcome.busy() == outcome.feeds().size() ? HttpStatus.CONFLICT : HttpStatus.OK;
        return ResponseEntity.status(status).body(outcome);
    }

    @GetMapping("/{id}/events")
    EventListResponse events(@PathVariable long id, @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "50") int size) {
        directory.byId(id).orElseThrow(() -> SourceRefused.notFound(id));
        if (page < 1 || size < 1 || size > 200) {
            throw new IllegalArgumentException("page: from 1; size: 1 to 200");
        }
        PageSlice<IngestEvent> slice = events.ofSource(id, page, size);
        return new EventListResponse(id, slice.page(), slice.size(), slice.total(), slice.totalPages(), slice.items());
    }

    private SourceResponse response(SourceProfile s) {
        return new SourceResponse(s.id(), s.name(), s.homepage(), s.logoUrl(), s.url(), health.ofSourceSummed(s.id()));
    }

    private static SourceRequest required(SourceRequest request) {
        if (request == null) {
            throw new IllegalArgumentException("body: expected {\"name\": …, \"homepage\": \"https://…\", \"feedUrl\": \"https://…\"}");
        }
        return request;
    }

    private static Duration interval(Integer minutes) {
        return Duration.ofMinutes(minutes == null ? 30 : minutes);
    }


    @ExceptionHandler(SourceRefused.class)
    ResponseEntity<Map<String, Object>> refused(SourceRefused e) {
        HttpStatus status = switch (e.reason()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.BAD_REQUEST;
        };
        return ApiErrorBody.of(status, e.message(messages, LocaleContextHolder.getLocale()), e.key());
    }


}
