package org.masthead.notification;

import java.time.Duration;

/**
 * How long a failed submission waits before its next attempt: {@code base · 2^(failures-1)}, plus up
 * to a quarter more at random so that many URLs failing together do not come back together, never
 * more than {@code max}. The random part only ever adds, so each wait is longer than the one before
 * until the cap.
 */
record Backoff(Duration base, Duration max) {

    /**
     * @param failures failed attempts so far, 1 after the first
     * @param random a number in [0, 1)
     */
    Duration after(int failures, double random) {
        long baseMillis = base.toMillis();
        int doublings = Math.min(Math.max(failures, 1) - 1, 40);
        double millis = baseMillis * Math.pow(2, doublings) * (1 + random / 4);
        return millis >= max.toMillis() ? max : Duration.ofMillis((long) millis);
    }

    /** The wait after {@code failures}, or the engine's own Retry-After when that is longer (at most a day). */
    Duration after(int failures, double random, Duration retryAfter) {
        Duration ours = after(failures, random);
        if (retryAfter == null || retryAfter.compareTo(ours) <= 0) {
            return ours;
        }
        return retryAfter.compareTo(Duration.ofDays(1)) > 0 ? Duration.ofDays(1) : retryAfter;
    }
}
