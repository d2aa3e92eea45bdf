package org.masthead.api;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * A write request the JSON readers ({@link JsonFields}) or Spring could not take, answered 400 in the shape
 * every API error has ({@link ApiErrorBody}), naming the field. Refusals of the request's meaning stay with
 * each API's own handler ({@code TaxonomyApiErrors}, {@code SourceApiController}).
 */
@RestControllerAdvice(assignableTypes = {ChannelApiController.class, TagApiController.class, SettingsApiController.class, SourceApiController.class})
class WriteApiRequestErrors {

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, Object>> badRequest(IllegalArgumentException e) {
        return ApiErrorBody.of(HttpStatus.BAD_REQUEST, e.getMessage(), null);
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, HttpMessageNotReadableException.class})
    ResponseEntity<Map<String, Object>> unreadable(Exception e) {
        String what = e instanceof MethodArgumentTypeMismatchException m ? m.getName() + ": not a valid value"
                : "json: the request body is not a JSON object of the expected fields";
        return ApiErrorBody.of(HttpStatus.BAD_REQUEST, what, null);
    }
}
