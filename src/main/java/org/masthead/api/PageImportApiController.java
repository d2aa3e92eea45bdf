package org.masthead.api;

import java.util.Map;
import org.masthead.ingest.PageImport;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/admin/import-url {"url": "https://…", "source": "optional publisher name"}}:
 * fetches the page and stores its article. 201 when created, 200 when it updated or already had it,
 * 422 with the reason when the page could not be fetched or holds no article.
 */
@RestController
@RequestMapping(path = "/api/v1/admin", produces = MediaType.APPLICATION_JSON_VALUE)
class PageImportApiController {

    record ImportUrlRequest(String url, String source) {}

    private final PageImport pages;

    PageImportApiController(PageImport pages) {
        this.pages = pages;
    }

    @PostMapping(path = "/import-url", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PageImport.Result> importUrl(@RequestBody(required = false) ImportUrlRequest request) {
        if (request == null || request.url() == null || request.url().isBlank()) {
            return ResponseEntity.badRequest().body(new PageImport.Result("error", null, null, null, "url: is required, e.g. {\"url\": \"https://…\"}"));
        }
        PageImport.Result result = pages.importUrl(request.url(), request.source());
        HttpStatus status = switch (result.status()) {
            case "created" -> HttpStatus.CREATED;
            case "error" -> result.error() != null && result.error().startsWith("url:") ? HttpStatus.BAD_REQUEST : HttpStatus.UNPROCESSABLE_CONTENT;
            default -> HttpStatus.OK;
        };
        return ResponseEntity.status(status).body(result);
    }

    @ExceptionHandler(org.springframework.http.converter.HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(Exception e) {
        return ResponseEntity.badRequest().body(Map.of("status", 400, "error", "json: expected {\"url\": \"https://…\"}"));
    }
}
