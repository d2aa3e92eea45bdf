package org.masthead.api;

import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Reading a PATCH body field by field: which fields came, as what; a wrong type or an unknown field is a 400 naming it. */
final class JsonFields {

    private JsonFields() {}

    /** The body as an object whose field names are all in {@code allowed}. */
    static JsonNode object(JsonNode body, Set<String> allowed) {
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException("body: expected a JSON object with any of " + String.join(", ", new java.util.TreeSet<>(allowed)));
        }
        for (String name : body.propertyNames()) {
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException(name + ": unknown field; expected any of " + String.join(", ", new java.util.TreeSet<>(allowed)));
            }
        }
        return body;
    }

    /** A string field (null when absent or null). */
    static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new IllegalArgumentException(field + ": must be a string");
        }
        return value.asString();
    }

    /** A string or a number, as text (settings are checked as typed, so "48" and 48 are the same). */
    static String textOrNumber(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value != null && value.isNumber()) {
            return value.asString();
        }
        return text(body, field);
    }

    /** A whole-number id (null when absent or null). */
    static Long id(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new IllegalArgumentException(field + ": must be a whole-number id or null");
        }
        return value.asLong();
    }
}
