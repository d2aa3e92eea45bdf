package org.masthead.ingest.fetch;

import java.io.IOException;

/** A fetch that gave no usable body; the message says why in words an admin can act on. */
public class FetchException extends IOException {

    private final int status;

    public FetchException(String message) {
        this(message, 0, null);
    }

    public FetchException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status when the server answered with an error, else 0. */
    public int status() {
        return status;
    }
}
