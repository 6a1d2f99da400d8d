package io.liquidityengine.execution.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lockstep waits as Prometheus series, on a simulated clock. */
class LockstepWaitsTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private long now = 1_000_000_000L;

    @Test
    void shouldCountEachWaitWhenItBeginsAndItsTimeWhenItEndsOrChangesGate() {
        LockstepWaits waits = new LockstepWaits(registry, () -> now);
        assertThat(series()).containsExactly(
                "execution_lockstep_wait_seconds_total{gate=\"answers\",} 0.0", "execution_lockstep_wait_seconds_total{gate=\"no_clock\",} 0.0",
                "execution_lockstep_wait_seconds_total{gate=\"orders\",} 0.0", "execution_lockstep_wait_seconds_total{gate=\"time\",} 0.0",
                "execution_lockstep_waits_total{gate=\"answers\",} 0.0", "execution_lockstep_waits_total{gate=\"no_clock\",} 0.0",
                "execution_lockstep_waits_total{gate=\"orders\",} 0.0", "execution_lockstep_waits_total{gate=\"time\",} 0.0");

        waits.gate(Lockstep.Gate.NO_CLOCK);
        now += 2_000_000_000L;
        waits.gate(Lockstep.Gate.OPEN); // 2 s without a risk clock
        waits.gate(Lockstep.Gate.OPEN);
        waits.gate(Lockstep.Gate.TIME);
        now += 250_000_000L;
        waits.gate(Lockstep.Gate.TIME); // asked again: the same wait
        now += 250_000_000L;
        waits.gate(Lockstep.Gate.ANSWERS); // 0.5 s on time, then a fill to answer
        now += 125_000_000L;
        waits.gate(Lockstep.Gate.OPEN);
        waits.gate(Lockstep.Gate.TIME);
        now += 500_000_000L;
        waits.gate(Lockstep.Gate.OPEN);

        assertThat(series()).containsExactly(
                "execution_lockstep_wait_seconds_total{gate=\"answers\",} 0.125", "execution_lockstep_wait_seconds_total{gate=\"no_clock\",} 2.0",
                "execution_lockstep_wait_seconds_total{gate=\"orders\",} 0.0", "execution_lockstep_wait_seconds_total{gate=\"time\",} 1.0",
                "execution_lockstep_waits_total{gate=\"answers\",} 1.0", "execution_lockstep_waits_total{gate=\"no_clock\",} 1.0",
                "execution_lockstep_waits_total{gate=\"orders\",} 0.0", "execution_lockstep_waits_total{gate=\"time\",} 2.0");
    }

    private List<String> series() {
        return registry.scrape().lines().filter(l -> l.startsWith("execution_lockstep")).sorted().toList();
    }
}
