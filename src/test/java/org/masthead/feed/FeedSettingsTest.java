package org.masthead.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** masthead.feed.* as an operator writes it in application.properties. */
class FeedSettingsTest {

    static FeedSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("masthead.feed", FeedSettings.class);
    }

    @Test
    void defaultsToTheTwentyNewestAsSummaries() {
        assertThat(bind(Map.of())).isEqualTo(new FeedSettings(20, false, 200));
    }

    @Test
    void readsSizeFullTextAndSummaryLength() {
        assertThat(bind(Map.of("masthead.feed.size", "50", "masthead.feed.full-text", "true", "masthead.feed.summary-length", "120")))
                .isEqualTo(new FeedSettings(50, true, 120));
    }

    @Test
    void refusesASizeOutsideOneToAHundred() {
        for (String size : new String[] {"0", "101", "-5"}) {
            assertThatThrownBy(() -> bind(Map.of("masthead.feed.size", size))).isInstanceOf(BindException.class)
                    .rootCause().hasMessageContaining("masthead.feed.size must be between 1 and 100");
        }
        assertThatThrownBy(() -> bind(Map.of("masthead.feed.summary-length", "1"))).isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("summary-length");
    }
}
