package org.masthead.notification;

import java.time.Instant;
import java.util.List;

/** One search engine's submission protocol: IndexNow or Baidu. */
interface Submitter {

    Target target();

    boolean enabled();

    /** How many URLs the next request may carry now; 0 while the engine takes none. */
    int capacity(Instant now);

    /**
     * Sends one request with these URLs, all under {@code baseUrl}, and reads the answer. Network
     * failures come back as {@link Outcome.Retry}, never as exceptions.
     *
     * @throws InterruptedException when the application is stopping: nothing is recorded, the URLs stay queued
     */
    Outcome submit(List<String> urls, String baseUrl, Instant now) throws InterruptedException;
}
