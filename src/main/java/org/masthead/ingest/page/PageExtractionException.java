package org.masthead.ingest.page;

/** No article could be found in the page; the message says what was missing. */
public class PageExtractionException extends Exception {

    public PageExtractionException(String message) {
        super(message);
    }
}
