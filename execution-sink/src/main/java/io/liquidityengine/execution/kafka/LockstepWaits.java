package io.liquidityengine.execution.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * How often and how long the sink's next trade is held by the lockstep with the risk stage ({@link Lockstep.Gate}):
 * <pre>
 * execution_lockstep_waits_total{gate}           waits that began, by what held the trade
 * execution_lockstep_wait_seconds_total{gate}    wall time spent in them, seconds
 * </pre>
 * {@code gate}: {@code time} (the risk stage has not decided up to the trade: the sink waits for the risk stage),
 * {@code orders} (orders it emitted are not here yet), {@code answers} (it has not processed the sink's last
 * reports or positions), {@code no_clock} (no risk clock yet). A wait whose gate changes ends and a new one
 * of the new gate begins; a wait is counted when it begins and its time when it ends. Wall time, not event
 * time: this measures the services, not the market. All four series exist at zero from the start.
 */
final class LockstepWaits {

    private final LongSupplier nanos;
    private final Map<Lockstep.Gate, Counter> waits = new EnumMap<>(Lockstep.Gate.class);
    private final Map<Lockstep.Gate, Counter> seconds = new EnumMap<>(Lockstep.Gate.class);
    private Lockstep.Gate waiting;
    private long since;

    LockstepWaits(MeterRegistry registry, LongSupplier nanos) {
        this.nanos = nanos;
        for (Lockstep.Gate gate : Lockstep.Gate.values()) {
            if (gate == Lockstep.Gate.OPEN) {
                continue;
            }
            String label = gate.name().toLowerCase(Locale.ROOT);
            waits.put(gate, Counter.builder("execution.lockstep.waits").description("waits of the next trade for the risk stage (lockstep)")
                    .tag("gate", label).register(registry));
            seconds.put(gate, Counter.builder("execution.lockstep.wait.seconds")
                    .description("wall time the next trade waited for the risk stage (lockstep), seconds").tag("gate", label).register(registry));
        }
    }

    /** The lockstep's gate for the next trade, each time it is asked: OPEN ends a wait, another gate begins or continues one. */
    void gate(Lockstep.Gate gate) {
        if (gate == waiting) {
            return;
        }
        long now = nanos.getAsLong();
        if (waiting != null) {
            seconds.get(waiting).increment((now - since) / 1e9);
        }
        waiting = gate == Lockstep.Gate.OPEN ? null : gate;
        if (waiting != null) {
            waits.get(waiting).increment();
            since = now;
        }
    }
}
