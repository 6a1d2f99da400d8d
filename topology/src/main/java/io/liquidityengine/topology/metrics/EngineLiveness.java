package io.liquidityengine.topology.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness: the metrics follower's thread has not died. (Quarkus adds its own liveness check, "Kafka
 * Streams state health check", which fails once the Streams client is in ERROR, as it is when a
 * stream thread has died.)
 */
@Liveness
@ApplicationScoped
public class EngineLiveness implements HealthCheck {

    @Inject
    EngineMetricsService metrics;

    @Override
    public HealthCheckResponse call() {
        Throwable failure = metrics.failure();
        return HealthCheckResponse.named("engine metrics follower").status(metrics.alive())
                .withData("failure", failure == null ? "none" : failure.toString()).build();
    }
}
