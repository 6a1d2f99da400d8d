package io.liquidityengine.topology.stream;

import static io.liquidityengine.topology.stream.TopologyFixture.T0;
import static io.liquidityengine.topology.stream.TopologyFixture.importedBar;
import static org.assertj.core.api.Assertions.assertThat;

import io.liquidityengine.schemas.catalog.Topic;
import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.control.StrategyKind;
import io.liquidityengine.schemas.marketdata.AggressorSide;
import io.liquidityengine.schemas.marketdata.Bar;
import io.liquidityengine.schemas.marketdata.LevelEvent;
import io.liquidityengine.schemas.signals.Bias;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/** Whole-topology replays: determinism to the byte, and the real Sierra Chart bar export. */
class ReplayTest {

    private static final List<Topic<String, ?>> OUTPUTS = List.of(Topics.SIG_BARS, Topics.SIG_LEVELS, Topics.SIG_BIAS,
            Topics.SIG_PLANS, Topics.DLQ_TOPOLOGY);

    @Test
    void replayingTheSameInputTwiceShouldGiveByteIdenticalOutputTopics() {
        Map<String, List<TestRecord<byte[], byte[]>>> first = run();
        Map<String, List<TestRecord<byte[], byte[]>>> second = run();

        assertThat(first.get(Topics.SIG_BARS.name())).hasSizeGreaterThan(300);
        assertThat(first.get(Topics.SIG_LEVELS.name())).isNotEmpty();
        assertThat(first.get(Topics.SIG_BIAS.name())).hasSizeGreaterThan(300);
        assertThat(first.get(Topics.SIG_PLANS.name())).isNotEmpty();
        assertThat(first.get(Topics.DLQ_TOPOLOGY.name())).isNotEmpty();
        for (Topic<String, ?> topic : OUTPUTS) {
            List<TestRecord<byte[], byte[]>> a = first.get(topic.name());
            List<TestRecord<byte[], byte[]>> b = second.get(topic.name());
            assertThat(b).as(topic.name()).hasSameSizeAs(a);
            for (int i = 0; i < a.size(); i++) {
                assertThat(b.get(i).key()).as("%s key %d", topic, i).isEqualTo(a.get(i).key());
                assertThat(b.get(i).value()).as("%s value %d", topic, i).isEqualTo(a.get(i).value());
                assertThat(b.get(i).timestamp()).as("%s timestamp %d", topic, i).isEqualTo(a.get(i).timestamp());
            }
        }
    }

    /** 40 minutes of synthetic ES ticks with imbalance bursts, option deltas, an imported level, a rule strategy and bad input. */
    private static Map<String, List<TestRecord<byte[], byte[]>>> run() {
        try (TopologyFixture f = new TopologyFixture(java.time.Duration.ofSeconds(2))) {
            session(f);
            Map<String, List<TestRecord<byte[], byte[]>>> out = new LinkedHashMap<>();
            for (Topic<String, ?> topic : OUTPUTS) {
                out.put(topic.name(), f.driver.createOutputTopic(topic.name(), Serdes.ByteArray().deserializer(),
                        Serdes.ByteArray().deserializer()).readRecordsToList());
            }
            return out;
        }
    }

    /** The inputs of {@link #session}: the topology's input topics. */
    interface SessionInput {
        void pipeStrategy(String id, int version, StrategyKind kind, boolean enabled, String json, Instant at);

        void pipeDelta(Instant minuteStart, double value);

        void pipeImportedLevel(String lineId, Instant created, double price);

        void pipe(io.liquidityengine.schemas.marketdata.Tick tick);
    }

    /** The replayed session, in event-time order. */
    static void session(SessionInput f) {
        f.pipeStrategy("hammer", 1, StrategyKind.RULES, true, """
                {"timeframe": "1m", "long": {"pattern": "hammer"}, "short": {"pattern": "shooting_star"},
                 "plan": {"stopPoints": 2.0, "validBars": 2}}""", T0);
        for (int m = 0; m < 60; m++) {
            f.pipeDelta(T0.minusSeconds(20 * 60).plusSeconds(60L * m), 5000 + 37 * Math.sin(m / 5.0) * m);
        }
        f.pipeImportedLevel("7", T0, 6002.00);
        long seed = 7;
        long priceTicks = 24_000;
        for (int i = 0; i < 24_000; i++) {
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            int r = (int) (seed >>> 58);
            priceTicks += r < 28 ? -1 : r > 35 ? 1 : 0;
            AggressorSide side = r % 3 == 0 ? AggressorSide.SELL : AggressorSide.BUY;
            Instant t = T0.plusMillis(100L * i);
            double size = i % 97 < 4 ? 20 : 1 + (r & 3);
            f.pipe(TopologyFixture.tick("ES", t, priceTicks * 0.25, size, side));
            if (i % 5000 == 4999) {
                f.pipe(TopologyFixture.tick("ES", t.minusSeconds(30), priceTicks * 0.25, 1, side));   // late: dead letter
            }
        }
    }

    @Test
    void replayingTheRealSierraBarExportThroughImportedBarsShouldGiveABiasForEveryBar() {
        List<Bar> bars = sierraExport();
        assertThat(bars).hasSize(44);
        try (TopologyFixture f = new TopologyFixture()) {
            bars.forEach(f::pipe);
            List<TestRecord<String, Bias>> bias = f.output(Topics.SIG_BIAS).readRecordsToList();
            assertThat(bias).hasSize(44);
            for (int i = 0; i < bars.size(); i++) {
                assertThat(bias.get(i).key()).isEqualTo("ES");
                assertThat(bias.get(i).value().getEventTime()).isEqualTo(bars.get(i).getEndTime());
                assertThat(bias.get(i).value().getClose()).isEqualTo(bars.get(i).getClose());
                assertThat(bias.get(i).timestamp()).isEqualTo(bars.get(i).getEndTime().toEpochMilli());
            }
            // 16:15:00 .. 16:18:45 UTC, 5 s apart; no option deltas, so the position stays HOLD and so does the bias
            assertThat(bias.get(0).value().getEventTime()).isEqualTo(Instant.parse("2024-12-05T16:15:05Z"));
            assertThat(bias.get(43).value().getEventTime()).isEqualTo(Instant.parse("2024-12-05T16:18:50Z"));
            assertThat(bias).allSatisfy(r -> assertThat(r.value().getBias()).hasToString("HOLD"));
            // RSI is published once warmed up (15 bars)
            assertThat(bias.stream().filter(r -> r.value().getRsi() != null)).hasSize(44 - 14);
            assertThat(f.output(Topics.SIG_LEVELS).readValuesToList()).noneMatch(l -> l.getEvent() == LevelEvent.FILLED);
            assertThat(f.output(Topics.DLQ_TOPOLOGY).isEmpty()).isTrue();
        }
    }

    /** The Sierra Chart bar/study export as the ingest service publishes it (times UTC, studies from the columns after Ask Volume). */
    static List<Bar> sierraExport() {
        try (InputStream in = Objects.requireNonNull(ReplayTest.class.getResourceAsStream("/sierra-es-bar-study-export.csv"))) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n");
            List<String> header = Arrays.stream(lines[0].split(",")).map(String::trim).toList();
            int askVolume = header.indexOf("Ask Volume");
            List<Bar> bars = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                String[] c = Arrays.stream(lines[i].split(",")).map(String::trim).toArray(String[]::new);
                Instant start = LocalDate.parse(c[0], DateTimeFormatter.ofPattern("yyyy-M-d"))
                        .atTime(LocalTime.parse(c[1])).toInstant(ZoneOffset.UTC);
                Bar bar = importedBar(start, 5, d(c[2]), d(c[3]), d(c[4]), d(c[5]), List.of());
                bar.setVolume(d(c[6]));
                bar.setTrades(Long.parseLong(c[7]));
                bar.setBidVolume(d(c[header.indexOf("Bid Volume")]));
                bar.setAskVolume(d(c[askVolume]));
                Map<String, Double> studies = new TreeMap<>();
                for (int k = askVolume + 1; k < c.length && k < header.size(); k++) {
                    studies.put(header.get(k), d(c[k]));
                }
                bar.setStudies(studies);
                bars.add(bar);
            }
            return bars;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double d(String s) {
        return Double.parseDouble(s);
    }
}
