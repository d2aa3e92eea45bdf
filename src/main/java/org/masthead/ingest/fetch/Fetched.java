package org.masthead.ingest.fetch;

import java.net.URI;

/**
 * What a fetch brought back. {@code notModified} means the server answered 304 to the conditional
 * request and {@code body} is empty; the validators are the ones to send next time.
 */
public record Fetched(URI finalUrl, boolean notModified, byte[] body, String contentType, String etag, String lastModified) {

    /** The body as text, with the charset chosen by {@link TextDecoding}. */
    public TextDecoding.Decoded text() {
        return TextDecoding.decode(body, TextDecoding.charsetOfContentType(contentType));
    }
}
