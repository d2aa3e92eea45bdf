package org.masthead.api;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The error answer of the write APIs: {@code {"status", "error", "code"}}, the code being the message key when there is one. */
final class ApiErrorBody {

    private ApiErrorBody() {}

    static ResponseEntity<Map<String, Object>> of(HttpStatus status, String message, String code) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.value());
        body.put("error", message);
        if (code != null) {
            body.put("code", code);
        }
        return ResponseEntity.status(status).body(body);
    }
}
