package io.liquidityengine.topology.stream;

import io.liquidityengine.schemas.catalog.Topic;
import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.marketdata.AggressorSide;
import io.liquidityengine.schemas.marketdata.Tick;
import io.liquidityengine.schemas.reference.AssetClass;
import io.liquidityengine.schemas.reference.Instrument;
import io.liquidityengine.schemas.registry.SchemaRegistries;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import io.liquidityengine.schemas.control.StrategyDefinition;
import io.liquidityengine.schemas.control.StrategyKind;
import io.liquidityengine.schemas.marketdata.Bar;
import io.liquidityengine.schemas.marketdata.BarSource;
import io.liquidityengine.schemas.marketdata.FootprintLevel;
import io.liquidityengine.schemas.marketdata.LevelDirection;
import io.liquidityengine.schemas.marketdata.LevelEvent;
import io.liquidityengine.schemas.marketdata.LevelOrigin;
import io.liquidityengine.schemas.marketdata.LiquidityLevel;
import io.liquidityengine.schemas.marketdata.OptionDelta;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/** A TopologyTestDriver over the production topology with an in-memory registry, plus tick helpers. */
final class TopologyFixture implements AutoCloseable, ReplayTest.SessionInput {

    static final Instant T0 = Instant.parse("2024-12-05T15:30:00Z");

    final String scope = "topology-" + UUID.randomUUID();
    final Map<String, String> registry = Map.of("schema.registry.url", "mock://" + scope);
    final TopologyTestDriver driver;

    TopologyFixture(Duration grace) {
        this(c -> c.withGrace(grace));
    }

    /** The production topology over the default configuration changed by {@code configure}. */
    TopologyFixture(UnaryOperator<TopologyConfig> configure) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(EngineTopology.build(configure.apply(TopologyConfig.defaults(registry))), props);
        input(Topics.REF_INSTRUMENTS).pipeInput("ES", es(), Instant.EPOCH);
    }

    TopologyFixture() {
        this(Duration.ZERO);
    }

    /** A 5 s imported bar starting {@code seconds} after T0, without footprint or studies. */
    static Bar importedBar(long seconds, double open, double high, double low, double close) {
        return importedBar(T0.plusSeconds(seconds), 5, open, high, low, close, List.of());
    }

    static Bar importedBar(Instant start, int interval, double open, double high, double low, double close,
                           List<FootprintLevel> footprint) {
        double bid = footprint.stream().mapToDouble(FootprintLevel::getBidVolume).sum();
        double ask = footprint.stream().mapToDouble(FootprintLevel::getAskVolume).sum();
        return Bar.newBuilder().setInstrument("ES").setIntervalSeconds(interval).setStartTime(start)
                .setEndTime(start.plusSeconds(interval)).setOpen(open).setHigh(high).setLow(low).setClose(close)
                .setVolume(bid + ask).setTrades(footprint.size()).setBidVolume(bid).setAskVolume(ask)
                .setFootprint(footprint).setStudies(Map.of()).setSource(BarSource.IMPORTED).build();
    }

    /** Pipes an imported bar with record timestamp = bar end (as the ingest service stamps it). */
    void pipe(Bar bar) {
        input(Topics.MD_BARS_IMPORTED).pipeInput(bar.getInstrument(), bar, bar.getEndTime());
    }

    /** Pipes an option-delta value for the minute starting at {@code minuteStart} (timestamp = minute start). */
    @Override
    public void pipeDelta(Instant minuteStart, double value) {
        input(Topics.MD_OPTION_DELTAS).pipeInput("ES", delta(minuteStart, value), minuteStart);
    }

    /** Pipes an imported level CREATED at {@code created}, unfilled. */
    @Override
    public void pipeImportedLevel(String lineId, Instant created, double price) {
        input(Topics.MD_LEVELS_IMPORTED).pipeInput("ES", importedLevel(lineId, created, price), created);
    }

    @Override
    public void pipeStrategy(String id, int version, StrategyKind kind, boolean enabled, String json, Instant at) {
        input(Topics.CONFIG_STRATEGIES).pipeInput(id, strategy(id, version, kind, enabled, json), at);
    }

    static OptionDelta delta(Instant minuteStart, double value) {
        return OptionDelta.newBuilder().setUnderlying("ES").setEventTime(minuteStart).setValue(value).setSource("test").build();
    }

    static LiquidityLevel importedLevel(String lineId, Instant created, double price) {
        return LiquidityLevel.newBuilder().setInstrument("ES").setLevelId("ES:" + lineId).setPrice(price).setEvent(LevelEvent.CREATED)
                .setDirection(LevelDirection.UNKNOWN).setOrigin(LevelOrigin.IMPORTED).setCreatedTime(created).setSourceId(lineId).build();
    }

    static StrategyDefinition strategy(String id, int version, StrategyKind kind, boolean enabled, String json) {
        return StrategyDefinition.newBuilder().setStrategyId(id).setVersion(version).setKind(kind).setEnabled(enabled)
                .setDefinition(json).build();
    }

    static Instrument es() {
        return Instrument.newBuilder().setSymbol("ES").setAssetClass(AssetClass.FUTURE).setTickSize(0.25)
                .setTickValue(new BigDecimal("12.500000")).setCurrency("USD").setTimeZone("America/New_York")
                .setSessionOpen(LocalTime.of(18, 0)).setSessionClose(LocalTime.of(17, 0)).build();
    }

    static Tick tick(String instrument, Instant time, double price, double size, AggressorSide side) {
        return Tick.newBuilder().setInstrument(instrument).setEventTime(time).setPrice(price).setSize(size)
                .setAggressor(side).setBid(side == AggressorSide.SELL ? price : price - 0.25)
                .setAsk(side == AggressorSide.BUY ? price : price + 0.25).build();
    }

    <V extends SpecificRecord> TestInputTopic<String, V> input(Topic<String, V> topic) {
        return driver.createInputTopic(topic.name(), Serdes.String().serializer(), topic.valueSerde(registry).serializer());
    }

    <V extends SpecificRecord> TestOutputTopic<String, V> output(Topic<String, V> topic) {
        return driver.createOutputTopic(topic.name(), Serdes.String().deserializer(), topic.valueSerde(registry).deserializer());
    }

    @Override
    public void pipe(Tick t) {
        input(Topics.MD_TICKS).pipeInput(t.getInstrument(), t, t.getEventTime());
    }

    @Override
    public void close() {
        driver.close();
        SchemaRegistries.dropMock(scope);
    }
}
