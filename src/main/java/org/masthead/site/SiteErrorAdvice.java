package org.masthead.site;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Missing addresses and failures answered as real pages of the site (404 and 500), with the site's
 * navigation, so a reader who mistyped a link can go on reading.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class SiteErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(SiteErrorAdvice.class);
    private final SiteLayouts layouts;
    private final PageHeads heads;

    SiteErrorAdvice(SiteLayouts layouts, PageHeads heads) {
        this.layouts = layouts;
        this.heads = heads;
    }

    @ExceptionHandler({NotFound.class, NoResourceFoundException.class, MethodArgumentTypeMismatchException.class})
    Object notFound(HttpServletRequest request, HttpServletResponse response) {
        if (request.getRequestURI().startsWith("/api/")) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("status", 404, "error", "no such resource: " + request.getRequestURI()));
        }
        // A missing page may be cached briefly like any page; an article that appears later shows within a minute.
        response.setHeader(HttpHeaders.CACHE_CONTROL, ReaderPageCaching.PAGE_CACHE_CONTROL);
        return page(HttpStatus.NOT_FOUND, "error.notFound.heading", "error.notFound.message");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> methodNotAllowed(HttpRequestMethodNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("status", 405, "error", e.getMessage()));
    }

    @ExceptionHandler(Exception.class)
    Object failure(Exception e, HttpServletRequest request, HttpServletResponse response) throws Exception {
        if (e instanceof org.springframework.web.ErrorResponse || e instanceof org.springframework.security.access.AccessDeniedException
                || e instanceof org.springframework.security.core.AuthenticationException) {
            throw e; // answered by Spring MVC / Spring Security with their own status codes
        }
        log.error("Failure serving {}", request.getRequestURI(), e);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        if (request.getRequestURI().startsWith("/api/")) {
            return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("status", 500, "error", "internal error; the failure was logged"));
        }
        return page(HttpStatus.INTERNAL_SERVER_ERROR, "error.failure.heading", "error.failure.message");
    }

    private ModelAndView page(HttpStatus status, String headingKey, String messageKey) {
        var msg = layouts.messages();
        String heading = msg.get(headingKey);
        ErrorPage page = new ErrorPage(layouts.layout(heads.error(heading), null), status.value(), heading, msg.get(messageKey));
        ModelAndView view = new ModelAndView("site/error", Map.of("page", page));
        view.setStatus(status);
        return view;
    }
}
