package org.masthead.notification;

import java.time.Instant;
import java.time.ZoneId;

/**
 * Baidu's daily submission quota as its answers reveal it. Each accepted request says how many URLs
 * may still be sent today ({@code remain}); an over-quota answer, or {@code remain} reaching 0,
 * stops Baidu submissions until the quota renews at midnight Beijing time. Kept in memory: after a
 * restart the first request finds out again, at the cost of one refused request.
 */
final class BaiduQuota {

    /** Baidu refuses a request with more URLs ("only 2000 urls are allowed once"). */
    static final int MAX_URLS_PER_REQUEST = 2000;
    /** Baidu's quotas are per calendar day in China. */
    static final ZoneId BAIDU_DAY = ZoneId.of("Asia/Shanghai");

    private Instant pausedUntil = Instant.MIN;
    private int remain = -1;
    private Instant remainValidUntil = Instant.MIN;

    /** How many URLs the next request may carry; 0 while today's quota is used up. */
    synchronized int capacity(Instant now) {
        if (now.isBefore(pausedUntil)) {
            return 0;
        }
        if (remain >= 0 && now.isBefore(remainValidUntil)) {
            return Math.min(MAX_URLS_PER_REQUEST, remain);
        }
        return MAX_URLS_PER_REQUEST;
    }

    /** Baidu accepted a request and said how many URLs are left for today. */
    synchronized void remaining(int remain, Instant now) {
        this.remain = Math.max(remain, 0);
        this.remainValidUntil = nextDay(now);
        if (remain <= 0) {
            pausedUntil = remainValidUntil;
        }
    }

    /** Baidu answered "over quota". */
    synchronized void exhausted(Instant now) {
        pausedUntil = nextDay(now);
    }

    synchronized Instant pausedUntil() {
        return pausedUntil;
    }

    /** The next midnight in Beijing after {@code now}: when Baidu's daily quota renews. */
    static Instant nextDay(Instant now) {
        return now.atZone(BAIDU_DAY).toLocalDate().plusDays(1).atStartOfDay(BAIDU_DAY).toInstant();
    }
}
