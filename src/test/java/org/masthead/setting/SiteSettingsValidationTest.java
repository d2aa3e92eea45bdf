package org.masthead.setting;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SiteSettingsValidationTest {

    private static SiteSettings settings(String name, int since, String email, int excerpt) {
        return new SiteSettings(name, "", since, "", "", email, ZoneId.of("Asia/Shanghai"), excerpt, "http://localhost:8080");
    }

    @Test
    void acceptsSensibleSettings() {
        assertThatCode(() -> SiteSettingsStore.validate(settings("报头新闻", 2019, "editor@example.cn", 36))).doesNotThrowAnyException();
    }

    @Test
    void refusesEachBadValueWithAClearMessage() {
        assertThatThrownBy(() -> SiteSettingsStore.validate(settings(" ", 2019, "", 36))).hasMessageContaining("site name");
        assertThatThrownBy(() -> SiteSettingsStore.validate(settings("站", 1800, "", 36))).hasMessageContaining("copyright start year");
        assertThatThrownBy(() -> SiteSettingsStore.validate(settings("站", 2019, "not-an-address", 36))).hasMessageContaining("contact email");
        assertThatThrownBy(() -> SiteSettingsStore.validate(settings("站", 2019, "", 2))).hasMessageContaining("excerpt length");
    }
}
