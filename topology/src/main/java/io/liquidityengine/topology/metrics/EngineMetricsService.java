package io.liquidityengine.topology.metrics;

import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.config.ClientSettings;
import io.liquidityengine.schemas.metrics.TopicFollower;
import io.liquidityengine.schemas.metrics.TopicFollower.Follow;
import io.liquidityengine.schemas.metrics.TopicFollower.From;
import io.liquidityengine.topology.app.RiskSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Counts what the topology has committed on its output topics into {@link EngineMeters} (and the day's realized P&L
 * into {@link DayPnlMeters}, from exec.positions and ref.instruments), reading
 * them back (read_committed) on a follower thread: the stream processors stay free of metrics code,
 * and a record counts once, when its transaction commits, never for an aborted attempt. Every
 * instance of a scaled-out topology reads all partitions, so every instance reports the same
 * totals: aggregate {@code engine_*} series with {@code max}, not {@code sum}.
 */
@ApplicationScoped
public class EngineMetricsService {

    @Inject
    MeterRegistry registry;

    @Inject
    RiskSettings risk;

    @ConfigProperty(name = "engine.metrics.enabled", defaultValue = "true")
    boolean enabled;

    private TopicFollower follower;

    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        EngineMeters meters = new EngineMeters(registry, risk.accounts());
        DayPnlMeters day = new DayPnlMeters(registry, risk.accounts(), risk.maxDailyLoss());
        follower = new TopicFollower("engine-metrics", clientConfig(), List.of(
                new Follow<>(Topics.SIG_BARS, From.END, (k, v) -> {
                    meters.bar(v);
                    day.bar(v);
                }),
                new Follow<>(Topics.SIG_LEVELS, From.END, (k, v) -> meters.level(v)),
                new Follow<>(Topics.SIG_BIAS, From.END, (k, v) -> meters.bias(v)),
                new Follow<>(Topics.SIG_PLANS, From.END, (k, v) -> meters.plan(v)),
                new Follow<>(Topics.RISK_DECISIONS, From.END, (k, v) -> meters.decision(v)),
                new Follow<>(Topics.EXEC_ORDERS, From.END, (k, v) -> meters.order(v)),
                new Follow<>(Topics.DLQ_TOPOLOGY, From.END, (k, v) -> meters.deadLetter(v)),
                new Follow<>(Topics.CONTROL_COMMANDS, From.BEGINNING, (k, v) -> meters.command(v)),
                new Follow<>(Topics.REF_INSTRUMENTS, From.BEGINNING, (k, v) -> day.instrument(v)),
                new Follow<>(Topics.EXEC_POSITIONS, From.BEGINNING, (k, v) -> day.position(v)))).start();
    }

    /** The follower's thread is alive (or metrics are off); see {@link EngineLiveness}. */
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

    /**
     * {@code kafka.*} and registry settings, plus the bootstrap servers and the security settings
     * given to Kafka Streams ({@code kafka-streams.security.*}, {@code sasl.*}, {@code ssl.*}) unless set under {@code kafka.*}.
     */
    static Map<String, Object> clientConfig() {
        Config config = ConfigProvider.getConfig();
        Map<String, Object> out = new HashMap<>(ClientSettings.collect(config.getPropertyNames(), n -> config.getOptionalValue(n, String.class)));
        for (String name : config.getPropertyNames()) {
            if (name.startsWith("kafka-streams.security.") || name.startsWith("kafka-streams.sasl.") || name.startsWith("kafka-streams.ssl.")) {
                String key = name.substring("kafka-streams.".length());
                config.getOptionalValue(name, String.class).ifPresent(v -> out.putIfAbsent(key, v));
            }
        }
        config.getOptionalValue("quarkus.kafka-streams.bootstrap-servers", String.class).ifPresent(v -> out.putIfAbsent("bootstrap.servers", v));
        return out;
    }
}
