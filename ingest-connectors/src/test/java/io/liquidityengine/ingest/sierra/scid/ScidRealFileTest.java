package io.liquidityengine.ingest.sierra.scid;

import io.liquidityengine.ingest.parse.ParseProblem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The real Sierra Chart file MNQU21-CME.scid (Micro Nasdaq, Sep 2021) and its known facts. */
class ScidRealFileTest {

    private static Path file;
    private static final List<ScidRecord> records = new ArrayList<>();
    private static final List<ParseProblem> problems = new ArrayList<>();
    private static ScidReadStatus status;

    @BeforeAll
    static void readWholeFile() throws IOException, URISyntaxException {
        file = Path.of(ScidRealFileTest.class.getResource("/sierra/MNQU21-CME.scid").toURI());
        try (ScidReader reader = ScidReader.open(file, ScidReadOptions.defaults().withTickSize(0.25).complete(true))) {
            reader.drain(records::add, problems::add);
            status = reader.status();
        }
    }

    @Test
    void shouldReadAll48737RecordsWithoutProblems() {
        assertThat(problems).isEmpty();
        assertThat(records).hasSize(48_737);
        assertThat(status).isEqualTo(ScidReadStatus.END_OF_FILE);
        assertThat(records.get(48_736).index()).isEqualTo(48_736);
    }

    @Test
    void shouldDecodeTheFirstRecordExactly() {
        ScidRecord first = records.get(0);
        assertThat(first.instant()).isEqualTo(Instant.parse("2020-11-25T01:21:41.954Z"));
        assertThat(first.scDateTimeMicros()).isEqualTo(3_815_428_901_954_000L);
        assertThat(first.open()).isZero();
        assertThat(first.kind()).isEqualTo(ScidRecordKind.TICK);
        assertThat(first.high()).isEqualTo(12100.0f);
        assertThat(first.low()).isEqualTo(12093.5f);
        assertThat(first.close()).isEqualTo(12100.0f);
        assertThat(first.numTrades()).isEqualTo(1);
        assertThat(first.totalVolume()).isEqualTo(1);
        assertThat(first.bidVolume()).isZero();
        assertThat(first.askVolume()).isEqualTo(1);
        assertThat(first.aggressor()).isEqualTo(Aggressor.BUY);
    }

    @Test
    void shouldEndWithTheLastRecordOfMay31() {
        ScidRecord last = records.get(records.size() - 1);
        assertThat(last.instant()).isEqualTo(Instant.parse("2021-05-31T16:58:07.577Z"));
        assertThat(last.close()).isEqualTo(13645.75f);
        assertThat(last.aggressor()).isEqualTo(Aggressor.SELL);
    }

    @Test
    void shouldSumTotalVolumeTo79040() {
        assertThat(records.stream().mapToLong(ScidRecord::totalVolume).sum()).isEqualTo(79_040);
    }

    @Test
    void shouldHoldOnlyTicksIncludingBothSubTradeSentinels() {
        Map<ScidRecordKind, Integer> kinds = new EnumMap<>(ScidRecordKind.class);
        records.forEach(r -> kinds.merge(r.kind(), 1, Integer::sum));
        assertThat(kinds).containsExactlyInAnyOrderEntriesOf(Map.of(
                ScidRecordKind.TICK, 44_533,
                ScidRecordKind.TICK_FIRST_SUB_TRADE, 2_102,
                ScidRecordKind.TICK_LAST_SUB_TRADE, 2_102));
        assertThat(records).noneMatch(r -> r.aggressor() == Aggressor.UNKNOWN);
    }

    @Test
    void shouldResumeFromARecordIndex() throws IOException {
        List<ScidRecord> tail = new ArrayList<>();
        try (ScidReader reader = ScidReader.open(file, ScidReadOptions.defaults().startingAt(48_000))) {
            reader.drain(tail::add, p -> {
                throw new AssertionError(p.toString());
            });
        }
        assertThat(tail).hasSize(737);
        assertThat(tail.get(0)).isEqualTo(records.get(48_000));
    }
}
