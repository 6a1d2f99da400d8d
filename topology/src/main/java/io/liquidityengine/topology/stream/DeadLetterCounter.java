package io.liquidityengine.topology.stream;

import io.liquidityengine.schemas.deadletter.DeadLetterReason;
import java.util.EnumMap;
import java.util.Map;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.ProcessorContext;

/**
 * Counts dead letters per stage and reason as Kafka Streams metrics
 * ({@code dead-letters-total{stage=..,reason=..}}), which the Micrometer binder exports with the rest.
 */
final class DeadLetterCounter {

    private final ProcessorContext<?, ?> context;
    private final String stage;
    private final Map<DeadLetterReason, Sensor> sensors = new EnumMap<>(DeadLetterReason.class);

    DeadLetterCounter(ProcessorContext<?, ?> context, String stage) {
        this.context = context;
        this.stage = stage;
    }

    void record(DeadLetterReason reason) {
        sensors.computeIfAbsent(reason, r -> context.metrics().addRateTotalSensor("liquidity-engine", stage + "-" + r.name().toLowerCase()
                + "-" + context.taskId(), "dead-letters", Sensor.RecordingLevel.INFO, "stage", stage, "reason", r.name())).record();
    }
}
