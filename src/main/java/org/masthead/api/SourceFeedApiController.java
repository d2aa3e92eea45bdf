package org.masthead.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.masthead.ingest.FeedHealth;
import org.masthead.ingest.FeedPolling;
import org.masthead.ingest.PollReport;
import org.masthead.source.SourceFeed;
import org.masthead.source.SourceFeeds;
import org.masthead.source.Sources;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/admin/sources/{id}/feeds}: the feeds of a source with their health, adding one,
 * and polling one now. Admins only (SecurityConfiguration guards /api/v1/admin/**).
 */
@RestController
@RequestMapping(path = "/api/v1/admin", produces = MediaType.APPLICATION_JSON_VALUE)
class SourceFeedApiController {

    /** {@code pollMinutes} defaults to 30. */
    record FeedRequest(String url, Integer pollMinutes) {}

    record FeedListResponse(long sourceId, String sourceName, List<FeedHealth.View> feeds) {}

    private final SourceFeeds feeds;
    private final Sources sources;
    private final FeedHealth health;
    private final FeedPolling polling;

    SourceFeedApiController(SourceFeeds feeds, Sources sources, FeedHealth health, FeedPolling polling) {
        this.feeds = feeds;
        this.sources = sources;
        this.health = health;
        this.polling = polling;
    }

    @GetMapping("/sources/{id}/feeds")
    ResponseEntity<?> list(@PathVariable long id) {
        return sources.byId(id)
                .<ResponseEntity<?>>map(source -> ResponseEntity.ok(new FeedListResponse(id, source.name(), health.ofSource(id))))
                .orElseGet(() -> notFound("no source " + id));
    }

    @PostMapping(path = "/sources/{id}/feeds", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> add(@PathVariable long id, @RequestBody(required = false) FeedRequest request) {
        if (sources.byId(id).isEmpty()) {
            return notFound("no source " + id);
        }
        if (request == null) {
            throw new IllegalArgumentException("body: expected {\"url\": \"https://…\", \"pollMinutes\": 30}");
        }
        SourceFeed feed = feeds.add(id, request.url(), Duration.ofMinutes(request.pollMinutes() == null ? 30 : request.pollMinutes()));
        return ResponseEntity.status(HttpStatus.CREATED).body(feed);
    }

    @PostMapping("/feeds/{feedId}/poll")
    ResponseEntity<?> pollNow(@PathVariable long feedId) {
        if (feeds.byId(feedId).isEmpty()) {
            return notFound("no feed " + feedId);
        }
        PollReport report = polling.pollNow(feedId);
        return ResponseEntity.status("busy".equals(report.status()) ? HttpStatus.CONFLICT : HttpStatus.OK).body(report);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, Object>> badRequest(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(Map.of("status", 400, "error", e.getMessage()));
    }

    @ExceptionHandler({org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class,
        org.springframework.http.converter.HttpMessageNotReadableException.class})
    ResponseEntity<Map<String, Object>> unreadable(Exception e) {
        return ResponseEntity.badRequest().body(Map.of("status", 400, "error", "request: not understood (" + e.getClass().getSimpleName() + ")"));
    }

    private static ResponseEntity<?> notFound(String message) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("status", 404, "error", message));
    }
}
