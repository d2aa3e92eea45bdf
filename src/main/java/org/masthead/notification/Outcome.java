package org.masthead.notification;

import java.time.Duration;

/** What became of one request to a search engine, and so of the URLs it carried. */
sealed interface Outcome {

    /** The engine took the URLs; {@code note} says anything worth logging about them (may be empty). */
    record Delivered(String note) implements Outcome {}

    /** A passing failure (network, HTTP 429, 5xx): try again later, not before {@code retryAfter} if the engine said so (may be null). */
    record Retry(String reason, Duration retryAfter) implements Outcome {}

    /** Refused for good (any other 4xx): retrying the same request cannot help, so the URLs are dropped. */
    record Rejected(String reason) implements Outcome {}

    /** Not a failure of the URLs (Baidu's daily quota is used up): they wait, no attempt is counted. */
    record Deferred(String reason) implements Outcome {}

    /** The usual reading of an HTTP answer: 2xx delivered, 429 and 5xx retried, everything else refused. */
    static Outcome of(SearchEngineHttp.Answer answer) {
        int status = answer.status();
        if (status >= 200 && status < 300) {
            return new Delivered("");
        }
        if (status == 429 || status >= 500) {
            return new Retry(answer.describe(), answer.retryAfter());
        }
        return new Rejected(answer.describe());
    }
}
