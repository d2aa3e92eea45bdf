package org.masthead.notification;

import java.net.URI;
import java.time.Duration;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code masthead.notification.*}: telling search engines about new and changed articles. Every
 * engine is off until enabled.
 *
 * @param indexnow IndexNow (Bing, Yandex, Seznam, Naver …): one submission reaches every participating engine
 * @param baidu Baidu's link submission (普通收录, API 提交)
 * @param retry how failed submissions are retried
 * @param pollInterval how often due submissions are looked for; URLs queued in between go out in one request
 * @param timeout how long one request to an engine may take, connecting included
 */
@ConfigurationProperties("masthead.notification")
public record NotificationSettings(
        @DefaultValue IndexNow indexnow,
        @DefaultValue Baidu baidu,
        @DefaultValue Retry retry,
        @DefaultValue("5s") Duration pollInterval,
        @DefaultValue("30s") Duration timeout) {

    /** What IndexNow accepts as a key. */
    static final Pattern INDEXNOW_KEY = Pattern.compile("[a-zA-Z0-9-]{8,128}");

    public NotificationSettings {
        if (pollInterval.isNegative() || pollInterval.isZero() || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("masthead.notification.poll-interval and .timeout must be positive");
        }
    }

    /**
     * IndexNow.
     *
     * @param enabled submit published and changed article URLs to IndexNow
     * @param key the site's key, 8 to 128 characters of a-z, A-Z, 0-9 and -; served at {@code /{key}.txt}
     * @param endpoint where submissions are posted (the shared endpoint forwards to every IndexNow engine)
     */
    public record IndexNow(
            @DefaultValue("false") boolean enabled,
            String key,
            @DefaultValue("https://api.indexnow.org/indexnow") URI endpoint) {

        public IndexNow {
            if (enabled && (key == null || !INDEXNOW_KEY.matcher(key).matches())) {
                throw new IllegalArgumentException(
                        "masthead.notification.indexnow.key must be 8 to 128 characters of a-z, A-Z, 0-9 and - when IndexNow is enabled");
            }
        }
    }

    /**
     * Baidu 普通收录.
     *
     * @param enabled submit published and changed article URLs to Baidu
     * @param site the site as verified in Baidu's 搜索资源平台, e.g. {@code https://www.example.cn}
     * @param token the submission token 搜索资源平台 shows beside the API address
     * @param endpoint submission address; {@code {site}} and {@code {token}} are replaced, URL-encoded
     */
    public record Baidu(
            @DefaultValue("false") boolean enabled,
            String site,
            String token,
            @DefaultValue("http://data.zz.baidu.com/urls?site={site}&token={token}") String endpoint) {

        public Baidu {
            if (enabled && (site == null || site.isBlank() || token == null || token.isBlank())) {
                throw new IllegalArgumentException("masthead.notification.baidu.site and .token are required when Baidu submission is enabled");
            }
        }
    }

    /**
     * Retries after network errors, HTTP 429 and 5xx (any other 4xx is final).
     *
     * @param maxAttempts attempts per URL before it is dropped (and logged), the first one included
     * @param baseDelay wait after the first failure; doubled after each further one, plus up to a quarter at random
     * @param maxDelay the longest wait between two attempts
     */
    public record Retry(
            @DefaultValue("5") int maxAttempts,
            @DefaultValue("30s") Duration baseDelay,
            @DefaultValue("1h") Duration maxDelay) {

        public Retry {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("masthead.notification.retry.max-attempts must be at least 1");
            }
            if (baseDelay.isNegative() || baseDelay.isZero() || maxDelay.compareTo(baseDelay) < 0) {
                throw new IllegalArgumentException("masthead.notification.retry.base-delay must be positive and at most max-delay");
            }
        }
    }

    boolean anyEnabled() {
        return indexnow.enabled() || baidu.enabled();
    }
}
