package org.masthead.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SearchEngineHttpTest {

    @Test
    void retryAfterIsReadAsSecondsOrAsADate() {
        Instant now = Instant.parse("2024-05-20T10:00:00Z");
        assertThat(SearchEngineHttp.retryAfter("120", now)).isEqualTo(Duration.ofMinutes(2));
        assertThat(SearchEngineHttp.retryAfter("Mon, 20 May 2024 10:05:00 GMT", now)).isEqualTo(Duration.ofMinutes(5));
        assertThat(SearchEngineHttp.retryAfter("Mon, 20 May 2024 09:00:00 GMT", now)).isEqualTo(Duration.ZERO);
        assertThat(SearchEngineHttp.retryAfter("soon", now)).isNull();
    }

    @Test
    void answersAreDescribedShortlyOnOneLine() {
        assertThat(new SearchEngineHttp.Answer(503, "Service\n  Unavailable ", null).describe()).isEqualTo("HTTP 503: Service Unavailable");
        assertThat(new SearchEngineHttp.Answer(400, "", null).describe()).isEqualTo("HTTP 400");
        assertThat(new SearchEngineHttp.Answer(500, "x".repeat(1000), null).describe()).hasSize("HTTP 500: ".length() + SearchEngineHttp.MAX_SHOWN + 1);
    }
}
