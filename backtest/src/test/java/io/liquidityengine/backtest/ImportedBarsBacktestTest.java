package io.liquidityengine.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidityengine.backtest.report.BacktestReport;
import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.execution.ExecType;
import io.liquidityengine.schemas.execution.ExecutionReport;
import io.liquidityengine.schemas.execution.Order;
import io.liquidityengine.schemas.execution.OrderAction;
import io.liquidityengine.schemas.execution.OrderRole;
import io.liquidityengine.schemas.execution.PositionStatus;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A run from bars alone: a real ES session of 1-minute bars (a vendor's OHLCV file, 2023-09-25 09:30-16:00 New York)
 * through the imported-bars path with the example rule strategy; the paper broker fills from each bar's path.
 */
class ImportedBarsBacktestTest {

    private static final Path SESSION = Path.of("src/test/resources/es/ES-1min-2023-09-25-rth.csv");

    @Test
    void shouldTradeARealSessionOfMinuteBarsFillingEveryOrderInsideALaterBar() throws Exception {
        BacktestSettings settings = BacktestSettings.of(Map.of("backtest.strategies",
                "topology/src/main/resources/strategies/ema-cross-patterns.json"), Path.of("..").toAbsolutePath().normalize());
        Backtest backtest = new Backtest(settings, List.of(new Backtest.FileInput("es-1min", "bar-export", SESSION, "ES",
                Optional.empty(), Optional.empty(), 60)));
        RecordLog log = new RecordLog(SampleDayBacktestTest.LOOP_TOPICS);

        Backtest.Result result = backtest.run(log, null);

        assertThat(result.inputRecords()).isEqualTo(390);
        assertThat(result.deadLetters()).isZero();
        assertThat(result.ticks()).isZero();
        List<ExecutionReport> fills = log.values(Topics.EXEC_REPORTS).stream()
                .filter(r -> r.getExecType() == ExecType.FILLED || r.getExecType() == ExecType.PARTIALLY_FILLED).toList();
        assertThat(fills).hasSize(40);
        // every fill at a price its bar traded (a limit target exactly; a market or stop order one tick worse at most: the
        // paper broker's slippage), in a bar after the one
        // whose close decided the order
        Map<Instant, double[]> barRanges = new java.util.HashMap<>();
        for (String line : java.nio.file.Files.readAllLines(SESSION).subList(1, 391)) {
            String[] c = line.split(",");
            Instant start = java.time.LocalDateTime.parse(c[0].replace(' ', 'T')).atZone(java.time.ZoneId.of("America/New_York")).toInstant();
            barRanges.put(start, new double[] {Double.parseDouble(c[3]), Double.parseDouble(c[2])});
        }
        Map<String, Order> placed = log.values(Topics.EXEC_ORDERS).stream().filter(o -> o.getAction() == OrderAction.PLACE)
                .collect(Collectors.toMap(Order::getBracketId, o -> o));
        for (ExecutionReport f : fills) {
            Instant barStart = Instant.ofEpochSecond(f.getEventTime().getEpochSecond() / 60 * 60);
            double[] lowHigh = barRanges.get(barStart);
            assertThat(f.getFillPrice()).as("fill %s in the bar of %s", f.getReportId(), barStart).isBetween(lowHigh[0] - 0.25, lowHigh[1] + 0.25);
            if (f.getRole() == OrderRole.TARGET) {
                assertThat(f.getFillPrice()).as("fill %s", f.getReportId()).isBetween(lowHigh[0], lowHigh[1]);
            }
            assertThat(barStart).as("fill %s", f.getReportId()).isAfterOrEqualTo(placed.get(f.getBracketId()).getEventTime());
        }

        BacktestReport report = Sweep.ReportShape.of(settings, "ES").report("ES 2023-09-25", log);
        assertThat(log.values(Topics.EXEC_POSITIONS).stream().filter(p -> p.getStatus() == PositionStatus.CLOSED)).hasSize(10);
        assertThat(report.statistics().trades()).isEqualTo(10);
        assertThat(report.statistics().netPnl()).isEqualByComparingTo("-4030");
        assertThat(report.statistics().commission()).isEqualByComparingTo("180");
        assertThat(SampleDayBacktestTest.netFromFills(log.values(Topics.EXEC_REPORTS), new BigDecimal("0.25"), new BigDecimal("12.50")))
                .isEqualByComparingTo(report.statistics().netPnl());
        // the 3,000 USD daily loss limit ends the day: the last position closes at 14:35 New York, no entry after it
        assertThat(fills.get(fills.size() - 1).getEventTime()).isEqualTo(Instant.parse("2023-09-25T18:35:30Z"));
        assertThat(log.values(Topics.RISK_DECISIONS).stream().filter(d -> d.getReason().name().equals("DAILY_LOSS_LIMIT"))).isNotEmpty();
    }
}
