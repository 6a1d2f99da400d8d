package io.liquidityengine.topology.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: the Streams client is RUNNING (every task assigned and restored), not CREATED,
 * REBALANCING, PENDING_ERROR, ERROR or shutting down. Quarkus's own readiness check adds that every
 * input topic exists.
 */
@Readiness
@ApplicationScoped
public class StreamsReadiness implements HealthCheck {

    @Inject
    KafkaStreams streams;

    @Override
    public HealthCheckResponse call() {
        KafkaStreams.State state = streams.state();
        return HealthCheckResponse.named("Kafka Streams running").status(state == KafkaStreams.State.RUNNING)
                .withData("state", state.name()).build();
    }
}
