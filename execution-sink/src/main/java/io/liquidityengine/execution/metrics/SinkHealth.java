package io.liquidityengine.execution.metrics;

import io.liquidityengine.execution.kafka.SinkRunner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * The sink's health checks. Readiness: the sink loop has restored its snapshot and is consuming
 * (false while it starts, and while it reconnects after a Kafka error). Liveness: the loop's thread
 * has not died (a stop asked for by shutdown is not a death) and the metrics follower is alive.
 * {@code ExecutionService} hands its runner and thread over with {@link #watch}.
 */
@ApplicationScoped
public class SinkHealth {

    @Inject
    SinkMetricsService metrics;

    private volatile SinkRunner runner;
    private volatile Thread thread;
    private volatile boolean stopping;

    public void watch(SinkRunner runner, Thread thread) {
        this.runner = runner;
        this.thread = thread;
    }

    /** Shutdown has begun: the loop's end is not a failure. */
    public void stopping() {
        stopping = true;
    }

    @Produces
    @Readiness
    HealthCheck ready() {
        return () -> {
            SinkRunner r = runner;
            return HealthCheckResponse.named("execution sink loop consuming").status(r != null && r.running()).build();
        };
    }

    @Produces
    @Liveness
    HealthCheck live() {
        return () -> {
            Thread t = thread;
            boolean loop = t == null || t.isAlive() || stopping;
            return HealthCheckResponse.named("execution sink threads").status(loop && metrics.alive())
                    .withData("sink loop", loop ? "alive" : "died")
                    .withData("metrics follower", metrics.alive() ? "alive" : String.valueOf(metrics.failure())).build();
        };
    }
}
