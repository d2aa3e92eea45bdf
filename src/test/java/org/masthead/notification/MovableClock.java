package org.masthead.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The system clock, but a test may move it forward ("the next day"). */
final class MovableClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    void moveTo(Instant when) {
        offset = Duration.between(Instant.now(), when);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("UTC only");
    }
}
