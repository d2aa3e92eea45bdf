package org.masthead.ingest.feed;

/** The bytes are not a feed this parser can read; the message says what was wrong. */
public class FeedParseException extends Exception {

    public FeedParseException(String message, Throwable cause) {
        super(message, cause);
    }

    public FeedParseException(String message) {
        super(message);
    }
}
