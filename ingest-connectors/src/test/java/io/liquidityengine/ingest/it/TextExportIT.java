package io.liquidityengine.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidityengine.ingest.publish.RecordSource;
import io.liquidityengine.ingest.publish.SourceRunner;
import io.liquidityengine.ingest.reference.InstrumentSpec;
import io.liquidityengine.ingest.sources.Sources;
import io.liquidityengine.local.LocalStack;
import io.liquidityengine.local.LocalStackExtension;
import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.control.SourceCheckpoint;
import io.liquidityengine.schemas.deadletter.DeadLetter;
import io.liquidityengine.schemas.deadletter.DeadLetterReason;
import io.liquidityengine.schemas.deadletter.PositionKind;
import io.liquidityengine.schemas.marketdata.Bar;
import io.liquidityengine.schemas.marketdata.BarSource;
import io.liquidityengine.schemas.marketdata.LevelDirection;
import io.liquidityengine.schemas.marketdata.LevelEvent;
import io.liquidityengine.schemas.marketdata.LevelOrigin;
import io.liquidityengine.schemas.marketdata.LiquidityLevel;
import io.liquidityengine.schemas.marketdata.OptionDelta;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Sierra Chart bar and zone exports and option-delta files through the SourceRunner onto the broker. */
@ExtendWith(LocalStackExtension.class)
class TextExportIT {

    @TempDir
    Path dir;

    private static Path resource(String name) throws Exception {
        return Path.of(TextExportIT.class.getResource(name).toURI());
    }

    private static SourceRunner.Result backfill(LocalStack stack, RecordSource source, SimpleMeterRegistry metrics) throws Exception {
        return new SourceRunner(source, stack.clientConfig(), SourceRunner.Settings.backfill(), metrics).run(() -> false);
    }

    private static RecordSource source(String id, String type, Path file, InstrumentSpec instrument, Optional<String> zone) {
        return Sources.create(id, type, file, instrument, false, 5, zone, Optional.empty());
    }

    @Test
    void shouldPublishTheRealBarExportWithStudiesStampedWithTheBarEnd(LocalStack stack) throws Exception {
        Path file = resource("/sierra/ES-bar-study-export.csv");
        InstrumentSpec es = Broker.instrument("IT-BARS-REAL"); // America/New_York, the chart's zone

        SourceRunner.Result result = backfill(stack, source("it-bars-real", "bar-export", file, es, Optional.empty()),
                new SimpleMeterRegistry());

        List<ConsumerRecord<String, Bar>> bars = Broker.readAll(stack, Topics.MD_BARS_IMPORTED, "IT-BARS-REAL");
        assertThat(result).isEqualTo(new SourceRunner.Result(44, 0, 46));
        assertThat(bars).hasSize(44);
        Bar first = bars.get(0).value();
        assertThat(first.getStartTime()).isEqualTo(Instant.parse("2024-12-05T21:15:00Z"));
        assertThat(first.getEndTime()).isEqualTo(Instant.parse("2024-12-05T21:15:05Z"));
        assertThat(bars.get(0).timestamp()).isEqualTo(Instant.parse("2024-12-05T21:15:05Z").toEpochMilli());
        assertThat(List.of(first.getOpen(), first.getHigh(), first.getLow(), first.getClose()))
                .containsExactly(6084.25, 6084.25, 6083.75, 6083.75);
        assertThat(List.of(first.getVolume(), first.getBidVolume(), first.getAskVolume())).containsExactly(126.0, 112.0, 14.0);
        assertThat(first.getTrades()).isEqualTo(28);
        assertThat(first.getSource()).isEqualTo(BarSource.IMPORTED);
        assertThat(first.getIntervalSeconds()).isEqualTo(5);
        assertThat(first.getStudies()).hasSize(91).containsEntry("RSI", 0.0).containsEntry("Liquidity Trend", 1.0)
                .containsEntry("Avg", 0.0).containsEntry("Daily Profit/Loss", 0.0).containsEntry("Count of Unfilled Zones Above", 21.0);
        Bar last = bars.get(43).value();
        assertThat(last.getStartTime()).isEqualTo(Instant.parse("2024-12-05T21:18:45Z"));
        assertThat(List.of(last.getOpen(), last.getHigh(), last.getLow(), last.getClose(), last.getVolume()))
                .containsExactly(6082.25, 6082.25, 6082.0, 6082.0, 86.0);
        assertThat(last.getStudies()).containsEntry("RSI", 37.04).containsEntry("RSI Avg", 37.99);
        assertThat(bars).extracting(ConsumerRecord::timestamp).isSorted();
        SourceCheckpoint checkpoint = Broker.checkpoints(stack, "it-bars-real").get(0);
        assertThat(checkpoint.getPositionKind()).isEqualTo(PositionKind.LINE);
        assertThat(checkpoint.getNextPosition()).isEqualTo(46);

        // a second run resumes after the last line: nothing is published twice
        SourceRunner.Result again = backfill(stack, source("it-bars-real", "bar-export", file, es, Optional.empty()),
                new SimpleMeterRegistry());
        assertThat(again).isEqualTo(new SourceRunner.Result(44, 0, 46));
        assertThat(Broker.readAll(stack, Topics.MD_BARS_IMPORTED, "IT-BARS-REAL")).hasSize(44);
    }

    @Test
    void shouldPublishABarExportExactlyAndDeadLetterItsBadRows(LocalStack stack) throws Exception {
        Path file = dir.resolve("bars.csv");
        Files.writeString(file, String.join("\n",
                "Date, Time, Open, High, Low, Last, Volume, # of Trades, OHLC Avg, HLC Avg, HL Avg, Bid Volume, Ask Volume, RSI, Liquidity Trend, Avg, Daily Profit/Loss",
                "2024-12-5, 09:30:00.000000, 6000.00, 6001.25, 5999.50, 6001.00, 120, 30, 6000.44, 6000.58, 6000.38, 50, 70, 55.5, 1.000, 6000.2, -125.50",
                "2024-12-5, 09:30:05.000000, 6001.00, 6001.10, 6000.75, 6001.00, 10, 4, 6001.0, 6001.0, 6001.0, 5, 5, 56, 1, 6000.3, 0", // off grid
                "2024-12-5, 09:30:05.000000, 6001.00, 6001.50, 6000.75, 6001.25, 40, 9, 6001.13, 6001.17, 6001.13, 15, 25, 57.25, -1, 6000.4, 12.5",
                "2024-12-5, 09:30:00.000000, 6001.25, 6001.25, 6001.25, 6001.25, 1, 1, 6001.25, 6001.25, 6001.25, 1, 0, 57, -1, 6000.4, 12.5", // backwards
                "2024-12-5, 09:30:10.000000, six thousand, 6001.50, 6000.75, 6001.25, 40, 9, 0, 0, 0, 15, 25, 57, -1, 6000.4, 12.5", // unparsable
                "2024-12-5, 09:30:10.000000, 6001.25", // unparsable: too few cells
                "2024-12-5, 09:30:10.000000, 6001.25, 6002.00, 6001.00, 6002.00, 7, 3, 6001.56, 6001.67, 6001.50, 2, 5, , 1, 6000.5, 25") + "\n",
                StandardCharsets.UTF_8);
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();

        SourceRunner.Result result = backfill(stack, source("it-bars-bad", "bar-export", file, Broker.instrument("IT-BARS-BAD"),
                Optional.of("America/New_York")), metrics);

        List<ConsumerRecord<String, Bar>> bars = Broker.readAll(stack, Topics.MD_BARS_IMPORTED, "IT-BARS-BAD");
        assertThat(bars).extracting(ConsumerRecord::value).containsExactly(
                bar("2024-12-05T14:30:00Z", 6000, 6001.25, 5999.5, 6001, 120, 30, 50, 70,
                        Map.of("RSI", 55.5, "Liquidity Trend", 1.0, "Avg", 6000.2, "Daily Profit/Loss", -125.5)),
                bar("2024-12-05T14:30:05Z", 6001, 6001.5, 6000.75, 6001.25, 40, 9, 15, 25,
                        Map.of("RSI", 57.25, "Liquidity Trend", -1.0, "Avg", 6000.4, "Daily Profit/Loss", 12.5)),
                bar("2024-12-05T14:30:10Z", 6001.25, 6002, 6001, 6002, 7, 3, 2, 5,
                        Map.of("Liquidity Trend", 1.0, "Avg", 6000.5, "Daily Profit/Loss", 25.0)));
        assertThat(bars).extracting(ConsumerRecord::timestamp).containsExactly(
                Instant.parse("2024-12-05T14:30:05Z").toEpochMilli(), Instant.parse("2024-12-05T14:30:10Z").toEpochMilli(),
                Instant.parse("2024-12-05T14:30:15Z").toEpochMilli());

        List<DeadLetter> letters = Broker.deadLetters(stack, "it-bars-bad");
        assertThat(letters).extracting(DeadLetter::getReason).containsExactly(DeadLetterReason.OFF_TICK_GRID,
                DeadLetterReason.TIMESTAMP_BACKWARDS, DeadLetterReason.UNPARSABLE_ROW, DeadLetterReason.UNPARSABLE_ROW);
        assertThat(letters).extracting(DeadLetter::getPosition).containsExactly(3L, 5L, 6L, 7L);
        assertThat(letters).allSatisfy(l -> {
            assertThat(l.getPositionKind()).isEqualTo(PositionKind.LINE);
            assertThat(l.getOrigin()).isEqualTo(file.toString());
        });
        assertThat(text(letters.get(3))).isEqualTo("2024-12-5, 09:30:10.000000, 6001.25");
        assertThat(letters.get(0).getDetail()).isEqualTo("line 3: price 6001.1 is off the 0.25 tick grid");
        assertThat(result).isEqualTo(new SourceRunner.Result(3, 4, 9));
        assertThat(ScidIngestIT.deadLetterCount(metrics, "it-bars-bad", null)).isEqualTo(4.0);
        assertThat(ScidIngestIT.deadLetterCount(metrics, "it-bars-bad", "UNPARSABLE_ROW")).isEqualTo(2.0);
    }

    @Test
    void shouldPublishZoneEventsInEventTimeOrder(LocalStack stack) throws Exception {
        Path file = resource("/sierra/ES-zone-export.csv");

        SourceRunner.Result result = backfill(stack, source("it-zones-real", "zones", file, Broker.instrument("IT-ZONES-REAL"),
                Optional.of("UTC")), new SimpleMeterRegistry());

        List<ConsumerRecord<String, LiquidityLevel>> events = Broker.readAll(stack, Topics.MD_LEVELS_IMPORTED, "IT-ZONES-REAL");
        assertThat(events).extracting(r -> r.value().getEvent() + " " + r.value().getSourceId() + " " + r.value().getPrice()
                + " " + Instant.ofEpochMilli(r.timestamp())).containsExactly(
                "CREATED 10075 6103.75 2024-12-06T07:36:35Z",
                "CREATED 10055 6098.25 2024-12-06T07:41:30Z",
                "CREATED 10057 6098.25 2024-12-06T07:49:15Z",
                "CREATED 15019 6078.5 2024-12-06T07:59:35Z",
                "CREATED 10021 6089.0 2024-12-06T07:59:35Z",
                "CREATED 10017 6087.75 2024-12-06T08:00:00Z",
                "CREATED 15015 6079.25 2024-12-06T08:00:05Z",
                "CREATED 10017 6088.25 2024-12-06T08:00:05Z",
                "FILLED 15019 6078.5 2024-12-06T08:30:00Z",
                "FILLED 15015 6079.25 2024-12-06T08:30:00Z",
                "FILLED 10021 6089.0 2024-12-06T08:30:05Z",
                "FILLED 10017 6087.75 2024-12-06T08:30:05Z",
                "FILLED 10017 6088.25 2024-12-06T08:30:05Z",
                "FILLED 10055 6098.25 2024-12-06T08:32:40Z",
                "FILLED 10057 6098.25 2024-12-06T08:32:40Z");
        LiquidityLevel expectedCreated = LiquidityLevel.newBuilder().setInstrument("IT-ZONES-REAL")
                .setLevelId("10017@2024-12-06T08:00:05Z@6088.25").setPrice(6088.25).setEvent(LevelEvent.CREATED)
                .setDirection(LevelDirection.UNKNOWN).setOrigin(LevelOrigin.IMPORTED)
                .setCreatedTime(Instant.parse("2024-12-06T08:00:05Z")).setFilledTime(null).setReferencePrice(null)
                .setSourceId("10017").build();
        assertThat(events.get(7).value()).isEqualTo(expectedCreated);
        assertThat(events.get(12).value()).isEqualTo(LiquidityLevel.newBuilder(expectedCreated).setEvent(LevelEvent.FILLED)
                .setFilledTime(Instant.parse("2024-12-06T08:30:05Z")).build());
        assertThat(events.get(0).value().getFilledTime()).isNull();
        assertThat(result).isEqualTo(new SourceRunner.Result(15, 0, 15));
        assertThat(Broker.checkpoints(stack, "it-zones-real").get(0).getPositionKind()).isEqualTo(PositionKind.RECORD_INDEX);
    }

    @Test
    void shouldDeadLetterBadZoneRows(LocalStack stack) throws Exception {
        Path file = dir.resolve("zones.csv");
        Files.writeString(file, String.join("\n",
                "LineID, Open_time, Value, Close_time",
                "1, 2024-12-06  08:00:00, 6100.00, 2024-12-06  08:10:00",
                "2, 2024-12-06  08:01:00, 6100.10, Not Filled",                 // off grid
                "3, 2024-12-06  08:02:00, 6101.00, 2024-12-06  07:00:00",       // filled before created
                "4, yesterday, 6101.25, Not Filled",                             // unparsable
                "5, 2024-12-06  07:59:00, 6099.75, Not Filled") + "\n", StandardCharsets.UTF_8);
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();

        SourceRunner.Result result = backfill(stack, source("it-zones-bad", "zones", file, Broker.instrument("IT-ZONES-BAD"),
                Optional.of("UTC")), metrics);

        assertThat(Broker.readAll(stack, Topics.MD_LEVELS_IMPORTED, "IT-ZONES-BAD"))
                .extracting(r -> r.value().getEvent() + " " + r.value().getSourceId() + " " + Instant.ofEpochMilli(r.timestamp()))
                .containsExactly("CREATED 5 2024-12-06T07:59:00Z", "CREATED 1 2024-12-06T08:00:00Z", "FILLED 1 2024-12-06T08:10:00Z");
        List<DeadLetter> letters = Broker.deadLetters(stack, "it-zones-bad");
        assertThat(letters).extracting(l -> l.getReason() + "@" + l.getPositionKind() + " " + l.getPosition()).containsExactly(
                "OFF_TICK_GRID@LINE 3", "INVALID_VALUE@LINE 4", "UNPARSABLE_ROW@LINE 5");
        assertThat(text(letters.get(0))).isEqualTo("2, 2024-12-06  08:01:00, 6100.10, Not Filled");
        assertThat(result).isEqualTo(new SourceRunner.Result(3, 3, 6));
        assertThat(ScidIngestIT.deadLetterCount(metrics, "it-zones-bad", null)).isEqualTo(3.0);
    }

    @Test
    void shouldPublishTheFirstOptionDeltaOfEachMinuteKeyedByUnderlying(LocalStack stack) throws Exception {
        Path file = dir.resolve("optiondelta-2024-12-05.txt");
        Files.copy(resource("/optiondelta/optiondelta-2024-12-05.txt"), file);
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();

        SourceRunner.Result result = backfill(stack, source("it-deltas", "option-delta", file, Broker.instrument("IT-DELTA-ES"),
                Optional.empty()), metrics);

        List<ConsumerRecord<String, OptionDelta>> deltas = Broker.readAll(stack, Topics.MD_OPTION_DELTAS, "IT-DELTA-ES");
        assertThat(deltas).extracting(ConsumerRecord::value).containsExactly(
                delta(file, "2024-12-05T14:30:00Z", 1524340.10), delta(file, "2024-12-05T14:31:00Z", 1530000.5),
                delta(file, "2024-12-05T14:32:00Z", 1529000), delta(file, "2024-12-05T14:33:00Z", 1531000.25),
                delta(file, "2024-12-05T14:36:00Z", -250.75));
        assertThat(deltas).extracting(ConsumerRecord::timestamp).containsExactly(
                1_733_409_000_000L, 1_733_409_060_000L, 1_733_409_120_000L, 1_733_409_180_000L, 1_733_409_360_000L);
        assertThat(Broker.deadLetters(stack, "it-deltas")).extracting(l -> l.getReason() + " " + l.getPosition())
                .containsExactly("UNPARSABLE_ROW 5", "TIMESTAMP_BACKWARDS 7", "INVALID_VALUE 9", "UNPARSABLE_ROW 10");
        assertThat(result).isEqualTo(new SourceRunner.Result(5, 4, 13));
        assertThat(ScidIngestIT.deadLetterCount(metrics, "it-deltas", "TIMESTAMP_BACKWARDS")).isEqualTo(1.0);
    }

    private static OptionDelta delta(Path file, String minute, double value) {
        return OptionDelta.newBuilder().setUnderlying("IT-DELTA-ES").setEventTime(Instant.parse(minute)).setValue(value)
                .setSource("file:" + file).build();
    }

    private static Bar bar(String start, double open, double high, double low, double close, double volume, long trades,
                           double bidVolume, double askVolume, Map<String, Double> studies) {
        Instant s = Instant.parse(start);
        return Bar.newBuilder().setInstrument("IT-BARS-BAD").setIntervalSeconds(5).setStartTime(s).setEndTime(s.plusSeconds(5))
                .setOpen(open).setHigh(high).setLow(low).setClose(close).setVolume(volume).setTrades(trades)
                .setBidVolume(bidVolume).setAskVolume(askVolume).setStudies(new LinkedHashMap<>(studies))
                .setSource(BarSource.IMPORTED).build();
    }

    private static String text(DeadLetter letter) {
        return new String(ScidIngestIT.bytes(letter.getPayload()), StandardCharsets.UTF_8);
    }
}
