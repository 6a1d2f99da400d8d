package io.liquidityengine.ingest.sierra.scid;

import io.liquidityengine.ingest.parse.ParseProblem;
import io.liquidityengine.ingest.parse.ParseResult;
import io.liquidityengine.ingest.parse.PositionKind;
import io.liquidityengine.ingest.parse.ProblemReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.liquidityengine.ingest.sierra.scid.ScidFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

class ScidReaderTest {

    private static final ScidReadOptions ES = ScidReadOptions.defaults().withTickSize(0.25);

    @TempDir
    Path dir;

    @Test
    void shouldDecodeTickRecordWithTradeInCloseAskInHighBidInLowAndBuyAggressor() throws IOException {
        Path file = write(ScidFixtures.withHeader().record(T0, 0f, 6000.25f, 6000.00f, 6000.25f, 1, 3, 0, 3));

        List<ParseResult<ScidRecord>> results = readAll(file, ES);

        assertThat(results).hasSize(1);
        ScidRecord r = results.get(0).value();
        assertThat(results.get(0).position()).isEqualTo(56);
        assertThat(r.index()).isZero();
        assertThat(r.kind()).isEqualTo(ScidRecordKind.TICK);
        assertThat(r.isTick()).isTrue();
        assertThat(r.instant()).isEqualTo(Instant.parse("2024-12-05T14:30:00Z"));
        assertThat(r.epochMicros()).isEqualTo(1_733_409_000_000_000L);
        assertThat(r.price()).isEqualTo(6000.25f);
        assertThat(r.ask()).isEqualTo(6000.25f);
        assertThat(r.bid()).isEqualTo(6000.00f);
        assertThat(r.numTrades()).isEqualTo(1);
        assertThat(r.totalVolume()).isEqualTo(3);
        assertThat(r.aggressor()).isEqualTo(Aggressor.BUY);
    }

    @Test
    void shouldClassifyBothUnbundledTradeSentinelsAsTicks() throws IOException {
        Path file = write(ScidFixtures.withHeader()
                .record(T0, -1.99900095E37f, 6000.25f, 6000.00f, 6000.00f, 1, 2, 2, 0)
                .record(T0 + 1, -1.99900197E37f, 6000.25f, 6000.00f, 6000.00f, 1, 5, 5, 0));

        List<ScidRecord> records = ParseResult.values(readAll(file, ES));

        assertThat(records).extracting(ScidRecord::kind)
                .containsExactly(ScidRecordKind.TICK_FIRST_SUB_TRADE, ScidRecordKind.TICK_LAST_SUB_TRADE);
        assertThat(records).allMatch(ScidRecord::isTick);
        assertThat(records).extracting(ScidRecord::aggressor).containsExactly(Aggressor.SELL, Aggressor.SELL);
        assertThat(records).extracting(ScidRecord::totalVolume).containsExactly(2L, 5L);
    }

    @Test
    void shouldClassifyRecordWithRealOpenAsBar() throws IOException {
        Path file = write(ScidFixtures.withHeader().record(T0, 6000.50f, 6002.00f, 5999.75f, 6001.25f, 42, 180, 100, 80));

        ScidRecord bar = readAll(file, ES).get(0).value();

        assertThat(bar.kind()).isEqualTo(ScidRecordKind.BAR);
        assertThat(bar.isTick()).isFalse();
        assertThat(bar.open()).isEqualTo(6000.50f);
        assertThat(bar.high()).isEqualTo(6002.00f);
        assertThat(bar.low()).isEqualTo(5999.75f);
        assertThat(bar.close()).isEqualTo(6001.25f);
        assertThat(bar.numTrades()).isEqualTo(42);
        assertThat(bar.bidVolume()).isEqualTo(100);
        assertThat(bar.askVolume()).isEqualTo(80);
        assertThat(bar.aggressor()).isEqualTo(Aggressor.UNKNOWN);
    }

    @Test
    void shouldRejectWrongMagicAsBadHeaderAndReadNothingMore() throws IOException {
        Path file = write(new ScidFixtures().header("SCIX", 56, 40, 1).buyTick(T0, 6000f, 1));

        try (ScidReader reader = ScidReader.open(file, ES)) {
            ParseResult<ScidRecord> first = reader.next();
            ParseProblem p = first.problem();
            assertThat(p.reason()).isEqualTo(ProblemReason.BAD_HEADER);
            assertThat(p.detail()).contains("magic");
            assertThat(p.position()).isZero();
            assertThat(p.positionKind()).isEqualTo(PositionKind.BYTE_OFFSET);
            assertThat(p.origin()).isEqualTo(file.toString());
            assertThat(p.raw()).hasSize(56).startsWith((byte) 'S', (byte) 'C', (byte) 'I', (byte) 'X');
            assertThat(reader.next()).isNull();
            assertThat(reader.status()).isEqualTo(ScidReadStatus.HEADER_REJECTED);
            assertThat(reader.next()).isNull();
        }
    }

    @Test
    void shouldRejectWrongRecordSizeAndVersionAsBadHeader() throws IOException {
        Path recordSize = write("rs.scid", new ScidFixtures().header("SCID", 56, 36, 1).buyTick(T0, 6000f, 1));
        Path version = write("v.scid", new ScidFixtures().header("SCID", 56, 40, 2).buyTick(T0, 6000f, 1));

        assertThat(readAll(recordSize, ES)).singleElement()
                .satisfies(r -> assertThat(r.problem().detail()).isEqualTo("record size 36, expected 40"));
        assertThat(readAll(version, ES)).singleElement()
                .satisfies(r -> assertThat(r.problem().detail()).isEqualTo("version 2, expected 1"));
    }

    @Test
    void shouldReportPartialTailAsIncompleteInFollowModeThenReadItOnceCompleted() throws IOException {
        byte[] third = new ScidFixtures().buyTick(T0 + 3, 6001f, 4).build();
        Path file = write(ScidFixtures.withHeader().buyTick(T0, 6000f, 1).sellTick(T0 + 1, 6000f, 2)
                .bytes(Arrays.copyOf(third, 17)));

        try (ScidReader reader = ScidReader.open(file, ES)) {
            assertThat(reader.next().value().index()).isZero();
            assertThat(reader.next().value().index()).isEqualTo(1);
            assertThat(reader.next()).isNull();
            assertThat(reader.status()).isEqualTo(ScidReadStatus.INCOMPLETE_RECORD);
            assertThat(reader.nextRecordIndex()).isEqualTo(2);
            assertThat(reader.next()).isNull();

            Files.write(file, Arrays.copyOfRange(third, 17, 40), StandardOpenOption.APPEND);

            ScidRecord completed = reader.next().value();
            assertThat(completed.index()).isEqualTo(2);
            assertThat(completed.totalVolume()).isEqualTo(4);
            assertThat(completed.price()).isEqualTo(6001f);
            assertThat(reader.next()).isNull();
            assertThat(reader.status()).isEqualTo(ScidReadStatus.END_OF_FILE);
        }
    }

    @Test
    void shouldReportPartialTailAsTruncatedRecordWhenFileIsComplete() throws IOException {
        Path file = write(ScidFixtures.withHeader().buyTick(T0, 6000f, 1).sellTick(T0 + 1, 6000f, 2)
                .bytes(ScidFixtures.filled(17, 0x11)));

        List<ParseResult<ScidRecord>> results = readAll(file, ES.complete(true));

        assertThat(results).hasSize(3);
        ParseProblem p = results.get(2).problem();
        assertThat(p.reason()).isEqualTo(ProblemReason.TRUNCATED_RECORD);
        assertThat(p.position()).isEqualTo(136);
        assertThat(p.raw()).isEqualTo(ScidFixtures.filled(17, 0x11));
        assertThat(p.detail()).isEqualTo("record 2 has 17 of 40 bytes at end of file");
    }

    @Test
    void shouldReportCorruptRecordInTheMiddleAndCarryOn() throws IOException {
        Path file = write(ScidFixtures.withHeader().buyTick(T0, 6000f, 1)
                .bytes(ScidFixtures.filled(40, 0xFF))
                .sellTick(T0 + 2, 6000f, 3));

        List<ParseResult<ScidRecord>> results = readAll(file, ES);

        assertThat(results).extracting(ParseResult::isParsed).containsExactly(true, false, true);
        ParseProblem p = results.get(1).problem();
        assertThat(p.reason()).isEqualTo(ProblemReason.INVALID_VALUE);
        assertThat(p.position()).isEqualTo(96);
        assertThat(p.raw()).isEqualTo(ScidFixtures.filled(40, 0xFF));
        assertThat(results.get(2).value().index()).isEqualTo(2);
        assertThat(results.get(2).value().totalVolume()).isEqualTo(3);
    }

    @Test
    void shouldFlagTimestampGoingBackwardsAndCompareLaterRecordsWithTheLastAcceptedOne() throws IOException {
        Path file = write(ScidFixtures.withHeader()
                .buyTick(T0, 6000f, 1)
                .buyTick(T0 + 10_000, 6000f, 1)
                .buyTick(T0 + 5_000, 6000f, 1)
                .buyTick(T0 + 10_000, 6000f, 1)
                .buyTick(T0 + 20_000, 6000f, 1));

        List<ParseResult<ScidRecord>> results = readAll(file, ES);

        assertThat(results).extracting(ParseResult::isParsed).containsExactly(true, true, false, true, true);
        assertThat(results.get(2).problem().reason()).isEqualTo(ProblemReason.TIMESTAMP_BACKWARDS);
        assertThat(results.get(2).problem().position()).isEqualTo(56 + 2 * 40);
        assertThat(results.get(2).problem().detail())
                .isEqualTo("record 2: time 2024-12-05T14:30:00.005Z is before the previous record's 2024-12-05T14:30:00.010Z");
    }

    @Test
    void shouldFlagPriceOffTheTickGridOnlyWhenATickSizeIsGiven() throws IOException {
        Path file = write(ScidFixtures.withHeader()
                .buyTick(T0, 6000.10f, 1)
                .record(T0 + 1, 0f, 6000.30f, 6000.00f, 6000.00f, 1, 1, 1, 0)
                .record(T0 + 2, 6000.00f, 6001.00f, 5999.90f, 6000.50f, 5, 9, 4, 5)
                .buyTick(T0 + 3, 6000.25f, 1));

        List<ParseResult<ScidRecord>> graded = readAll(file, ES);
        List<ParseResult<ScidRecord>> ungraded = readAll(file, ScidReadOptions.defaults());

        assertThat(graded).extracting(ParseResult::isParsed).containsExactly(false, false, false, true);
        assertThat(ParseResult.problems(graded)).extracting(ParseProblem::reason).containsOnly(ProblemReason.OFF_TICK_GRID);
        assertThat(ParseResult.problems(graded)).extracting(ParseProblem::detail).containsExactly(
                "record 0: price 6000.1 is off the 0.25 tick grid",
                "record 1: ask 6000.3 is off the 0.25 tick grid",
                "record 2: low 5999.9 is off the 0.25 tick grid");
        assertThat(ungraded).allMatch(ParseResult::isParsed);
    }

    @Test
    void shouldToleratePriceRoundingOfFloat32OnFractionalGrids() {
        assertThat(ScidReader.onGrid(4321.7f, 0.1)).isTrue();
        assertThat(ScidReader.onGrid(1.2345f, 0.0001)).isTrue();
        assertThat(ScidReader.onGrid(4321.75f, 0.1)).isFalse();
        assertThat(ScidReader.onGrid(16_000.25f, 0.25)).isTrue();
        assertThat(ScidReader.onGrid(16_000.30f, 0.25)).isFalse();
    }

    @Test
    void shouldFlagNanPricesGarbageVolumesAndInvertedBarsAsInvalidValues() throws IOException {
        Path file = write(ScidFixtures.withHeader()
                .record(T0, 0f, Float.NaN, 6000f, 6000f, 1, 1, 0, 1)
                .record(T0 + 1, 0f, 6000.25f, 6000f, 6000f, 1, -5, 0, -5)
                .record(T0 + 2, 6000f, 5999f, 6001f, 6000f, 1, 1, 0, 1)
                .buyTick(T0 + 3, 6000f, 1));

        List<ParseResult<ScidRecord>> results = readAll(file, ES);

        assertThat(ParseResult.problems(results)).extracting(ParseProblem::reason).containsExactly(
                ProblemReason.INVALID_VALUE, ProblemReason.INVALID_VALUE, ProblemReason.INVALID_VALUE);
        assertThat(ParseResult.problems(results)).extracting(ParseProblem::position).containsExactly(56L, 96L, 136L);
        assertThat(ParseResult.problems(results).get(1).detail()).contains("volume 4294967291");
        assertThat(ParseResult.values(results)).extracting(ScidRecord::index).containsExactly(3L);
    }

    @Test
    void shouldResumeFromRecordIndexAndCheckTimeAgainstThePrecedingRecord() throws IOException {
        Path file = write(ScidFixtures.withHeader()
                .buyTick(T0, 6000f, 1)
                .buyTick(T0 + 100, 6000f, 2)
                .buyTick(T0 + 50, 6000f, 3)
                .buyTick(T0 + 200, 6000f, 4));

        List<ParseResult<ScidRecord>> fromTwo = readAll(file, ES.startingAt(2));
        List<ParseResult<ScidRecord>> fromThree = readAll(file, ES.startingAt(3));
        List<ParseResult<ScidRecord>> pastEnd = readAll(file, ES.startingAt(9));

        assertThat(fromTwo.get(0).problem().reason()).isEqualTo(ProblemReason.TIMESTAMP_BACKWARDS);
        assertThat(fromTwo.get(1).value().index()).isEqualTo(3);
        assertThat(fromThree).singleElement().satisfies(r -> assertThat(r.value().totalVolume()).isEqualTo(4));
        assertThat(pastEnd).isEmpty();
    }

    @Test
    void shouldWaitForAHeaderThatIsStillBeingWritten() throws IOException {
        byte[] full = ScidFixtures.withHeader().buyTick(T0, 6000f, 7).build();
        Path file = dir.resolve("growing.scid");
        Files.write(file, Arrays.copyOf(full, 30));

        try (ScidReader reader = ScidReader.open(file, ES)) {
            assertThat(reader.next()).isNull();
            assertThat(reader.status()).isEqualTo(ScidReadStatus.INCOMPLETE_HEADER);
            Files.write(file, Arrays.copyOfRange(full, 30, full.length), StandardOpenOption.APPEND);
            assertThat(reader.next().value().totalVolume()).isEqualTo(7);
        }
        assertThat(readAll(write("short.scid", new ScidFixtures().bytes(new byte[30])), ES.complete(true)))
                .singleElement().satisfies(r -> assertThat(r.problem().reason()).isEqualTo(ProblemReason.BAD_HEADER));
    }

    @Test
    void shouldReadAcrossChunkBoundariesInOrder() throws IOException {
        ScidFixtures f = ScidFixtures.withHeader();
        for (int i = 0; i < 10; i++) {
            f.buyTick(T0 + i, 6000f + i * 0.25f, i + 1);
        }
        Path file = write(f.bytes(new byte[13]));

        try (ScidReader reader = ScidReader.open(file, ES.withChunkRecords(3))) {
            List<ScidRecord> records = new ArrayList<>();
            List<ParseProblem> problems = new ArrayList<>();
            long handed = reader.drain(records::add, problems::add);
            assertThat(handed).isEqualTo(10);
            assertThat(problems).isEmpty();
            assertThat(records).extracting(ScidRecord::totalVolume).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
            assertThat(records.get(9).price()).isEqualTo(6002.25f);
            assertThat(reader.status()).isEqualTo(ScidReadStatus.INCOMPLETE_RECORD);
            assertThat(reader.nextRecordIndex()).isEqualTo(10);
        }
    }

    @Test
    void shouldPickUpRecordsAppendedAfterEndOfFile() throws IOException {
        Path file = dir.resolve("follow.scid");
        try (ScidWriter w = ScidWriter.create(file)) {
            w.write(T0, 0f, 6000.25f, 6000f, 6000f, 1, 1, 1, 0);
        }
        try (ScidReader reader = ScidReader.open(file, ES)) {
            assertThat(reader.next().value().index()).isZero();
            assertThat(reader.next()).isNull();
            assertThat(reader.status()).isEqualTo(ScidReadStatus.END_OF_FILE);

            try (ScidWriter w = ScidWriter.append(file)) {
                w.write(T0 + 1, 0f, 6000.50f, 6000.25f, 6000.50f, 1, 2, 0, 2);
            }

            ScidRecord appended = reader.next().value();
            assertThat(appended.index()).isEqualTo(1);
            assertThat(appended.aggressor()).isEqualTo(Aggressor.BUY);
            assertThat(reader.next()).isNull();
        }
    }

    private Path write(ScidFixtures fixture) throws IOException {
        return write("fixture.scid", fixture);
    }

    private Path write(String name, ScidFixtures fixture) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, fixture.build());
        return file;
    }

    static List<ParseResult<ScidRecord>> readAll(Path file, ScidReadOptions options) throws IOException {
        List<ParseResult<ScidRecord>> out = new ArrayList<>();
        try (ScidReader reader = ScidReader.open(file, options)) {
            for (ParseResult<ScidRecord> r = reader.next(); r != null; r = reader.next()) {
                out.add(r);
            }
        }
        return out;
    }
}
