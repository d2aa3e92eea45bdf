package org.masthead.api;

import java.util.List;
import java.util.Map;
import org.masthead.article.ArticleDetail;
import org.masthead.ingest.enrichment.ArticleInsights;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/admin/articles/…}: what text analysis found, for editors (admins only, see SecurityConfiguration). */
@RestController
@RequestMapping(path = "/api/v1/admin/articles", produces = MediaType.APPLICATION_JSON_VALUE)
class SuggestionApiController {

    private final ArticleInsights insights;

    SuggestionApiController(ArticleInsights insights) {
        this.insights = insights;
    }

    /** Suggested tags, extractive summary, story cluster and quality verdict of one article. */
    @GetMapping("/{id:\\d{1,18}}/suggestions")
    ResponseEntity<?> suggestions(@PathVariable long id) {
        return insights.of(id)
                .<ResponseEntity<?>>map(i -> ResponseEntity.ok(SuggestionResponse.of(i,
                        insights.alsoReported(id, 20).stream().map(ArticleDetail::id).toList())))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .body(Map.of("status", 404, "error", "no analysed article " + id)));
    }

    /** Ids of the articles flagged as likely advertising or content-farm filler, newest first. */
    @GetMapping("/flagged")
    Map<String, List<Long>> flagged(@RequestParam(defaultValue = "100") int limit) {
        return Map.of("articleIds", insights.flagged(limit));
    }
}
