package io.liquidityengine.ingest.metrics;

import io.liquidityengine.ingest.app.IngestConfig;
import io.liquidityengine.ingest.app.KafkaSettings;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Follows control.ingest-checkpoints (committed, from the beginning) into {@link SourceMeters}. */
@ApplicationScoped
public class IngestMetricsService {

    @Inject
    MeterRegistry registry;

    @Inject
    IngestConfig config;

    @Inject
    KafkaSettings kafka;

    @ConfigProperty(name = "ingest.metrics.enabled", defaultValue = "true")
    boolean enabled;

    private TopicFollower follower;

    void onStart(@Observes StartupEvent event) {
        if (!enabled || config.sources().isEmpty()) {
            return;
        }
        SourceMeters meters = new SourceMeters(registry, config.sources().keySet());
        follower = new TopicFollower("ingest-metrics", kafka.clientConfig(),
                List.of(new Follow<>(Topics.CONTROL_INGEST_CHECKPOINTS, From.BEGINNING, meters::checkpoint))).start();
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
