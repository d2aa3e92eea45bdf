package org.masthead.api;

import java.util.Map;
import org.masthead.search.SearchUnavailableException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The JSON errors of the search endpoints, public and admin: a bad parameter is a 400 naming it, never a 500. */
@RestControllerAdvice(assignableTypes = {SearchApiController.class, SearchAdminApiController.class})
class SearchErrors {

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, Object>> badArgument(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(Map.of("status", 400, "error", e.getMessage()));
    }

    /**
     * Jetty refuses to decode a query string with broken percent-encoding (e.g. {@code %C0%AE}, an
     * overlong UTF-8 dot) when the parameters are first read, which is while this controller's
     * arguments are resolved: a bad request, not a failure of ours.
     */
    @ExceptionHandler(org.eclipse.jetty.http.BadMessageException.class)
    ResponseEntity<Map<String, Object>> undecodable(org.eclipse.jetty.http.BadMessageException e) {
        return ResponseEntity.badRequest().body(Map.of("status", 400, "error", "q: the query string is not valid UTF-8 percent-encoding"));
    }

    @ExceptionHandler(SearchUnavailableException.class)
    ResponseEntity<Map<String, Object>> unavailable(SearchUnavailableException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("status", 503, "error", e.getMessage()));
    }
}
