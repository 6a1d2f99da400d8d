package io.liquidityengine.topology.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidityengine.schemas.catalog.Topic;
import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.control.StrategyKind;
import io.liquidityengine.schemas.deadletter.DeadLetter;
import io.liquidityengine.schemas.execution.Order;
import io.liquidityengine.schemas.marketdata.Bar;
import io.liquidityengine.schemas.marketdata.LiquidityLevel;
import io.liquidityengine.schemas.marketdata.Tick;
import io.liquidityengine.schemas.risk.AccountSignal;
import io.liquidityengine.schemas.risk.RiskDecision;
import io.liquidityengine.schemas.signals.Bias;
import io.liquidityengine.schemas.signals.TradePlan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/**
 * The stages run by {@link DirectTopology} (one thread, no Kafka Streams) give byte for byte the
 * records the Kafka Streams topology gives for the same input: keys, Avro values in the wire
 * format and timestamps, on every output topic including the risk stage's decisions and orders.
 */
class DirectTopologyTest {

    private static final List<Topic<String, ?>> OUTPUTS = List.of(Topics.SIG_BARS, Topics.SIG_LEVELS, Topics.SIG_BIAS,
            Topics.SIG_PLANS, Topics.RISK_DECISIONS, Topics.EXEC_ORDERS, Topics.DLQ_TOPOLOGY);

    @Test
    void shouldProduceTheTopologysRecordsByteForByte() {
        try (TopologyFixture f = new TopologyFixture(Duration.ofSeconds(2))) {
            ReplayTest.session(f);
            Map<String, List<TestRecord<byte[], byte[]>>> streams = new LinkedHashMap<>();
            for (Topic<String, ?> topic : OUTPUTS) {
                streams.put(topic.name(), f.driver.createOutputTopic(topic.name(), Serdes.ByteArray().deserializer(),
                        Serdes.ByteArray().deserializer()).readRecordsToList());
            }

            Direct direct = new Direct(f.registry);
            ReplayTest.session(direct);

            assertThat(streams.get(Topics.SIG_BARS.name())).hasSizeGreaterThan(300);
            assertThat(streams.get(Topics.SIG_PLANS.name())).isNotEmpty();
            assertThat(streams.get(Topics.RISK_DECISIONS.name())).isNotEmpty();
            assertThat(streams.get(Topics.EXEC_ORDERS.name())).isNotEmpty();
            assertThat(streams.get(Topics.DLQ_TOPOLOGY.name())).hasSize(4);
            for (Topic<String, ?> topic : OUTPUTS) {
                List<TestRecord<byte[], byte[]>> expected = streams.get(topic.name());
                List<TestRecord<byte[], byte[]>> actual = direct.records.getOrDefault(topic.name(), List.of());
                assertThat(actual).as(topic.name()).hasSameSizeAs(expected);
                for (int i = 0; i < expected.size(); i++) {
                    assertThat(actual.get(i).key()).as("%s key %d", topic.name(), i).isEqualTo(expected.get(i).key());
                    assertThat(actual.get(i).value()).as("%s value %d", topic.name(), i).isEqualTo(expected.get(i).value());
                    assertThat(actual.get(i).timestamp()).as("%s timestamp %d", topic.name(), i).isEqualTo(expected.get(i).timestamp());
                }
            }
        }
    }

    /**
     * Under exactly-once a stage's output is seen downstream only once Kafka Streams commits: every plan
     * (signal stage and fan-out) and every risk input that gives orders asks for a commit, and nothing else
     * does (a commit per bar would slow a replay).
     */
    @Test
    void shouldRequestACommitAfterEveryPlanAndEveryRecordThatGivesOrders() {
        try (TopologyFixture f = new TopologyFixture(Duration.ofSeconds(2))) {
            Direct direct = new Direct(f.registry);
            ReplayTest.session(direct);

            int plans = direct.records.get(Topics.SIG_PLANS.name()).size();
            assertThat(plans).isGreaterThan(1);
            assertThat(direct.riskInputsWithOrders).isGreaterThan(0);
            assertThat(direct.records.get(Topics.EXEC_ORDERS.name())).hasSizeGreaterThanOrEqualTo(direct.riskInputsWithOrders);
            assertThat(direct.commits).containsExactlyInAnyOrderEntriesOf(Map.of(
                    DirectTopology.SIGNALS_STAGE, plans,
                    DirectTopology.FAN_OUT_STAGE, plans,
                    DirectTopology.RISK_STAGE, direct.riskInputsWithOrders));
            assertThat(direct.ordersWithoutCommit).isZero();
        }
    }

    /** The session's inputs into a {@link DirectTopology}; its outputs serialized as the topics would hold them. */
    private static final class Direct implements ReplayTest.SessionInput, DirectTopology.Outputs {
        private final Map<String, ?> registry;
        private final Map<String, List<TestRecord<byte[], byte[]>>> records = new LinkedHashMap<>();
        private final Map<String, Serializer<Object>> serializers = new LinkedHashMap<>();
        private final DirectTopology topology;
        private final Map<String, Integer> commits = new LinkedHashMap<>();
        private int riskInputsWithOrders;
        private int ordersWithoutCommit;
        private int orderCount;
        private long tickOffset;

        Direct(Map<String, ?> registry) {
            this.registry = registry;
            topology = new DirectTopology(TopologyConfig.defaults(registry).withGrace(Duration.ofSeconds(2)), this);
            topology.instrument(TopologyFixture.es());
        }

        @Override
        public void pipeStrategy(String id, int version, StrategyKind kind, boolean enabled, String json, Instant at) {
            topology.strategy(TopologyFixture.strategy(id, version, kind, enabled, json));
        }

        @Override
        public void pipeDelta(Instant minuteStart, double value) {
            topology.optionDelta(TopologyFixture.delta(minuteStart, value));
        }

        @Override
        public void pipeImportedLevel(String lineId, Instant created, double price) {
            topology.importedLevel(TopologyFixture.importedLevel(lineId, created, price), created.toEpochMilli());
        }

        @Override
        public void pipe(Tick tick) {
            topology.origin(Topics.MD_TICKS.name(), 0, tickOffset++);
            topology.tick(tick);
        }

        @Override
        public void bar(String instrument, Bar bar, long timestampMs) {
            add(Topics.SIG_BARS, instrument, bar, timestampMs);
        }

        @Override
        public void level(String instrument, LiquidityLevel level, long timestampMs) {
            add(Topics.SIG_LEVELS, instrument, level, timestampMs);
        }

        @Override
        public void bias(String instrument, Bias bias, long timestampMs) {
            add(Topics.SIG_BIAS, instrument, bias, timestampMs);
        }

        @Override
        public void plan(String instrument, TradePlan plan, long timestampMs) {
            add(Topics.SIG_PLANS, instrument, plan, timestampMs);
        }

        @Override
        public void accountSignal(String account, AccountSignal signal, long timestampMs) {
            // nothing executes here, so nothing can fill before the signal: decide at once
            int before = orderCount;
            topology.decide(account, signal, timestampMs);
            if (orderCount != before) {
                riskInputsWithOrders++;
            }
        }

        @Override
        public void commitRequested(String stage) {
            commits.merge(stage, 1, Integer::sum);
            if (stage.equals(DirectTopology.RISK_STAGE)) {
                ordersWithoutCommit = 0;
            }
        }

        @Override
        public void decision(String account, RiskDecision decision, long timestampMs) {
            add(Topics.RISK_DECISIONS, account, decision, timestampMs);
        }

        @Override
        public void order(String account, Order order, long timestampMs) {
            add(Topics.EXEC_ORDERS, account, order, timestampMs);
            ordersWithoutCommit++;
            orderCount++;
        }

        @Override
        public void deadLetter(String source, DeadLetter deadLetter, long timestampMs) {
            add(Topics.DLQ_TOPOLOGY, source, deadLetter, timestampMs);
        }

        @SuppressWarnings("unchecked")
        private <V extends SpecificRecord> void add(Topic<String, V> topic, String key, V value, long timestampMs) {
            Serializer<Object> serializer = serializers.computeIfAbsent(topic.name(),
                    n -> (Serializer<Object>) (Serializer<?>) topic.valueSerde(registry).serializer());
            byte[] bytes = serializer.serialize(topic.name(), value);
            records.computeIfAbsent(topic.name(), n -> new ArrayList<>())
                    .add(new TestRecord<>(Serdes.String().serializer().serialize(topic.name(), key), bytes, null, timestampMs));
        }
    }
}
