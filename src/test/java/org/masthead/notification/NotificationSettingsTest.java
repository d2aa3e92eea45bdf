package org.masthead.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class NotificationSettingsTest {

    private static NotificationSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("masthead.notification", NotificationSettings.class);
    }

    @Test
    void everyEngineIsOffByDefaultWithTheRealEndpointsAndFiveAttempts() {
        NotificationSettings settings = bind(Map.of());

        assertThat(settings.anyEnabled()).isFalse();
        assertThat(settings.indexnow().enabled()).isFalse();
        assertThat(settings.baidu().enabled()).isFalse();
        assertThat(settings.indexnow().endpoint()).isEqualTo(URI.create("https://api.indexnow.org/indexnow"));
        assertThat(settings.baidu().endpoint()).isEqualTo("http://data.zz.baidu.com/urls?site={site}&token={token}");
        assertThat(settings.retry().maxAttempts()).isEqualTo(5);
        assertThat(settings.retry().baseDelay()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.pollInterval()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void enablingIndexNowNeedsAKeyIndexNowAccepts() {
        assertThatThrownBy(() -> bind(Map.of("masthead.notification.indexnow.enabled", "true")))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageContaining("indexnow.key");
        assertThatThrownBy(() -> bind(Map.of("masthead.notification.indexnow.enabled", "true", "masthead.notification.indexnow.key", "short")))
                .rootCause()
                .hasMessageContaining("8 to 128");
        assertThatThrownBy(() -> bind(Map.of("masthead.notification.indexnow.enabled", "true", "masthead.notification.indexnow.key", "../etc/passwd")))
                .rootCause()
                .hasMessageContaining("a-z");
        assertThat(bind(Map.of("masthead.notification.indexnow.enabled", "true", "masthead.notification.indexnow.key", "5f2b6c0e-aa41-4d3e"))
                        .indexnow().key())
                .isEqualTo("5f2b6c0e-aa41-4d3e");
    }

    @Test
    void enablingBaiduNeedsSiteAndToken() {
        assertThatThrownBy(() -> bind(Map.of("masthead.notification.baidu.enabled", "true", "masthead.notification.baidu.site", "https://www.example.cn")))
                .rootCause()
                .hasMessageContaining("baidu.site and .token");
    }
}
