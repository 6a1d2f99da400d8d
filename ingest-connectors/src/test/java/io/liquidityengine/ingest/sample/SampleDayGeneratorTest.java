package io.liquidityengine.ingest.sample;

import io.liquidityengine.ingest.optiondelta.OptionDeltaParser;
import io.liquidityengine.ingest.optiondelta.OptionDeltaPoint;
import io.liquidityengine.ingest.parse.ParseProblem;
import io.liquidityengine.ingest.parse.ParseResult;
import io.liquidityengine.ingest.sierra.scid.Aggressor;
import io.liquidityengine.ingest.sierra.scid.ScidReadOptions;
import io.liquidityengine.ingest.sierra.scid.ScidReadStatus;
import io.liquidityengine.ingest.sierra.scid.ScidReader;
import io.liquidityengine.ingest.sierra.scid.ScidRecord;
import io.liquidityengine.ingest.sierra.scid.ScidRecordKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SampleDayGeneratorTest {

    private static final LocalDate DATE = LocalDate.of(2024, 12, 5);
    /** 2024-12-05 09:30 and 16:00 America/New_York (EST, UTC-5). */
    private static final long OPEN = Instant.parse("2024-12-05T14:30:00Z").toEpochMilli() * 1_000L;
    private static final long CLOSE = Instant.parse("2024-12-05T21:00:00Z").toEpochMilli() * 1_000L;

    @TempDir
    static Path shared;

    private static SampleDayFiles files;
    private static final List<ScidRecord> records = new ArrayList<>();
    private static ScidReadStatus status;

    @BeforeAll
    static void generateOnce() throws IOException {
        files = new SampleDayGenerator(42, DATE).writeTo(shared.resolve("seed42"));
        List<ParseProblem> problems = new ArrayList<>();
        try (ScidReader reader = ScidReader.open(files.scid(), ScidReadOptions.defaults().withTickSize(0.25).complete(true))) {
            reader.drain(records::add, problems::add);
            status = reader.status();
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void shouldWriteByteIdenticalFilesForTheSameSeed(@TempDir Path again) throws IOException {
        SampleDayFiles second = new SampleDayGenerator(42, DATE).writeTo(again);

        assertThat(second.scid().getFileName().toString()).isEqualTo("ES-SYNTHETIC-2024-12-05.scid");
        assertThat(second.optionDelta().getFileName().toString()).isEqualTo("optiondelta-2024-12-05.txt");
        assertThat(Files.mismatch(files.scid(), second.scid())).isEqualTo(-1L);
        assertThat(Files.mismatch(files.optionDelta(), second.optionDelta())).isEqualTo(-1L);
        assertThat(second.summary()).isEqualTo(files.summary());
    }

    @Test
    void shouldWriteDifferentDaysForDifferentSeeds(@TempDir Path other) throws IOException {
        SampleDayFiles seven = new SampleDayGenerator(7, DATE).writeTo(other);

        assertThat(Files.mismatch(files.scid(), seven.scid())).isNotEqualTo(-1L);
        assertThat(seven.summary().tickCount()).isNotEqualTo(files.summary().tickCount());
    }

    @Test
    void shouldPinTheSummaryOfSeed42() {
        SampleDaySummary s = files.summary();
        assertThat(s.tickCount()).isEqualTo(160_951);
        assertThat(s.totalVolume()).isEqualTo(620_002);
        assertThat(s.open()).isEqualTo(6000.25);
        assertThat(s.high()).isEqualTo(6079.25);
        assertThat(s.low()).isEqualTo(5960.25);
        assertThat(s.close()).isEqualTo(6079.00);
        assertThat(s.deltaRows()).isEqualTo(390);
    }

    @Test
    void shouldHaveARealisticNumberOfTicksInsideRegularTradingHours() {
        SampleDaySummary s = files.summary();
        assertThat(records).hasSize((int) s.tickCount());
        assertThat(s.tickCount()).isBetween(100_000L, 300_000L);
        assertThat(status).isEqualTo(ScidReadStatus.END_OF_FILE);
        assertThat(records.get(0).epochMicros()).isEqualTo(s.firstEpochMicros()).isGreaterThanOrEqualTo(OPEN);
        assertThat(records.get(records.size() - 1).epochMicros()).isEqualTo(s.lastEpochMicros()).isLessThan(CLOSE);
        for (int i = 1; i < records.size(); i++) {
            assertThat(records.get(i).scDateTimeMicros()).isGreaterThan(records.get(i - 1).scDateTimeMicros());
        }
    }

    @Test
    void shouldWriteOnGridSingleTradeTicksWithAOneTickSpreadAndBothAggressorSides() {
        long buys = 0;
        long sells = 0;
        double high = Double.NEGATIVE_INFINITY;
        double low = Double.POSITIVE_INFINITY;
        long volume = 0;
        for (ScidRecord r : records) {
            assertThat(r.kind()).isEqualTo(ScidRecordKind.TICK);
            assertThat(r.numTrades()).isEqualTo(1);
            assertThat(r.ask() - r.bid()).isEqualTo(0.25f);
            assertThat(r.price()).isEqualTo(r.aggressor() == Aggressor.BUY ? r.ask() : r.bid());
            assertThat(r.price() * 4).isEqualTo((float) Math.rint(r.price() * 4));
            if (r.aggressor() == Aggressor.BUY) {
                buys++;
            } else {
                assertThat(r.aggressor()).isEqualTo(Aggressor.SELL);
                sells++;
            }
            high = Math.max(high, r.price());
            low = Math.min(low, r.price());
            volume += r.totalVolume();
        }
        assertThat(buys).isGreaterThan(records.size() / 3);
        assertThat(sells).isGreaterThan(records.size() / 3);
        assertThat(high).isEqualTo(files.summary().high());
        assertThat(low).isEqualTo(files.summary().low());
        assertThat(volume).isEqualTo(files.summary().totalVolume());
        assertThat(files.summary().buyVolume() + files.summary().sellVolume()).isEqualTo(volume);
    }

    @Test
    void shouldBeBusierAtTheOpenAndTheCloseThanAtMidday() {
        long firstHalfHour = countBetween(OPEN, OPEN + 1_800_000_000L);
        long middayHalfHour = countBetween(OPEN + 9_000_000_000L, OPEN + 10_800_000_000L);
        long lastHalfHour = countBetween(CLOSE - 1_800_000_000L, CLOSE);
        assertThat(firstHalfHour).isGreaterThan(middayHalfHour * 3 / 2);
        assertThat(lastHalfHour).isGreaterThan(middayHalfHour * 5 / 4);
    }

    @Test
    void shouldWriteOneOptionDeltaPerMinuteThatFollowsThePrice() throws IOException {
        List<ParseResult<OptionDeltaPoint>> results = new OptionDeltaParser().parse(files.optionDelta());

        assertThat(ParseResult.problems(results)).isEmpty();
        List<OptionDeltaPoint> points = ParseResult.values(results);
        assertThat(points).hasSize(390);
        assertThat(points.get(0).eventTime()).isEqualTo(Instant.parse("2024-12-05T14:30:00Z"));
        assertThat(points.get(389).eventTime()).isEqualTo(Instant.parse("2024-12-05T20:59:00Z"));
        assertThat(Files.readAllLines(files.optionDelta()).get(0)).isEqualTo("time,delta");

        // 15-minute changes of delta and price agree in sign most of the time
        int agree = 0;
        int compared = 0;
        for (int i = 15; i < points.size(); i += 15) {
            double dDelta = points.get(i).value() - points.get(i - 15).value();
            double dPrice = priceAt(points.get(i).sourceEpochMicros()) - priceAt(points.get(i - 15).sourceEpochMicros());
            if (dPrice != 0) {
                compared++;
                agree += Math.signum(dDelta) == Math.signum(dPrice) ? 1 : 0;
            }
        }
        assertThat(agree).isGreaterThan(compared * 2 / 3);

        // the reference strategy's delta position (ROC15 and its 8-minute slope) is sometimes long, sometimes short
        int longs = 0;
        int shorts = 0;
        for (int t = 23; t < points.size(); t++) {
            double roc = roc15(points, t);
            double slope = roc - roc15(points, t - 8);
            longs += roc > 0 && slope > 0 ? 1 : 0;
            shorts += roc < 0 && slope < 0 ? 1 : 0;
        }
        assertThat(longs).isGreaterThan(20);
        assertThat(shorts).isGreaterThan(20);
    }

    private static double roc15(List<OptionDeltaPoint> p, int t) {
        return (p.get(t).value() - p.get(t - 15).value()) / Math.abs(p.get(t - 15).value());
    }

    private static double priceAt(long epochMicros) {
        double price = records.get(0).price();
        for (ScidRecord r : records) {
            if (r.epochMicros() > epochMicros) {
                break;
            }
            price = r.price();
        }
        return price;
    }

    private static long countBetween(long from, long to) {
        return records.stream().filter(r -> r.epochMicros() >= from && r.epochMicros() < to).count();
    }
}
