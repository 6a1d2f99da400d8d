package io.liquidityengine.topology.app;

import io.liquidityengine.topology.stream.EngineTopology;
import io.liquidityengine.topology.stream.TopologyConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.Topology;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The Quarkus side of the topology: hands the plain builder's topology to quarkus-kafka-streams. */
@ApplicationScoped
public class TopologyProducer {

    @ConfigProperty(name = "engine.bars.base-interval-seconds", defaultValue = "5")
    int baseIntervalSeconds;

    @ConfigProperty(name = "engine.bars.grace", defaultValue = "PT2S")
    Duration grace;

    @ConfigProperty(name = "engine.bars.rollups-seconds", defaultValue = "60,300,900,3600")
    List<Integer> rollups;

    @Produces
    public Topology topology() {
        return EngineTopology.build(new TopologyConfig(registryConfig(), baseIntervalSeconds, grace, rollups));
    }

    /** {@code schema.registry.*} and {@code basic.auth.*} settings for the Avro serdes. */
    static Map<String, Object> registryConfig() {
        Config config = ConfigProvider.getConfig();
        Map<String, Object> out = new HashMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith("schema.registry.") || name.startsWith("basic.auth.") || name.equals("auto.register.schemas")) {
                config.getOptionalValue(name, String.class).ifPresent(v -> out.put(name, v));
            }
        }
        return out;
    }
}
