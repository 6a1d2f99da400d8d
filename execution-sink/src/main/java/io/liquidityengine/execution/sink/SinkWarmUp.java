package io.liquidityengine.execution.sink;

import io.liquidityengine.execution.broker.AccountBrokers;
import io.liquidityengine.execution.broker.BrokerFactory;
import io.liquidityengine.execution.broker.BrokerSettings;
import io.liquidityengine.execution.paper.PaperBrokerFactory;
import io.liquidityengine.schemas.catalog.Topic;
import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.deadletter.DeadLetter;
import io.liquidityengine.schemas.execution.BracketLeg;
import io.liquidityengine.schemas.execution.ExecutionReport;
import io.liquidityengine.schemas.execution.Order;
import io.liquidityengine.schemas.execution.OrderAction;
import io.liquidityengine.schemas.execution.OrderType;
import io.liquidityengine.schemas.execution.Position;
import io.liquidityengine.schemas.execution.Side;
import io.liquidityengine.schemas.marketdata.AggressorSide;
import io.liquidityengine.schemas.reference.AssetClass;
import io.liquidityengine.schemas.marketdata.Tick;
import io.liquidityengine.schemas.reference.Instrument;
import io.liquidityengine.schemas.registry.SchemaRegistries;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the sink's order path once before the service consumes: a bracket through an {@link ExecutionSink}
 * with a paper broker (placed, entry and target filled, the stop cancelled), every record written and read
 * back through its topic's serde, and each configured broker kind's own {@link BrokerFactory#warmUp()}.
 * Without it the first order of a live session took 50-80 ms between exec.orders and the venue against
 * 1-3 ms for the others (BENCHMARKS.md, live order latency): loading and first running that code. All in
 * memory: an in-memory registry and meter registry, a warm-up account and instrument; nothing reaches
 * Kafka or a venue.
 */
public final class SinkWarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(SinkWarmUp.class);
    private static final String INSTRUMENT = "WARMUP";
    private static final String ACCOUNT = "warm-up";
    private static final String REGISTRY_SCOPE = "execution-sink-warm-up";
    private static final Instant START = Instant.parse("2024-12-05T15:30:00Z");

    private SinkWarmUp() {
    }

    /** What the warm-up's bracket gave; the brokers' warm-ups are not counted. */
    public record Result(int reports, int positions, long millis) {
    }

    /** Never throws: a failure is logged, as the service works without it. */
    public static Result run(Collection<BrokerFactory> brokers) {
        long start = System.nanoTime();
        Map<String, Object> registry = Map.of("schema.registry.url", SchemaRegistries.MOCK_SCHEME + REGISTRY_SCOPE);
        RoundTrip out = new RoundTrip(registry);
        try {
            ExecutionSink sink = new ExecutionSink(new ExecutionSink.Config(Set.of(ACCOUNT), Duration.ofDays(1)),
                    AccountBrokers.every(new PaperBrokerFactory(), BrokerSettings.empty()), out, new SimpleMeterRegistry());
            sink.start();
            sink.onInstrument(INSTRUMENT, out.roundTrip(Topics.REF_INSTRUMENTS, Instrument.newBuilder().setSymbol(INSTRUMENT)
                    .setAssetClass(AssetClass.FUTURE).setTickSize(0.25).setTickValue(new BigDecimal("12.500000")).setCurrency("USD")
                    .setQuantityStep(1).setTimeZone("America/New_York").setSessionOpen(LocalTime.of(18, 0))
                    .setSessionClose(LocalTime.of(17, 0)).build()));
            sink.onTick(tick(0, 6000.00));
            String bracket = ACCOUNT + ":warm-up:" + INSTRUMENT + ":" + START.toEpochMilli() * 1000 + ":1";
            Order place = Order.newBuilder().setClientOrderId(bracket + ":1:PLACE").setBracketId(bracket).setAccount(ACCOUNT)
                    .setInstrument(INSTRUMENT).setPlanId("warm-up").setAction(OrderAction.PLACE).setSide(Side.BUY)
                    .setEntryType(OrderType.LIMIT).setEntryPrice(6000.00).setQuantity(2)
                    .setLegs(List.of(BracketLeg.newBuilder().setLegId(bracket + "-1").setQuantity(2).setTargetPrice(6002.00)
                            .setStopPrice(5998.00).build()))
                    .setEventTime(START.plusSeconds(1)).setReason("warm-up").build();
            byte[] raw = out.serialize(Topics.EXEC_ORDERS, place);
            sink.onOrder(out.deserialize(Topics.EXEC_ORDERS, raw), new ExecutionSink.Origin(Topics.EXEC_ORDERS.name(), 0, 0), raw);
            sink.onTick(tick(2, 5999.75));
            sink.onTick(tick(3, 6002.25));
            sink.drainBrokerEvents();
            sink.close();
            for (BrokerFactory broker : brokers) {
                broker.warmUp();
            }
        } catch (RuntimeException e) {
            LOG.warn("warm-up failed (the service starts without it): {}", e.toString());
        } finally {
            SchemaRegistries.dropMock(REGISTRY_SCOPE);
        }
        Result result = new Result(out.reports, out.positions, (System.nanoTime() - start) / 1_000_000);
        LOG.info("warmed up in {} ms: {} reports, {} positions", result.millis(), result.reports(), result.positions());
        return result;
    }

    private static Tick tick(int seconds, double price) {
        return Tick.newBuilder().setInstrument(INSTRUMENT).setEventTime(START.plusSeconds(seconds)).setPrice(price).setSize(1)
                .setAggressor(AggressorSide.UNKNOWN).build();
    }

    /** The sink's outputs, each written and read back through its topic's serde. */
    private static final class RoundTrip implements ExecutionSink.Output {
        private final Map<String, ?> registry;
        private int reports;
        private int positions;

        RoundTrip(Map<String, ?> registry) {
            this.registry = registry;
        }

        @Override
        public void report(ExecutionReport report) {
            roundTrip(Topics.EXEC_REPORTS, report);
            reports++;
        }

        @Override
        public void position(Position position) {
            roundTrip(Topics.EXEC_POSITIONS, position);
            positions++;
        }

        @Override
        public void deadLetter(DeadLetter deadLetter) {
            throw new IllegalStateException("the warm-up's bracket was refused: " + deadLetter.getReason() + " " + deadLetter.getDetail());
        }

        <V extends SpecificRecord> byte[] serialize(Topic<String, V> topic, V value) {
            return topic.valueSerde(registry).serializer().serialize(topic.name(), value);
        }

        <V extends SpecificRecord> V deserialize(Topic<String, V> topic, byte[] bytes) {
            return topic.valueSerde(registry).deserializer().deserialize(topic.name(), bytes);
        }

        <V extends SpecificRecord> V roundTrip(Topic<String, V> topic, V value) {
            return deserialize(topic, serialize(topic, value));
        }
    }
}
