package io.liquidityengine.topology.app;

import io.liquidityengine.schemas.config.ClientSettings;
import io.liquidityengine.topology.domain.risk.RiskConfig;
import io.liquidityengine.topology.stream.EngineTopology;
import io.liquidityengine.topology.stream.OutputSchemas;
import io.liquidityengine.topology.stream.TopologyConfig;
import io.liquidityengine.topology.stream.WarmUp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Duration;
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

    /** Synthetic trades run through the stages in memory before the start (WarmUp); 0 turns the warm-up off. */
    @ConfigProperty(name = "engine.warm-up.trades", defaultValue = "24000")
    int warmUpTrades;

    @Inject
    RiskSettings risk;

    private boolean prepared;

    @Produces
    public Topology topology() {
        RiskConfig rules = new RiskConfig(risk.windowStart(), risk.windowEnd(), risk.flattenTime(), risk.profitTarget(),
                risk.maxDailyLoss(), risk.riskPerTrade(), risk.minRewardRisk(), risk.onePositionPerInstrument(), risk.lockAfterTrade(),
                risk.maxOpenPositions(), risk.maxNotional().orElse(null), risk.staleAfter());
        TopologyConfig config = new TopologyConfig(registryConfig(), baseIntervalSeconds, grace, rollups, risk.accounts(), rules)
                .withLockstep(risk.lockstep());
        // before Kafka Streams starts: the first plan and order must not wait for a schema registration
        // Quarkus asks for the topology more than once; register and warm up only the first time
        if (!prepared) {
            OutputSchemas.register(config);
            if (warmUpTrades > 0) {
                WarmUp.run(config, warmUpTrades);
            }
            prepared = true;
        }
        return EngineTopology.build(config);
    }

    /** {@code schema.registry.*} and {@code basic.auth.*} settings for the Avro serdes, from properties or environment. */
    static Map<String, Object> registryConfig() {
        Config config = ConfigProvider.getConfig();
        return ClientSettings.registryOnly(config.getPropertyNames(), name -> config.getOptionalValue(name, String.class));
    }
}
