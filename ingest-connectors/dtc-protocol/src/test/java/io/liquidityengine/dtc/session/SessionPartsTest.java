package io.liquidityengine.dtc.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SessionPartsTest {

    @Test
    void backoffDoublesUpToItsCapWithJitterBetweenHalfAndAllAndResets() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1_000), new Random(7));
        assertThat(backoff.ceilingMillis(0)).isEqualTo(100);
        assertThat(backoff.ceilingMillis(1)).isEqualTo(200);
        assertThat(backoff.ceilingMillis(3)).isEqualTo(800);
        assertThat(backoff.ceilingMillis(4)).isEqualTo(1_000);
        assertThat(backoff.ceilingMillis(60)).isEqualTo(1_000);
        long[] ceilings = {100, 200, 400, 800, 1_000, 1_000, 1_000};
        for (long ceiling : ceilings) {
            long wait = backoff.next().toMillis();
            assertThat(wait).isBetween(ceiling / 2, ceiling);
        }
        assertThat(backoff.failures()).isEqualTo(7);
        backoff.reset();
        assertThat(backoff.next().toMillis()).isBetween(50L, 100L);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), new Random()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void credentialsComeFromTheEnvironmentNeverShowThePasswordAndFitALogon() {
        DtcCredentials fromEnv = DtcCredentials.resolve("trader", Optional.empty(), "DTC_PASSWORD", Map.of("DTC_PASSWORD", "pw-123"));
        assertThat(fromEnv.username()).isEqualTo("trader");
        assertThat(fromEnv.password()).isEqualTo("pw-123");
        assertThat(fromEnv.toString()).isEqualTo("DtcCredentials[user=trader, password from environment DTC_PASSWORD]");
        DtcCredentials missing = DtcCredentials.resolve("trader", Optional.empty(), "DTC_PASSWORD", Map.of());
        assertThat(missing.password()).isEmpty();
        assertThat(missing.toString()).isEqualTo("DtcCredentials[user=trader, password from none (DTC_PASSWORD not set)]");
        assertThatThrownBy(() -> DtcCredentials.resolve("trader", Optional.empty(), "P", Map.of("P", "x".repeat(32))))
                .hasMessage("the DTC password from environment P is longer than 31 bytes, the most a DTC logon carries");
        assertThat(DtcCredentials.resolve("trader", Optional.empty(), "P", Map.of("P", "x".repeat(31))).password()).hasSize(31);
    }
}
