package io.liquidityengine.topology.stream;

import io.liquidityengine.schemas.catalog.Topic;
import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.control.StrategyDefinition;
import io.liquidityengine.schemas.control.StrategyKind;
import io.liquidityengine.schemas.deadletter.DeadLetter;
import io.liquidityengine.schemas.execution.Order;
import io.liquidityengine.schemas.execution.OrderAction;
import io.liquidityengine.schemas.marketdata.AggressorSide;
import io.liquidityengine.schemas.reference.AssetClass;
import io.liquidityengine.schemas.marketdata.Bar;
import io.liquidityengine.schemas.marketdata.LiquidityLevel;
import io.liquidityengine.schemas.marketdata.Tick;
import io.liquidityengine.schemas.reference.Instrument;
import io.liquidityengine.schemas.registry.SchemaRegistries;
import io.liquidityengine.schemas.risk.AccountSignal;
import io.liquidityengine.schemas.risk.RiskDecision;
import io.liquidityengine.schemas.signals.Bias;
import io.liquidityengine.schemas.signals.TradePlan;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the topology's stages over a short synthetic session before the service starts, so that the
 * first plan and the first order of the day do not pay for loading and first running their code
 * (the risk stage's plan path, the plan and order records' Avro writers and readers). Measured: the
 * first order of a live session took 200-250 ms against a median of about 30 ms (BENCHMARKS.md, live
 * order latency). Everything runs in memory: the stages of a {@link DirectTopology} with a warm-up
 * account and instrument, and the records' serdes against an in-memory registry; nothing reaches Kafka,
 * the service's registry or its metrics.
 */
public final class WarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(WarmUp.class);
    private static final String INSTRUMENT = "WARMUP";
    private static final String ACCOUNT = "warm-up";
    private static final String REGISTRY_SCOPE = "topology-warm-up";
    /** 10:30 New York: inside the default trading window. */
    private static final Instant START = Instant.parse("2024-12-05T15:30:00Z");
    private static final String RULE = """
            {"timeframe": "1m", "long": {"pattern": "hammer"}, "short": {"pattern": "shooting_star"},
             "plan": {"stopPoints": 2.0, "validBars": 2}}""";

    private WarmUp() {
    }

    /** What a warm-up produced (each record also written and read back through its topic's serde). */
    public record Result(int trades, int plans, int decisions, int orders, int places, long millis) {
    }

    /**
     * Runs {@code trades} synthetic trades (100 ms apart) through the stages configured like {@code config}
     * (its bar settings and risk rules, one warm-up account). Never throws: a failure is logged, as the
     * service works without it.
     */
    public static Result run(TopologyConfig config, int trades) {
        long start = System.nanoTime();
        Map<String, Object> registry = Map.of("schema.registry.url", SchemaRegistries.MOCK_SCHEME + REGISTRY_SCOPE);
        RoundTrip out = new RoundTrip(registry);
        try {
            DirectTopology topology = new DirectTopology(new TopologyConfig(registry, config.baseIntervalSeconds(), config.grace(),
                    config.rollupIntervalsSeconds(), List.of(ACCOUNT), config.risk(), false), out);
            out.topology = topology;
            topology.instrument(Instrument.newBuilder().setSymbol(INSTRUMENT).setAssetClass(AssetClass.FUTURE).setTickSize(0.25)
                    .setTickValue(new BigDecimal("12.500000")).setCurrency("USD").setTimeZone("America/New_York")
                    .setSessionOpen(LocalTime.of(18, 0)).setSessionClose(LocalTime.of(17, 0)).build());
            topology.strategy(StrategyDefinition.newBuilder().setStrategyId("warm-up-hammer").setVersion(1).setKind(StrategyKind.RULES)
                    .setEnabled(true).setDefinition(RULE).setInstruments(List.of(INSTRUMENT)).build());
            long seed = 7;
            long priceTicks = 24_000;
            for (int i = 0; i < trades; i++) {
                seed = seed * 6364136223846793005L + 1442695040888963407L;
                int r = (int) (seed >>> 58);
                priceTicks += r < 28 ? -1 : r > 35 ? 1 : 0;
                AggressorSide side = r % 3 == 0 ? AggressorSide.SELL : AggressorSide.BUY;
                double price = priceTicks * 0.25;
                topology.tick(Tick.newBuilder().setInstrument(INSTRUMENT).setEventTime(START.plusMillis(100L * i)).setPrice(price)
                        .setSize(i % 97 < 4 ? 20 : 1 + (r & 3)).setAggressor(side)
                        .setBid(side == AggressorSide.SELL ? price : price - 0.25).setAsk(side == AggressorSide.BUY ? price : price + 0.25)
                        .build());
            }
        } catch (RuntimeException e) {
            LOG.warn("warm-up failed (the service starts without it): {}", e.toString());
        } finally {
            SchemaRegistries.dropMock(REGISTRY_SCOPE);
        }
        Result result = new Result(trades, out.plans, out.decisions, out.orders, out.places, (System.nanoTime() - start) / 1_000_000);
        LOG.info("warmed up on {} synthetic trades in {} ms: {} plans, {} decisions, {} orders ({} PLACE)", result.trades(),
                result.millis(), result.plans(), result.decisions(), result.orders(), result.places());
        return result;
    }

    /** Takes every output through its topic's serializer and deserializer; hands the fan-out's copies to the risk stage. */
    private static final class RoundTrip implements DirectTopology.Outputs {
        private final Map<String, ?> registry;
        private final Map<String, Serializer<Object>> serializers = new HashMap<>();
        private final Map<String, Deserializer<?>> deserializers = new HashMap<>();
        private DirectTopology topology;
        private int plans;
        private int decisions;
        private int orders;
        private int places;

        RoundTrip(Map<String, ?> registry) {
            this.registry = registry;
        }

        @Override
        public void bar(String instrument, Bar bar, long timestampMs) {
            roundTrip(Topics.SIG_BARS, bar);
        }

        @Override
        public void level(String instrument, LiquidityLevel level, long timestampMs) {
            roundTrip(Topics.SIG_LEVELS, level);
        }

        @Override
        public void bias(String instrument, Bias bias, long timestampMs) {
            roundTrip(Topics.SIG_BIAS, bias);
        }

        @Override
        public void plan(String instrument, TradePlan plan, long timestampMs) {
            roundTrip(Topics.SIG_PLANS, plan);
            plans++;
        }

        @Override
        public void accountSignal(String account, AccountSignal signal, long timestampMs) {
            topology.decide(account, (AccountSignal) roundTrip(Topics.RISK_SIGNALS_BY_ACCOUNT, signal), timestampMs);
        }

        @Override
        public void decision(String account, RiskDecision decision, long timestampMs) {
            roundTrip(Topics.RISK_DECISIONS, decision);
            decisions++;
        }

        @Override
        public void order(String account, Order order, long timestampMs) {
            roundTrip(Topics.EXEC_ORDERS, order);
            orders++;
            if (order.getAction() == OrderAction.PLACE) {
                places++;
            }
        }

        @Override
        public void deadLetter(String source, DeadLetter deadLetter, long timestampMs) {
            roundTrip(Topics.DLQ_TOPOLOGY, deadLetter);
        }

        @SuppressWarnings("unchecked")
        private <V extends SpecificRecord> V roundTrip(Topic<String, V> topic, V value) {
            Serializer<Object> serializer = serializers.computeIfAbsent(topic.name(),
                    n -> (Serializer<Object>) (Serializer<?>) topic.valueSerde(registry).serializer());
            Deserializer<V> deserializer = (Deserializer<V>) deserializers.computeIfAbsent(topic.name(),
                    n -> topic.valueSerde(registry).deserializer());
            return deserializer.deserialize(topic.name(), serializer.serialize(topic.name(), value));
        }
    }
}
