package io.liquidityengine.execution.metrics;

import io.liquidityengine.execution.app.ExecutionConfig;
import io.liquidityengine.execution.app.KafkaSettings;
import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.metrics.TopicFollower;
import io.liquidityengine.schemas.metrics.TopicFollower.Follow;
import io.liquidityengine.schemas.metrics.TopicFollower.From;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Follows exec.positions (committed, from the beginning) into {@link PositionMeters}. */
@ApplicationScoped
public class SinkMetricsService {

    @Inject
    MeterRegistry registry;

    @Inject
    ExecutionConfig config;

    @Inject
    KafkaSettings kafka;

    @ConfigProperty(name = "execution.metrics.enabled", defaultValue = "true")
    boolean enabled;

    private TopicFollower follower;

    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        Set<String> accounts = new TreeSet<>(config.accounts().orElse(List.of()));
        PositionMeters meters = new PositionMeters(registry, accounts);
        follower = new TopicFollower("execution-metrics", kafka.clientConfig(),
                List.of(new Follow<>(Topics.EXEC_POSITIONS, From.BEGINNING, (k, v) -> meters.position(v)))).start();
    }

    public boolean alive() {
        return follower == null || follower.alive();
    }

    public Throwable failure() {
        return follower == null ? null : follower.failure();
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        if (follower != null) {
            follower.close();
        }
    }
}
