package org.masthead.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The outcome of one input line: {@code status} is created, updated, unchanged or error; id and
 * url are set unless it is an error, which names the line's field.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LineResult(int line, String status, Long id, String url, String error) {

    static LineResult failed(int line, String error) {
        return new LineResult(line, "error", null, null, error);
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean failed() {
        return "error".equals(status);
    }
}
