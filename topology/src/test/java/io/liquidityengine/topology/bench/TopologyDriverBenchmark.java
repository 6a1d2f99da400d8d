package io.liquidityengine.topology.bench;

import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.marketdata.AggressorSide;
import io.liquidityengine.schemas.marketdata.Tick;
import io.liquidityengine.schemas.reference.AssetClass;
import io.liquidityengine.schemas.reference.Instrument;
import io.liquidityengine.schemas.registry.SchemaRegistries;
import io.liquidityengine.topology.stream.EngineTopology;
import io.liquidityengine.topology.stream.TopologyConfig;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The whole production topology in a TopologyTestDriver with the real Avro serdes (Confluent wire
 * format, in-memory registry): ticks in, bars, levels, bias and plans out, all serialized. Ticks are
 * serialized up front so the timing covers deserialization, processing, state-store codecs and
 * output serialization. A documentation benchmark, not a test; see BENCHMARKS.md.
 */
public final class TopologyDriverBenchmark {

    private TopologyDriverBenchmark() {
    }

    public static void main(String[] args) {
        BenchTicks.quietLogs();
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        BenchTicks source = new BenchTicks(n, "ES");
        for (int round = 0; round < rounds; round++) {
            Map<String, String> registry = Map.of("schema.registry.url", "mock://bench-" + round);
            var tickSerializer = Topics.MD_TICKS.valueSerde(registry).serializer();
            byte[][] payload = new byte[n][];
            long[] timestamps = new long[n];
            for (int i = 0; i < n; i++) {
                Tick tick = tick(source, i);
                payload[i] = tickSerializer.serialize(Topics.MD_TICKS.name(), tick);
                timestamps[i] = source.timeMicros[i] / 1000;
            }
            Properties props = new Properties();
            props.put(StreamsConfig.APPLICATION_ID_CONFIG, "bench");
            props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
            try (TopologyTestDriver driver = new TopologyTestDriver(EngineTopology.build(TopologyConfig.defaults(registry)), props)) {
                driver.createInputTopic(Topics.REF_INSTRUMENTS.name(), Serdes.String().serializer(),
                        Topics.REF_INSTRUMENTS.valueSerde(registry).serializer()).pipeInput("ES", es(), Instant.EPOCH);
                TestInputTopic<String, byte[]> ticks = driver.createInputTopic(Topics.MD_TICKS.name(), Serdes.String().serializer(),
                        Serdes.ByteArray().serializer());
                var bars = driver.createOutputTopic(Topics.SIG_BARS.name(), Serdes.String().deserializer(), Serdes.ByteArray().deserializer());
                var bias = driver.createOutputTopic(Topics.SIG_BIAS.name(), Serdes.String().deserializer(), Serdes.ByteArray().deserializer());
                var levels = driver.createOutputTopic(Topics.SIG_LEVELS.name(), Serdes.String().deserializer(), Serdes.ByteArray().deserializer());
                long outputs = 0;
                long start = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    ticks.pipeInput("ES", payload[i], timestamps[i]);
                    if ((i & 0xFFFF) == 0) {   // drain so the driver's output queues stay small
                        outputs += bars.getQueueSize() + bias.getQueueSize() + levels.getQueueSize();
                        bars.readValuesToList();
                        bias.readValuesToList();
                        levels.readValuesToList();
                    }
                }
                long elapsed = System.nanoTime() - start;
                outputs += bars.getQueueSize() + bias.getQueueSize() + levels.getQueueSize();
                System.out.printf("round %d: %,d ticks -> %,d bar/bias/level records in %.1f ms = %,.0f ticks/s%n",
                        round, n, outputs, elapsed / 1e6, n / (elapsed / 1e9));
            } finally {
                SchemaRegistries.dropMock("bench-" + round);
            }
        }
    }

    static Tick tick(BenchTicks s, int i) {
        double p = s.price[i];
        return Tick.newBuilder().setInstrument(s.instrument[i]).setEventTime(Instant.ofEpochSecond(0, s.timeMicros[i] * 1000))
                .setPrice(p).setSize(s.size[i]).setAggressor(s.buy[i] ? AggressorSide.BUY : AggressorSide.SELL)
                .setBid(s.buy[i] ? p - 0.25 : p).setAsk(s.buy[i] ? p : p + 0.25).setSourceSequence(i).build();
    }

    static Instrument es() {
        return instrument("ES");
    }

    static Instrument instrument(String symbol) {
        return Instrument.newBuilder().setSymbol(symbol).setAssetClass(AssetClass.FUTURE).setTickSize(0.25)
                .setTickValue(new BigDecimal("12.500000")).setCurrency("USD").setTimeZone("America/New_York")
                .setSessionOpen(LocalTime.of(18, 0)).setSessionClose(LocalTime.of(17, 0)).build();
    }
}
