package org.masthead.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.masthead.article.ArticleFlag;
import org.masthead.article.ArticleFlags;
import org.masthead.article.ArticleRefused;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/articles/{id}/flags}: editors set or clear headline (头条), recommended (推荐) and
 * pinned (置顶), e.g. {@code {"headline": true, "pinned": false}}; a flag left out stays as it is. Answers
 * the flags the article carries afterwards: {@code {"id": 7, "flags": ["headline"]}}. Authors get 403.
 */
@RestController
class ArticleFlagApiController {

    /** null leaves a flag as it is. */
    record FlagsRequest(Boolean headline, Boolean recommended, Boolean pinned) {}

    record FlagsResponse(long id, List<String> flags) {}

    private final ArticleFlags flags;
    private final MessageSource messages;

    ArticleFlagApiController(ArticleFlags flags, MessageSource messages) {
        this.flags = flags;
        this.messages = messages;
    }

    @PostMapping(path = "/api/v1/articles/{id}/flags", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    FlagsResponse set(@PathVariable long id, @RequestBody FlagsRequest request, Authentication auth, HttpServletRequest http) {
        Map<ArticleFlag, Boolean> wanted = new EnumMap<>(ArticleFlag.class);
        if (request.headline() != null) {
            wanted.put(ArticleFlag.HEADLINE, request.headline());
        }
        if (request.recommended() != null) {
            wanted.put(ArticleFlag.RECOMMENDED, request.recommended());
        }
        if (request.pinned() != null) {
            wanted.put(ArticleFlag.PINNED, request.pinned());
        }
        Set<ArticleFlag> now = flags.set(id, wanted, ArticleWorkflowApiController.actor(auth, http));
        return new FlagsResponse(id, now.stream().map(ArticleFlag::code).toList());
    }

    @ExceptionHandler(ArticleRefused.class)
    ResponseEntity<Map<String, Object>> refused(ArticleRefused e) {
        HttpStatus status = switch (e.reason()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.BAD_REQUEST;
        };
        return ResponseEntity.status(status).body(ArticleWorkflowApiController.error(status.value(), e.message(messages, LocaleContextHolder.getLocale()), e.key()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest().body(ArticleWorkflowApiController.error(400,
                "json: the request body is not a JSON object of the fields headline, recommended, pinned (true or false)", null));
    }
}
