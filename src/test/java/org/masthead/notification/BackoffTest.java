package org.masthead.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(10));

    @Test
    void doublesTheWaitAfterEachFailure() {
        assertThat(backoff.after(1, 0)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.after(2, 0)).isEqualTo(Duration.ofSeconds(60));
        assertThat(backoff.after(3, 0)).isEqualTo(Duration.ofSeconds(120));
        assertThat(backoff.after(4, 0)).isEqualTo(Duration.ofSeconds(240));
    }

    @Test
    void jitterAddsUpToAQuarterSoEachWaitIsStillLongerThanTheOneBefore() {
        assertThat(backoff.after(1, 0.999)).isLessThan(Duration.ofMillis(37_500)).isGreaterThan(Duration.ofMillis(37_400));
        for (int failures = 1; failures < 4; failures++) {
            assertThat(backoff.after(failures + 1, 0)).as("after %d failures", failures + 1).isGreaterThan(backoff.after(failures, 0.999));
        }
    }

    @Test
    void neverWaitsLongerThanTheMaximum() {
        assertThat(backoff.after(5, 0.5)).as("8 min and an eighth more").isEqualTo(Duration.ofMinutes(9));
        assertThat(backoff.after(6, 0)).as("16 min").isEqualTo(Duration.ofMinutes(10));
        assertThat(backoff.after(1_000, 0.999)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void waitsAsLongAsTheEngineAsksWhenThatIsLongerButNotMoreThanADay() {
        assertThat(backoff.after(1, 0, Duration.ofMinutes(2))).isEqualTo(Duration.ofMinutes(2));
        assertThat(backoff.after(1, 0, Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.after(1, 0, null)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.after(1, 0, Duration.ofDays(30))).isEqualTo(Duration.ofDays(1));
    }
}
