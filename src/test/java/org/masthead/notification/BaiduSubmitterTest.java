package org.masthead.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import tools.jackson.databind.json.JsonMapper;

/** How Baidu's answers are read, and what they do to the daily quota. */
class BaiduSubmitterTest {

    /** 23:30 in Beijing, 15:30 UTC. */
    private static final Instant LATE_EVENING = OffsetDateTime.parse("2024-05-20T23:30:00+08:00").toInstant();
    private static final Instant MIDNIGHT = OffsetDateTime.parse("2024-05-21T00:00:00+08:00").toInstant();

    private final BaiduSubmitter baidu = new BaiduSubmitter(settings(), null, JsonMapper.builder().build());

    private static NotificationSettings settings() {
        MapConfigurationPropertySource properties = new MapConfigurationPropertySource();
        properties.put("masthead.notification.baidu.enabled", "true");
        properties.put("masthead.notification.baidu.site", "https://www.example.cn");
        properties.put("masthead.notification.baidu.token", "abc&123");
        return new Binder(properties).bindOrCreate("masthead.notification", NotificationSettings.class);
    }

    private Outcome read(int status, String body, Instant now) {
        return baidu.read(new SearchEngineHttp.Answer(status, body, null), now);
    }

    @Test
    void fillsSiteAndTokenIntoTheEndpointUrlEncoded() {
        assertThat(BaiduSubmitter.endpoint(settings().baidu()))
                .hasToString("http://data.zz.baidu.com/urls?site=https%3A%2F%2Fwww.example.cn&token=abc%26123");
    }

    @Test
    void acceptedRequestLimitsTheNextOneToWhatRemainsToday() {
        assertThat(baidu.capacity(LATE_EVENING)).isEqualTo(2000);

        Outcome outcome = read(200, "{\"remain\":7,\"success\":3}", LATE_EVENING);

        assertThat(outcome).isInstanceOf(Outcome.Delivered.class);
        assertThat(((Outcome.Delivered) outcome).note()).contains("success 3", "remain 7");
        assertThat(baidu.capacity(LATE_EVENING)).isEqualTo(7);
        assertThat(baidu.capacity(MIDNIGHT)).as("a new day, a new quota").isEqualTo(2000);
    }

    @Test
    void overQuotaAnswerStopsBaiduUntilMidnightInBeijingAndKeepsTheUrls() {
        Outcome outcome = read(400, "{\"error\":400,\"message\":\"over quota\"}", LATE_EVENING);

        assertThat(outcome).isInstanceOf(Outcome.Deferred.class);
        assertThat(baidu.capacity(LATE_EVENING)).isZero();
        assertThat(baidu.capacity(MIDNIGHT.minusMillis(1))).isZero();
        assertThat(baidu.capacity(MIDNIGHT)).isEqualTo(2000);
    }

    @Test
    void nothingRemainingStopsBaiduUntilTheNextDayToo() {
        assertThat(read(200, "{\"remain\":0,\"success\":2}", LATE_EVENING)).isInstanceOf(Outcome.Delivered.class);

        assertThat(baidu.capacity(LATE_EVENING.plus(Duration.ofMinutes(29)))).isZero();
        assertThat(baidu.capacity(MIDNIGHT)).isEqualTo(2000);
    }

    @Test
    void theBaiduDayEndsAtMidnightChinaTimeWhateverTheServerZone() {
        assertThat(BaiduQuota.nextDay(LATE_EVENING)).isEqualTo(MIDNIGHT);
        assertThat(BaiduQuota.nextDay(OffsetDateTime.parse("2024-05-21T00:30:00+08:00").toInstant()))
                .isEqualTo(OffsetDateTime.parse("2024-05-22T00:00:00+08:00").toInstant());
    }

    @Test
    void urlsBaiduRefusesAreNamedInTheLog() {
        Outcome outcome = read(200, "{\"remain\":99,\"success\":1,\"not_same_site\":[],\"not_valid\":[\"https://www.example.cn/x y\"]}", LATE_EVENING);

        assertThat(((Outcome.Delivered) outcome).note()).contains("not_valid", "https://www.example.cn/x y").doesNotContain("not_same_site");
    }

    @Test
    void otherErrorsAreFinalUnlessTheyAreThrottlingOrServerErrors() {
        assertThat(read(401, "{\"error\":401,\"message\":\"token is not valid\"}", LATE_EVENING)).isInstanceOf(Outcome.Rejected.class);
        assertThat(read(400, "{\"error\":400,\"message\":\"site error\"}", LATE_EVENING)).isInstanceOf(Outcome.Rejected.class);
        assertThat(read(429, "", LATE_EVENING)).isInstanceOf(Outcome.Retry.class);
        assertThat(read(502, "<html>Bad Gateway</html>", LATE_EVENING)).isInstanceOf(Outcome.Retry.class);
        assertThat(baidu.capacity(LATE_EVENING)).as("none of these touch the quota").isEqualTo(2000);
    }
}
