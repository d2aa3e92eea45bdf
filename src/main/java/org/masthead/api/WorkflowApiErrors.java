package org.masthead.api;

import java.util.Map;
import org.masthead.article.ArticleRefused;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Refusals of the workflow endpoints as JSON: {@code {"status":409,"error":"文章当前为「草稿」…","code":"workflow.notFrom"}}.
 * The message is in the site's language; {@code code} is the stable key for clients to branch on.
 */
@RestControllerAdvice(assignableTypes = {ArticleWorkflowApiController.class, ArticleHistoryApiController.class})
class WorkflowApiErrors {

    private final MessageSource messages;

    WorkflowApiErrors(MessageSource messages) {
        this.messages = messages;
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

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, Object>> badArgument(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(ArticleWorkflowApiController.error(400, e.getMessage(), null));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest().body(ArticleWorkflowApiController.error(400, "json: the request body is not a JSON object of the expected fields", null));
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    ResponseEntity<Map<String, Object>> badParameter(Exception e) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : ((MissingServletRequestParameterException) e).getParameterName();
        return ResponseEntity.badRequest().body(ArticleWorkflowApiController.error(400, name + ": missing or not a valid value", null));
    }
}
