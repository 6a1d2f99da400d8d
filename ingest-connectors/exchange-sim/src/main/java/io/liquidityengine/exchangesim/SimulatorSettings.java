package io.liquidityengine.exchangesim;

import java.time.Duration;

/**
 * Venue rules of the simulator.
 *
 * @param retryAfter the {@code Retry-After} of a 429 answer (whole seconds on the wire)
 */
public record SimulatorSettings(Duration pingInterval, Duration pongTimeout, Duration maxConnectionAge, Duration subscribeDeadline,
                                Duration retryAfter) {

    /** The venues' documented values: ping every 20 s, one minute to answer, 24 hours per connection, 5 s to subscribe. */
    public static SimulatorSettings defaults() {
        return new SimulatorSettings(Duration.ofSeconds(20), Duration.ofMinutes(1), Duration.ofHours(24), Duration.ofSeconds(5),
                Duration.ofSeconds(1));
    }

    public SimulatorSettings withPings(Duration interval, Duration timeout) {
        return new SimulatorSettings(interval, timeout, maxConnectionAge, subscribeDeadline, retryAfter);
    }

    public SimulatorSettings withMaxConnectionAge(Duration age) {
        return new SimulatorSettings(pingInterval, pongTimeout, age, subscribeDeadline, retryAfter);
    }
}
