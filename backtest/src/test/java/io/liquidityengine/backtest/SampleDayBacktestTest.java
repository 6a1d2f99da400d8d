package io.liquidityengine.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.liquidityengine.backtest.report.BacktestReport;
import io.liquidityengine.backtest.report.ClosedTrade;
import io.liquidityengine.backtest.report.TradesCsv;
import io.liquidityengine.ingest.sample.SampleDayFiles;
import io.liquidityengine.schemas.execution.ExecType;
import io.liquidityengine.schemas.execution.ExecutionReport;
import io.liquidityengine.schemas.execution.OrderRole;
import io.liquidityengine.schemas.execution.PositionStatus;
import io.liquidityengine.schemas.execution.Side;
import java.math.BigDecimal;
import java.nio.file.Files;
import io.liquidityengine.ingest.sample.SampleDayGenerator;
import io.liquidityengine.schemas.catalog.Topic;
import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.marketdata.Bar;
import io.liquidityengine.schemas.marketdata.LevelEvent;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's sample day through the one-process backtest: the signal side is the topology's (the figures ClosedLoopIT asserts). */
class SampleDayBacktestTest {

    static final Set<Topic<String, ?>> LOOP_TOPICS = Set.of(Topics.SIG_BARS, Topics.SIG_LEVELS, Topics.SIG_BIAS, Topics.SIG_PLANS,
            Topics.RISK_DECISIONS, Topics.EXEC_ORDERS, Topics.EXEC_REPORTS, Topics.EXEC_POSITIONS, Topics.DLQ_TOPOLOGY, Topics.DLQ_INGEST,
            Topics.DLQ_EXECUTION, Topics.CONTROL_COMMANDS);

    @TempDir
    Path dir;

    @Test
    void shouldGiveTheTopologysSignalsOnTheSampleDay() throws Exception {
        SampleDayFiles day = new SampleDayGenerator(42, LocalDate.of(2024, 12, 5)).writeTo(dir);
        RecordLog log = new RecordLog(LOOP_TOPICS);
        Backtest.Result result = sampleDay(day).run(log, null);

        assertThat(result.ticks()).isEqualTo(day.summary().tickCount());
        Map<Integer, Long> byInterval = log.values(Topics.SIG_BARS).stream()
                .collect(Collectors.groupingBy(Bar::getIntervalSeconds, Collectors.counting()));
        assertThat(byInterval).containsEntry(5, 4_679L).containsEntry(60, 389L).containsEntry(300, 77L).containsEntry(900, 25L)
                .containsEntry(3600, 6L);
        assertThat(log.values(Topics.SIG_LEVELS).stream().filter(l -> l.getEvent() == LevelEvent.CREATED)).hasSize(93);
        assertThat(log.values(Topics.SIG_LEVELS).stream().filter(l -> l.getEvent() == LevelEvent.FILLED)).hasSize(78);
        assertThat(log.values(Topics.SIG_BIAS)).hasSize(4_679);
        assertThat(log.values(Topics.SIG_PLANS)).hasSize(68);
        // the reference strategy plans once, follows its entry level six times and cancels when the trend turns
        Map<String, Long> referencePlans = log.values(Topics.SIG_PLANS).stream().filter(p -> p.getStrategyId().equals("reference"))
                .collect(Collectors.groupingBy(p -> p.getStatus().name(), java.util.TreeMap::new, Collectors.counting()));
        assertThat(referencePlans).isEqualTo(Map.of("AMENDED", 6L, "CANCELLED", 1L, "NEW", 1L));
        assertThat(log.count(Topics.DLQ_TOPOLOGY)).isZero();
        assertThat(log.count(Topics.DLQ_INGEST)).isZero();
        assertThat(log.values(Topics.RISK_DECISIONS)).hasSize(68);
        System.out.printf("decisions %d orders %d reports %d positions %d, %,.0f ticks/s%n", log.count(Topics.RISK_DECISIONS),
                log.count(Topics.EXEC_ORDERS), log.count(Topics.EXEC_REPORTS), log.count(Topics.EXEC_POSITIONS), result.ticksPerSecond());
    }

    @Test
    void shouldWriteAReportWhoseNetPnlIsTheTradesAndTheFills() throws Exception {
        SampleDayFiles day = new SampleDayGenerator(42, LocalDate.of(2024, 12, 5)).writeTo(dir);
        Backtest backtest = sampleDay(day);
        RecordLog log = new RecordLog(LOOP_TOPICS);
        backtest.run(log, null);
        BacktestReport report = Sweep.ReportShape.of(backtest.settings(), "ES").report("sample day", log);
        Path out = dir.resolve("report");
        report.write(out);

        BigDecimal stats = new BigDecimal(new ObjectMapper().readTree(out.resolve(BacktestReport.STATS_JSON).toFile())
                .path("statistics").path("netPnl").asText());
        BigDecimal fromCsv = TradesCsv.read(out.resolve(BacktestReport.TRADES_CSV)).stream().map(ClosedTrade::netPnl)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(log.values(Topics.EXEC_POSITIONS).stream().filter(p -> p.getStatus() == PositionStatus.CLOSED)).hasSize(20);
        assertThat(report.trades()).hasSize(20);
        // one of them is the reference strategy's: long from 5973.50 at 14:19:35 New York, out 46 ticks worse
        List<ClosedTrade> reference = report.trades().stream().filter(t -> t.strategy().equals("reference")).toList();
        assertThat(reference).hasSize(1);
        assertThat(reference.get(0).side()).isEqualTo(ClosedTrade.Side.LONG);
        assertThat(reference.get(0).entryPrice()).isEqualByComparingTo("5973.50");
        assertThat(reference.get(0).ticks()).isEqualTo(-46L);
        assertThat(reference.get(0).entryTime()).isEqualTo(java.time.Instant.parse("2024-12-05T19:19:35.406869Z"));
        assertThat(fromCsv).isEqualByComparingTo(stats);
        assertThat(netFromFills(log.values(Topics.EXEC_REPORTS), new BigDecimal("0.25"), new BigDecimal("12.50"))).isEqualByComparingTo(stats);
        assertThat(Files.readString(out.resolve(BacktestReport.REPORT_HTML))).contains("<svg").contains("<h2>Equity and drawdown").contains("<h2>Trades").contains("ema-cross-patterns").contains("reference");
    }

    /**
     * Net P&L straight from exec.reports: per bracket, every exit fill against the quantity-weighted entry
     * price, in ticks times the tick value, less every fill's commission.
     */
    static BigDecimal netFromFills(List<ExecutionReport> reports, BigDecimal tick, BigDecimal tickValue) {
        Map<String, List<ExecutionReport>> byBracket = reports.stream()
                .filter(r -> r.getExecType() == ExecType.FILLED || r.getExecType() == ExecType.PARTIALLY_FILLED)
                .collect(Collectors.groupingBy(ExecutionReport::getBracketId, java.util.LinkedHashMap::new, Collectors.toList()));
        BigDecimal net = BigDecimal.ZERO;
        for (List<ExecutionReport> fills : byBracket.values()) {
            BigDecimal qty = BigDecimal.ZERO;
            BigDecimal notional = BigDecimal.ZERO;
            int sign = 0;
            for (ExecutionReport f : fills) {
                net = net.subtract(f.getCommission());
                if (f.getRole() == OrderRole.ENTRY) {
                    qty = qty.add(BigDecimal.valueOf(f.getFillQuantity()));
                    notional = notional.add(BigDecimal.valueOf(f.getFillPrice()).multiply(BigDecimal.valueOf(f.getFillQuantity())));
                    sign = f.getSide() == Side.BUY ? 1 : -1;
                }
            }
            for (ExecutionReport f : fills) {
                if (f.getRole() != OrderRole.ENTRY) {
                    BigDecimal entry = notional.divide(qty, java.math.MathContext.DECIMAL64);
                    BigDecimal ticks = BigDecimal.valueOf(f.getFillPrice()).subtract(entry).divide(tick, java.math.MathContext.DECIMAL64)
                            .multiply(BigDecimal.valueOf(f.getFillQuantity())).multiply(BigDecimal.valueOf(sign));
                    net = net.add(ticks.multiply(tickValue));
                }
            }
        }
        return net;
    }

    /** The demo's configuration: the services' defaults plus the shipped example rule strategy. */
    static Backtest sampleDay(SampleDayFiles day) {
        BacktestSettings settings = BacktestSettings.of(Map.of("backtest.strategies",
                "topology/src/main/resources/strategies/ema-cross-patterns.json"), Path.of("..").toAbsolutePath().normalize());
        return new Backtest(settings, List.of(Backtest.Input.of("scid", day.scid(), "ES"),
                Backtest.Input.of("option-delta", day.optionDelta(), "ES")));
    }
}
