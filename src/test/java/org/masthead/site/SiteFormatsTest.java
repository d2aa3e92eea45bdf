package org.masthead.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SiteFormatsTest {

    private final SiteFormats shanghai = new SiteFormats(ZoneId.of("Asia/Shanghai"));
    /** 2023-08-29 09:18:41 in Shanghai, as stored: an instant in UTC. */
    private final Instant seedTime = Instant.parse("2023-08-29T01:18:41Z");

    @Test
    void showsTheArticleTimeInTheSiteZoneAsTheSeedDoes() {
        assertThat(shanghai.full(seedTime)).isEqualTo("2023-08-29 09:18:41");
    }

    @Test
    void showsListTimesWithoutTheYear() {
        assertThat(shanghai.listTime(seedTime)).isEqualTo("08-29 09:18:41");
    }

    @Test
    void writesMachineTimesWithTheOffset() {
        assertThat(shanghai.machine(seedTime)).isEqualTo("2023-08-29T09:18:41+08:00");
    }

    @Test
    void writesWholeSecondsInMachineTimes() {
        assertThat(shanghai.machine(Instant.parse("2026-11-29T05:47:43.866Z"))).isEqualTo("2026-11-29T13:47:43+08:00");
    }

    @Test
    void anotherZoneShowsTheSameInstantDifferently() {
        assertThat(new SiteFormats(ZoneId.of("UTC")).full(seedTime)).isEqualTo("2023-08-29 01:18:41");
        assertThat(new SiteFormats(ZoneId.of("Asia/Shanghai")).year(Instant.parse("2023-12-31T16:30:00Z"))).isEqualTo(2024);
    }
}
