package io.liquidityengine.topology.stream;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Settings of the topology that change what it computes (as opposed to Kafka Streams settings).
 *
 * @param registryConfig      schema registry settings for the Avro serdes ({@code schema.registry.url}, ...)
 * @param baseIntervalSeconds base bar length (5 s)
 * @param grace               how long after a base bar's end late ticks are still accepted, in event time
 * @param rollupIntervalsSeconds roll-up bar lengths built from base bars (60, 300, 900, 3600)
 */
public record TopologyConfig(Map<String, ?> registryConfig, int baseIntervalSeconds, Duration grace,
                             List<Integer> rollupIntervalsSeconds) {

    public TopologyConfig {
        registryConfig = Map.copyOf(registryConfig);
        rollupIntervalsSeconds = List.copyOf(rollupIntervalsSeconds);
        if (baseIntervalSeconds <= 0) {
            throw new IllegalArgumentException("base bar interval must be positive, got " + baseIntervalSeconds);
        }
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace must not be negative, got " + grace);
        }
        for (int r : rollupIntervalsSeconds) {
            if (r <= baseIntervalSeconds || r % baseIntervalSeconds != 0) {
                throw new IllegalArgumentException("roll-up interval " + r + " s must be a multiple of the base interval " + baseIntervalSeconds + " s");
            }
        }
    }

    public static TopologyConfig defaults(Map<String, ?> registryConfig) {
        return new TopologyConfig(registryConfig, 5, Duration.ofSeconds(2), List.of(60, 300, 900, 3600));
    }

    public TopologyConfig withGrace(Duration g) {
        return new TopologyConfig(registryConfig, baseIntervalSeconds, g, rollupIntervalsSeconds);
    }
}
