package org.masthead.api;

import java.util.Map;
import java.util.Set;
import org.masthead.platform.Refusal;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Refusals of the taxonomy and settings writes as JSON, in the shape every API error has:
 * {@code {"status":409,"error":"已有名为「财经」的栏目。","code":"channel.error.nameTaken"}}. The message is
 * the one the back office shows (same bundle key); {@code code} is the stable key clients branch on. A
 * refusal changes nothing: the service's transaction rolls back.
 */
@RestControllerAdvice(assignableTypes = {ChannelApiController.class, TagApiController.class, SettingsApiController.class})
class TaxonomyApiErrors {

    /** Refusals about the state of other data, not the request's own values: 409. */
    private static final Set<String> CONFLICTS = Set.of("channel.error.nameTaken", "channel.error.slugTaken", "channel.error.hasChildren",
            "channel.error.hasArticles", "tag.error.nameTaken", "tag.error.inUse");

    private final MessageSource messages;

    TaxonomyApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(Refusal.class)
    ResponseEntity<Map<String, Object>> refused(Refusal e) {
        String key = e.messageKey();
        HttpStatus status = key.endsWith(".notFound") || key.equals("tag.error.noSuchTarget") ? HttpStatus.NOT_FOUND : CONFLICTS.contains(key) ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
        return ApiErrorBody.of(status, messages.getMessage(key, e.arguments(), key, LocaleContextHolder.getLocale()), key);
    }


}
