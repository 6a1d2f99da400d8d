package io.liquidityengine.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidityengine.ingest.publish.SourceRunner;
import io.liquidityengine.ingest.reference.InstrumentSpec;
import io.liquidityengine.ingest.sierra.scid.Aggressor;
import io.liquidityengine.ingest.sierra.scid.ScidFormat;
import io.liquidityengine.ingest.sierra.scid.ScidTime;
import io.liquidityengine.ingest.sierra.scid.ScidWriter;
import io.liquidityengine.ingest.sources.ScidTickSource;
import io.liquidityengine.local.LocalStack;
import io.liquidityengine.local.LocalStackExtension;
import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.control.SourceCheckpoint;
import io.liquidityengine.schemas.deadletter.DeadLetter;
import io.liquidityengine.schemas.deadletter.DeadLetterReason;
import io.liquidityengine.schemas.deadletter.PositionKind;
import io.liquidityengine.schemas.marketdata.AggressorSide;
import io.liquidityengine.schemas.marketdata.Bar;
import io.liquidityengine.schemas.marketdata.BarSource;
import io.liquidityengine.schemas.marketdata.Tick;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** SCID files through the SourceRunner onto the local stack's broker. */
@ExtendWith(LocalStackExtension.class)
class ScidIngestIT {

    /** 2024-12-05T14:30:00Z in microseconds since the Unix epoch. */
    static final long T0 = Instant.parse("2024-12-05T14:30:00Z").getEpochSecond() * 1_000_000L;

    @TempDir
    Path dir;

    /** The i-th trade of the known test sequence: varied prices, sizes, sides and microsecond times. */
    record Trade(long epochMicros, float price, float bid, float ask, long size, Aggressor side) {
        static Trade number(int i) {
            float price = 6000f + 0.25f * ((i * 7) % 41 - 20);
            Aggressor side = i % 3 == 0 ? Aggressor.SELL : Aggressor.BUY;
            float bid = side == Aggressor.SELL ? price : price - 0.25f;
            float ask = side == Aggressor.SELL ? price + 0.25f : price;
            return new Trade(T0 + i * 137_531L, price, bid, ask, 1 + (i * 5) % 9, side);
        }

        Tick toTick(String instrument, Path file, long index) {
            return Tick.newBuilder().setInstrument(instrument)
                    .setEventTime(Instant.ofEpochSecond(0, epochMicros * 1_000))
                    .setPrice(price).setSize(size)
                    .setAggressor(side == Aggressor.SELL ? AggressorSide.SELL : AggressorSide.BUY)
                    .setBid((double) bid).setAsk((double) ask).setTradeCount(1)
                    .setSource("scid:" + file).setSourceSequence(index).build();
        }
    }

    static void writeTrades(ScidWriter writer, int from, int to) throws Exception {
        for (int i = from; i < to; i++) {
            Trade t = Trade.number(i);
            writer.writeTick(t.epochMicros(), t.price(), t.bid(), t.ask(), t.size(), t.side());
        }
    }

    private static SourceRunner.Result backfill(LocalStack stack, ScidTickSource source, SimpleMeterRegistry metrics) throws Exception {
        return new SourceRunner(source, stack.clientConfig(), SourceRunner.Settings.backfill(), metrics).run(() -> false);
    }

    @Test
    void shouldPublishEveryTradeOfAGeneratedScidFileRecordForRecord(LocalStack stack) throws Exception {
        Path file = dir.resolve("IT-SCID-KNOWN.scid");
        try (ScidWriter writer = ScidWriter.create(file)) {
            writeTrades(writer, 0, 1_000);
        }
        InstrumentSpec es = Broker.instrument("IT-SCID-KNOWN");

        SourceRunner.Result result = backfill(stack, new ScidTickSource("it-scid-known", file, es, true, 5), new SimpleMeterRegistry());

        List<ConsumerRecord<String, Tick>> ticks = Broker.readAll(stack, Topics.MD_TICKS, "IT-SCID-KNOWN");
        List<Tick> expected = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            expected.add(Trade.number(i).toTick("IT-SCID-KNOWN", file, i));
        }
        assertThat(result).isEqualTo(new SourceRunner.Result(1_000, 0, 1_000));
        assertThat(ticks).extracting(ConsumerRecord::value).containsExactlyElementsOf(expected);
        assertThat(ticks.get(7).value().getEventTime()).isEqualTo(Instant.parse("2024-12-05T14:30:00.962717Z"));
        assertThat(ticks.get(7).timestamp()).isEqualTo(Instant.parse("2024-12-05T14:30:00.962Z").toEpochMilli());
        assertThat(ticks).extracting(ConsumerRecord::timestamp)
                .containsExactlyElementsOf(expected.stream().map(t -> t.getEventTime().toEpochMilli()).toList());
        SourceCheckpoint checkpoint = Broker.checkpoints(stack, "it-scid-known").get(0);
        assertThat(checkpoint.getNextPosition()).isEqualTo(1_000);
        assertThat(checkpoint.getPositionKind()).isEqualTo(PositionKind.RECORD_INDEX);
        assertThat(checkpoint.getLastEventTime()).isEqualTo(expected.get(999).getEventTime());
    }

    @Test
    void shouldStampScidBarRecordsWithTheBarEnd(LocalStack stack) throws Exception {
        Path file = dir.resolve("IT-SCID-BARS.scid");
        try (ScidWriter writer = ScidWriter.create(file)) {
            writer.write(ScidTime.fromEpochMicros(T0), 6000f, 6001f, 5999.5f, 6000.75f, 12, 40, 15, 25);
            writer.write(ScidTime.fromEpochMicros(T0 + 60_000_000L), 6000.75f, 6002f, 6000.5f, 6001.25f, 3, 9, 4, 5);
        }

        backfill(stack, new ScidTickSource("it-scid-bars", file, Broker.instrument("IT-SCID-BARS"), true, 60), new SimpleMeterRegistry());

        List<ConsumerRecord<String, Bar>> bars = Broker.readAll(stack, Topics.MD_BARS_IMPORTED, "IT-SCID-BARS");
        assertThat(bars).extracting(ConsumerRecord::timestamp).containsExactly(
                Instant.parse("2024-12-05T14:31:00Z").toEpochMilli(), Instant.parse("2024-12-05T14:32:00Z").toEpochMilli());
        assertThat(bars.get(0).value()).isEqualTo(Bar.newBuilder().setInstrument("IT-SCID-BARS").setIntervalSeconds(60)
                .setStartTime(Instant.parse("2024-12-05T14:30:00Z")).setEndTime(Instant.parse("2024-12-05T14:31:00Z"))
                .setOpen(6000).setHigh(6001).setLow(5999.5).setClose(6000.75).setVolume(40).setTrades(12)
                .setBidVolume(15).setAskVolume(25).setSource(BarSource.IMPORTED).build());
    }

    @Test
    void shouldDeadLetterEveryCorruptRecordAndPublishEveryGoodOne(LocalStack stack) throws Exception {
        Path file = dir.resolve("IT-SCID-CORRUPT.scid");
        long t0 = ScidTime.fromEpochMicros(T0);
        try (ScidWriter w = ScidWriter.create(file)) {
            w.write(t0, 0f, 6000f, 5999.75f, 6000f, 1, 2, 0, 2);                           // 0 good buy
            w.write(t0 + 1_000_000, 0f, 6000.25f, 6000f, 6000f, 1, 3, 3, 0);               // 1 good sell
            w.write(t0 + 2_000_000, 0f, 6000.25f, 6000f, 6000.1f, 1, 1, 0, 1);             // 2 price off the 0.25 grid
            w.write(t0 + 3_000_000, 0f, 6000.5f, 6000.25f, 6000.5f, 1, 4, 0, 4);           // 3 good buy
            w.write(t0 + 500_000, 0f, 6000.5f, 6000.25f, 6000.5f, 1, 1, 0, 1);             // 4 timestamp backwards
            w.write(t0 + 3_500_000, 0f, Float.NaN, 6000.25f, Float.NaN, 1, 1, 0, 1);       // 5 garbage: NaN price
            w.write(t0 + 3_600_000, 0f, 6000.5f, 6000.25f, 6000.5f, 1, 0xFFFF_FFF0L, 0, 1); // 6 garbage: volume >= 2^31
            w.write(t0 + 4_000_000, 0f, 6000.75f, 6000.5f, 6000.5f, 1, 5, 5, 0);           // 7 good sell
        }
        byte[] tail = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17};
        Files.write(file, tail, StandardOpenOption.APPEND);                                   // a truncated record
        byte[] bytes = Files.readAllBytes(file);
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();

        SourceRunner.Result result = backfill(stack, new ScidTickSource("it-scid-corrupt", file,
                Broker.instrument("IT-SCID-CORRUPT"), true, 5), metrics);

        List<Tick> ticks = Broker.readAll(stack, Topics.MD_TICKS, "IT-SCID-CORRUPT").stream().map(ConsumerRecord::value).toList();
        assertThat(ticks).extracting(Tick::getSourceSequence).containsExactly(0L, 1L, 3L, 7L);
        assertThat(ticks).extracting(Tick::getPrice).containsExactly(6000.0, 6000.0, 6000.5, 6000.5);
        assertThat(ticks).extracting(Tick::getSize).containsExactly(2.0, 3.0, 4.0, 5.0);
        assertThat(ticks).extracting(Tick::getAggressor)
                .containsExactly(AggressorSide.BUY, AggressorSide.SELL, AggressorSide.BUY, AggressorSide.SELL);

        List<DeadLetter> letters = Broker.deadLetters(stack, "it-scid-corrupt");
        assertThat(letters).extracting(DeadLetter::getReason).containsExactly(DeadLetterReason.OFF_TICK_GRID,
                DeadLetterReason.TIMESTAMP_BACKWARDS, DeadLetterReason.INVALID_VALUE, DeadLetterReason.INVALID_VALUE,
                DeadLetterReason.TRUNCATED_RECORD);
        assertThat(letters).extracting(DeadLetter::getPosition)
                .containsExactly(56L + 40 * 2, 56L + 40 * 4, 56L + 40 * 5, 56L + 40 * 6, 56L + 40 * 8);
        assertThat(letters).allSatisfy(l -> {
            assertThat(l.getOrigin()).isEqualTo(file.toString());
            assertThat(l.getPositionKind()).isEqualTo(PositionKind.BYTE_OFFSET);
            assertThat(l.getSource()).isEqualTo("ingest.it-scid-corrupt");
        });
        assertThat(letters.get(0).getDetail()).isEqualTo("record 2: price 6000.1 is off the 0.25 tick grid");
        assertThat(letters.get(1).getDetail()).isEqualTo(
                "record 4: time 2024-12-05T14:30:00.500Z is before the previous record's 2024-12-05T14:30:03Z");
        for (int i = 0; i < 4; i++) {
            int offset = (int) letters.get(i).getPosition();
            assertThat(bytes(letters.get(i).getPayload())).isEqualTo(Arrays.copyOfRange(bytes, offset, offset + ScidFormat.RECORD_SIZE));
        }
        assertThat(bytes(letters.get(4).getPayload())).isEqualTo(tail);

        assertThat(result).isEqualTo(new SourceRunner.Result(4, 5, 8));
        assertThat(deadLetterCount(metrics, "it-scid-corrupt", null)).isEqualTo(5.0);
        assertThat(deadLetterCount(metrics, "it-scid-corrupt", "INVALID_VALUE")).isEqualTo(2.0);
        assertThat(deadLetterCount(metrics, "it-scid-corrupt", "OFF_TICK_GRID")).isEqualTo(1.0);
        assertThat(deadLetterCount(metrics, "it-scid-corrupt", "TIMESTAMP_BACKWARDS")).isEqualTo(1.0);
        assertThat(deadLetterCount(metrics, "it-scid-corrupt", "TRUNCATED_RECORD")).isEqualTo(1.0);
        assertThat(metrics.get("ingest.records.published").tag("source", "it-scid-corrupt").counter().count()).isEqualTo(4.0);
    }

    @Test
    void shouldResumeAFollowedFileAfterAStopWithoutGapsOrDuplicates(LocalStack stack) throws Exception {
        Path file = dir.resolve("IT-SCID-RESUME.scid");
        InstrumentSpec instrument = Broker.instrument("IT-SCID-RESUME");
        try (ScidWriter writer = ScidWriter.create(file)) {
            writeTrades(writer, 0, 300);
        }
        SourceRunner.Settings follow = SourceRunner.Settings.backfill().following(Duration.ofMillis(20));

        // first run follows the file while it grows, then stops
        AtomicBoolean stop = new AtomicBoolean();
        CompletableFuture<SourceRunner.Result> first = runAsync(stack, instrument, file, follow, stop);
        Broker.awaitPublished(stack, "it-scid-resume", 300, Duration.ofSeconds(60));
        try (ScidWriter writer = ScidWriter.append(file)) {
            writeTrades(writer, 300, 500);
        }
        Broker.awaitPublished(stack, "it-scid-resume", 500, Duration.ofSeconds(60));
        stop.set(true);
        assertThat(first.get(60, TimeUnit.SECONDS).published()).isEqualTo(500);

        // records appended while nothing runs, then a second run resumes at the checkpoint
        try (ScidWriter writer = ScidWriter.append(file)) {
            writeTrades(writer, 500, 700);
        }
        AtomicBoolean stopSecond = new AtomicBoolean();
        CompletableFuture<SourceRunner.Result> second = runAsync(stack, instrument, file, follow, stopSecond);
        Broker.awaitPublished(stack, "it-scid-resume", 700, Duration.ofSeconds(60));
        stopSecond.set(true);
        assertThat(second.get(60, TimeUnit.SECONDS)).isEqualTo(new SourceRunner.Result(700, 0, 700));

        List<Tick> ticks = Broker.readAll(stack, Topics.MD_TICKS, "IT-SCID-RESUME").stream().map(ConsumerRecord::value).toList();
        assertThat(ticks).extracting(Tick::getSourceSequence).containsExactlyElementsOf(LongStream.range(0, 700).boxed().toList());
        assertThat(ticks.get(650)).isEqualTo(Trade.number(650).toTick("IT-SCID-RESUME", file, 650));
    }

    private static CompletableFuture<SourceRunner.Result> runAsync(LocalStack stack, InstrumentSpec instrument, Path file,
                                                                   SourceRunner.Settings settings, AtomicBoolean stop) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new SourceRunner(new ScidTickSource("it-scid-resume", file, instrument, false, 5), stack.clientConfig(),
                        settings, new SimpleMeterRegistry()).run(stop::get);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static double deadLetterCount(SimpleMeterRegistry metrics, String source, String reason) {
        var search = metrics.find("ingest.dead.letters").tag("source", source);
        if (reason != null) {
            search = search.tag("reason", reason);
        }
        return search.counters().stream().mapToDouble(c -> c.count()).sum();
    }

    static byte[] bytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }

}
