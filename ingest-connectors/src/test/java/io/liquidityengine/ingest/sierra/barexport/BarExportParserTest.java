package io.liquidityengine.ingest.sierra.barexport;

import io.liquidityengine.ingest.parse.ParseProblem;
import io.liquidityengine.ingest.parse.ParseResult;
import io.liquidityengine.ingest.parse.PositionKind;
import io.liquidityengine.ingest.parse.ProblemReason;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BarExportParserTest {

    private static final String HEADER = "Date, Time, Open, High, Low, Last, Volume, # of Trades, OHLC Avg, HLC Avg, HL Avg, "
            + "Bid Volume, Ask Volume, Liquidity Trend, Avg, Daily Profit/Loss, RSI";

    private static Path realExport() throws URISyntaxException {
        return Path.of(BarExportParserTest.class.getResource("/sierra/ES-bar-study-export.csv").toURI());
    }

    @Test
    void shouldReadAPlainOhlcvFileAsBarsWithoutTradeCountsOrBidAskVolume() throws Exception {
        // a vendor's ES 1-minute bars (first three and last of 15,176), bar start in New York time
        Path file = Path.of(BarExportParserTest.class.getResource("/es/ES-1min-excerpt.csv").toURI());
        BarExportConfig config = BarExportConfig.defaults().withZone(ZoneId.of("America/New_York")).withIntervalSeconds(60)
                .withTickSize(0.25);

        List<ParseResult<ExportedBar>> results = new BarExportParser(config).parse(file);

        assertThat(ParseResult.problems(results)).isEmpty();
        List<ExportedBar> bars = ParseResult.values(results);
        assertThat(bars).extracting(ExportedBar::start).containsExactly(Instant.parse("2023-09-24T22:00:00Z"),
                Instant.parse("2023-09-24T22:01:00Z"), Instant.parse("2023-09-24T22:02:00Z"), Instant.parse("2023-10-09T20:59:00Z"));
        ExportedBar first = bars.get(0);
        assertThat(new double[] {first.open(), first.high(), first.low(), first.close()}).containsExactly(4365.00, 4367.50, 4364.25, 4365.25);
        assertThat(bars).extracting(ExportedBar::volume).containsExactly(1132L, 482L, 473L, 547L);
        assertThat(bars).extracting(ExportedBar::trades, ExportedBar::bidVolume, ExportedBar::askVolume, ExportedBar::intervalSeconds)
                .containsOnly(org.assertj.core.groups.Tuple.tuple(0L, 0L, 0L, 60));
        assertThat(bars).allSatisfy(b -> assertThat(b.studies()).isEmpty());
    }

    @Test
    void shouldRejectAPlainOhlcvRowWhoseTimestampHasNoTime() throws Exception {
        List<ParseResult<ExportedBar>> results = new BarExportParser().parse(new StringReader(
                "timestamp,open,high,low,close,volume\n2023-09-24,4365.00,4367.50,4364.25,4365.25,1132\n"), "test");

        assertThat(ParseResult.problems(results)).singleElement().satisfies(p -> {
            assertThat(p.reason()).isEqualTo(ProblemReason.UNPARSABLE_ROW);
            assertThat(p.detail()).startsWith("line 2: cannot parse Date/Time");
        });
    }

    @Test
    void shouldParseAll44BarsOfTheRealExportStartingAt1615() throws Exception {
        List<ParseResult<ExportedBar>> results = new BarExportParser().parse(realExport());

        assertThat(ParseResult.problems(results)).isEmpty();
        List<ExportedBar> bars = ParseResult.values(results);
        assertThat(bars).hasSize(44);
        assertThat(bars.get(0).start()).isEqualTo(Instant.parse("2024-12-05T16:15:00Z"));
        assertThat(bars.get(43).start()).isEqualTo(Instant.parse("2024-12-05T16:18:45Z"));
        assertThat(results.get(0).position()).isEqualTo(2);
        assertThat(results.get(43).position()).isEqualTo(45);
        assertThat(bars).extracting(ExportedBar::intervalSeconds).containsOnly(5);
        assertThat(bars.stream().mapToLong(ExportedBar::volume).sum()).isEqualTo(1702);
        assertThat(bars.stream().mapToLong(ExportedBar::trades).sum()).isEqualTo(490);
    }

    @Test
    void shouldMapTheFirstBarsColumnsByHeaderName() throws Exception {
        ExportedBar first = ParseResult.values(new BarExportParser().parse(realExport())).get(0);

        assertThat(first.startEpochMicros()).isEqualTo(1_733_415_300_000_000L);
        assertThat(first.open()).isEqualTo(6084.25);
        assertThat(first.high()).isEqualTo(6084.25);
        assertThat(first.low()).isEqualTo(6083.75);
        assertThat(first.close()).isEqualTo(6083.75);
        assertThat(first.volume()).isEqualTo(126);
        assertThat(first.trades()).isEqualTo(28);
        assertThat(first.bidVolume()).isEqualTo(112);
        assertThat(first.askVolume()).isEqualTo(14);
    }

    @Test
    void shouldKeepEveryNumericStudyColumnByName() throws Exception {
        List<ExportedBar> bars = ParseResult.values(new BarExportParser().parse(realExport()));

        assertThat(bars.get(0).studies()).hasSize(91).doesNotContainKeys("Open", "OHLC Avg", "Bid Volume");
        assertThat(bars.get(0).studies().keySet()).startsWith("Zones Properties").endsWith("RSI Avg");
        assertThat(bars.get(0).study("RSI")).hasValue(0.0);
        assertThat(bars.get(1).study("RSI")).hasValue(100.0);
        assertThat(bars.get(43).study("RSI")).hasValue(37.04);
        assertThat(bars.get(2).study("RSI Avg")).hasValue(66.67);
        assertThat(bars).allSatisfy(b -> {
            assertThat(b.study("Liquidity Trend")).hasValue(1.0);
            assertThat(b.study("Avg")).hasValue(0.0);
            assertThat(b.study("Daily Profit/Loss")).hasValue(0.0);
        });
        assertThat(bars.get(0).study("Count of Unfilled Zones Above")).hasValue(21.0);
        assertThat(bars.get(0).study("No Such Study")).isEmpty();
    }

    @Test
    void shouldReadTimesInTheConfiguredZoneAndInterval() throws Exception {
        BarExportConfig config = BarExportConfig.defaults().withZone(ZoneId.of("America/New_York")).withIntervalSeconds(60);
        ExportedBar first = ParseResult.values(new BarExportParser(config).parse(realExport())).get(0);

        assertThat(first.start()).isEqualTo(Instant.parse("2024-12-05T21:15:00Z"));
        assertThat(first.intervalSeconds()).isEqualTo(60);
    }

    @Test
    void shouldReportBadRowsWithTheirLineNumbersAndCarryOn() throws IOException {
        String csv = HEADER + "\n"
                + "2024-12-5, 9:30:00.000000, 6000.00, 6001.00, 5999.75, 6000.50, 10, 4, 0, 0, 0, 6, 4, 1.000, 70.5, -125.50, 55.2\n"
                + "2024-12-5, 9:30:05.000000, 6000.50, 6000.75, 6000.25, six, 10, 4, 0, 0, 0, 6, 4, 1.000, 70.5, 0, 55.2\n"
                + "2024-12-5, 9:30:10.000000, 6000.50\n"
                + "\n"
                + "2024-13-5, 9:30:15.000000, 6000.50, 6000.75, 6000.25, 6000.50, 10, 4, 0, 0, 0, 6, 4, 1.000, 70.5, 0, 55.2\n"
                + "2024-12-5, 9:30:20.000000, 6000.50, 6000.00, 6000.25, 6000.50, 10, 4, 0, 0, 0, 6, 4, 1.000, 70.5, 0, 55.2\n"
                + "2024-12-5, 9:30:25.000000, 6000.50, 6000.75, 6000.10, 6000.50, 10, 4, 0, 0, 0, 6, 4, 1.000, 70.5, 0, 55.2\n"
                + "2024-12-5, 9:29:55.000000, 6000.50, 6000.75, 6000.25, 6000.50, 10, 4, 0, 0, 0, 6, 4, 1.000, 70.5, 0, 55.2\n"
                + "2024-12-5, 9:30:30.000000, 6000.50, 6000.75, 6000.25, 6000.75, 12.0, 5, 0, 0, 0, 7, 5, -1.000, , n/a, 61\n";

        List<ParseResult<ExportedBar>> results = new BarExportParser(BarExportConfig.defaults().withTickSize(0.25))
                .parse(new StringReader(csv), "test.csv");

        List<ParseProblem> problems = ParseResult.problems(results);
        assertThat(problems).extracting(ParseProblem::position).containsExactly(3L, 4L, 6L, 7L, 8L, 9L);
        assertThat(problems).extracting(ParseProblem::reason).containsExactly(
                ProblemReason.UNPARSABLE_ROW, ProblemReason.UNPARSABLE_ROW, ProblemReason.UNPARSABLE_ROW,
                ProblemReason.INVALID_VALUE, ProblemReason.OFF_TICK_GRID, ProblemReason.TIMESTAMP_BACKWARDS);
        assertThat(problems).extracting(ParseProblem::positionKind).containsOnly(PositionKind.LINE_NUMBER);
        assertThat(problems.get(0).detail()).startsWith("line 3: cannot parse Last");
        assertThat(problems.get(1).rawText()).isEqualTo("2024-12-5, 9:30:10.000000, 6000.50");
        assertThat(problems).extracting(ParseProblem::origin).containsOnly("test.csv");

        List<ExportedBar> bars = ParseResult.values(results);
        assertThat(bars).hasSize(2);
        assertThat(bars.get(0).start()).isEqualTo(Instant.parse("2024-12-05T09:30:00Z"));
        assertThat(bars.get(0).study("Daily Profit/Loss")).hasValue(-125.50);
        assertThat(bars.get(0).study("Avg").getAsDouble()).isCloseTo(70.5, within(1e-12));
        assertThat(bars.get(1).volume()).isEqualTo(12);
        assertThat(bars.get(1).studies()).containsOnlyKeys("Liquidity Trend", "RSI");
        assertThat(bars.get(1).study("Liquidity Trend")).hasValue(-1.0);
    }

    @Test
    void shouldEndTheFileOnAHeaderWithoutRequiredColumns() throws IOException {
        String csv = "Date, Time, Open, High, Low, Volume\n2024-12-5, 9:30:00, 1, 1, 1, 1\n";

        List<ParseResult<ExportedBar>> results = new BarExportParser().parse(new StringReader(csv), "x.csv");

        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.problem().reason()).isEqualTo(ProblemReason.BAD_HEADER);
            assertThat(r.problem().position()).isEqualTo(1);
            assertThat(r.problem().detail()).isEqualTo("header lacks required columns [# of Trades, Bid Volume, Ask Volume, Last]");
        });
    }
}
