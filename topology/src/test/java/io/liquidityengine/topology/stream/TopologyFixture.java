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
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/** A TopologyTestDriver over the production topology with an in-memory registry, plus tick helpers. */
final class TopologyFixture implements AutoCloseable {

    static final Instant T0 = Instant.parse("2024-12-05T15:30:00Z");

    final String scope = "topology-" + UUID.randomUUID();
    final Map<String, String> registry = Map.of("schema.registry.url", "mock://" + scope);
    final TopologyTestDriver driver;

    TopologyFixture(Duration grace) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(EngineTopology.build(TopologyConfig.defaults(registry).withGrace(grace)), props);
        input(Topics.REF_INSTRUMENTS).pipeInput("ES", es(), Instant.EPOCH);
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

    void pipe(Tick t) {
        input(Topics.MD_TICKS).pipeInput(t.getInstrument(), t, t.getEventTime());
    }

    @Override
    public void close() {
        driver.close();
        SchemaRegistries.dropMock(scope);
    }
}
