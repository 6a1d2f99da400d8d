package io.liquidityengine.ingest.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness: no source's runner has died of an error (the service's {@code IngestService} reports a
 * source that stopped with an exception here) and the metrics follower is alive. A backfill source
 * that finished is not dead. Restarting the service resumes every source from its checkpoint.
 * Readiness is Quarkus's Kafka check ({@code quarkus.kafka.health.enabled}): the cluster answers.
 */
@ApplicationScoped
public class SourceHealth {

    private final Map<String, String> failed = new TreeMap<>();

    @Inject
    IngestMetricsService metrics;

    /** A source's runner stopped with this error. */
    public synchronized void failed(String sourceId, Throwable error) {
        failed.put(sourceId, String.valueOf(error));
    }

    @Produces
    @Liveness
    HealthCheck live() {
        return this::call;
    }

    synchronized HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("ingest sources").status(failed.isEmpty() && metrics.alive());
        failed.forEach((source, error) -> response.withData("source " + source, error));
        if (!metrics.alive()) {
            response.withData("metrics follower", String.valueOf(metrics.failure()));
        }
        return response.build();
    }
}
