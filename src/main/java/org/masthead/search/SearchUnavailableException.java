package org.masthead.search;

/** The index cannot be read or written now (e.g. another process holds it); the database is unaffected. */
public class SearchUnavailableException extends RuntimeException {

    public SearchUnavailableException(String message) {
        super(message);
    }

    public SearchUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
