package io.liquidityengine.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidityengine.ingest.sample.SampleDayFiles;
import io.liquidityengine.local.LocalStack;
import io.liquidityengine.local.LocalStackExtension;
import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.execution.ExecType;
import io.liquidityengine.schemas.execution.ExecutionReport;
import io.liquidityengine.schemas.execution.OrderAction;
import io.liquidityengine.schemas.execution.OrderRole;
import io.liquidityengine.schemas.execution.Position;
import io.liquidityengine.schemas.execution.Side;
import io.liquidityengine.schemas.marketdata.Bar;
import io.liquidityengine.schemas.marketdata.LevelEvent;
import io.liquidityengine.schemas.signals.Bias;
import io.liquidityengine.backtest.cli.BacktestCommand;
import io.liquidityengine.backtest.report.BacktestReport;
import java.nio.file.Files;
import io.liquidityengine.local.TopicRecords;
import io.liquidityengine.schemas.catalog.Topic;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole engine on a real broker: the demo's synthetic day through the ingest, topology and
 * execution-sink services (their packaged jars, as processes). The signal side is asserted exactly;
 * the closed loop runs in lockstep and is checked for its invariants (every order has an approved
 * decision, no report twice, positions' P&L equal to a recomputation from the fills) and then run
 * again on a fresh broker, on a second day, with the topology and the sink SIGKILLed together twice
 * mid-run.
 *
 * <p>Both runs are also the parity test of the one-process backtest (./engine backtest): over the same
 * files it must give every signal, decision, order, report and position record the services gave, byte
 * for byte. The second run is another day (seed 7) with the topology and the sink SIGKILLed twice: its
 * records must still be the backtest's, so the crash test compares against a deterministic oracle.
 */
@ExtendWith(LocalStackExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClosedLoopIT {

    private static final BigDecimal ES_TICK_VALUE = new BigDecimal("12.50");

    /** Everything the loop produced, each record as its Avro JSON text, in topic order. */
    record LoopOutputs(List<String> decisions, List<String> orders, List<String> reports, List<String> positions) {
        static LoopOutputs read(TopicReader reader) {
            return new LoopOutputs(text(reader.readAll(Topics.RISK_DECISIONS)), text(reader.readAll(Topics.EXEC_ORDERS)),
                    text(reader.readAll(Topics.EXEC_REPORTS)), text(reader.readAll(Topics.EXEC_POSITIONS)));
        }

        private static <V> List<String> text(List<ConsumerRecord<String, V>> records) {
            return records.stream().map(r -> r.key() + " " + r.value()).toList();
        }
    }

    /** Every record the one-process backtest must reproduce byte for byte. */
    private static final List<Topic<String, ?>> PARITY = BacktestParity.PARITY;

    private static DemoCommand demo() {
        DemoCommand demo = new DemoCommand();
        demo.home = Path.of("../..").toAbsolutePath().normalize();
        demo.seed = 42;
        demo.date = LocalDate.of(2024, 12, 5);
        demo.timeoutSeconds = 900;
        return demo;
    }

    @Test
    @Order(1)
    void shouldRunTheSampleDayThroughEveryServiceAndCloseTheLoop(LocalStack stack) throws Exception {
        SampleDayFiles day = demo().run(stack, Path.of("target/closed-loop-it").toAbsolutePath());
        TopicReader reader = new TopicReader(stack.clientConfig(), stack.registryConfig());

        // signals: a pure function of the ticks, option deltas and the example strategy
        assertThat(reader.readAll(Topics.MD_TICKS)).hasSize((int) day.summary().tickCount());
        List<Bar> bars = values(reader.readAll(Topics.SIG_BARS));
        Map<Integer, Long> byInterval = bars.stream().collect(Collectors.groupingBy(Bar::getIntervalSeconds, Collectors.counting()));
        assertThat(byInterval).containsEntry(5, 4_679L).containsEntry(60, 389L).containsEntry(300, 77L).containsEntry(900, 25L)
                .containsEntry(3600, 6L);
        var levels = values(reader.readAll(Topics.SIG_LEVELS));
        assertThat(levels.stream().filter(l -> l.getEvent() == LevelEvent.CREATED)).hasSize(93);
        assertThat(levels.stream().filter(l -> l.getEvent() == LevelEvent.FILLED)).hasSize(78);
        List<Bias> bias = values(reader.readAll(Topics.SIG_BIAS));
        assertThat(bias).hasSize(4_679);
        assertThat(values(reader.readAll(Topics.SIG_PLANS))).hasSize(68);
        assertThat(reader.readAll(Topics.DLQ_TOPOLOGY)).isEmpty();
        assertThat(reader.readAll(Topics.DLQ_INGEST)).isEmpty();

        // the loop
        TradingSummary trading = TradingSummary.read(reader);
        assertThat(trading.decisions()).isNotEmpty();
        assertThat(trading.orders()).filteredOn(o -> o.getAction() == OrderAction.PLACE).isNotEmpty();
        assertThat(trading.ordersWithoutApprovedDecision()).isEmpty();
        List<ExecutionReport> reports = trading.reports();
        assertThat(reports).extracting(ExecutionReport::getReportId).doesNotHaveDuplicates();
        assertThat(reports.stream().filter(r -> r.getExecType() == ExecType.ACCEPTED && r.getRole() == OrderRole.ENTRY)
                .map(ExecutionReport::getBracketId)).doesNotHaveDuplicates();
        assertThat(trading.finalPositions()).isNotEmpty();
        // the reference strategy trades too: one long, closed 46 ticks down
        assertThat(trading.finalPositions().get("paper:reference:ES:1733426315000000").getRealizedTicks()).isEqualTo(-46);
        for (Position p : trading.finalPositions().values()) {
            long ticks = realizedTicksFromFills(reports, p.getPositionId());
            assertThat(p.getRealizedTicks()).as("realized ticks of %s recomputed from exec.reports", p.getPositionId()).isEqualTo(ticks);
            assertThat(p.getRealizedPnl()).isEqualByComparingTo(ES_TICK_VALUE.multiply(BigDecimal.valueOf(ticks)));
        }
        assertTheBacktestGivesTheSameRecords(stack, day);

        // ./engine backtest from the topics the run left gives the stats.json it gives from the files
        Path out = Path.of("target/closed-loop-it/backtest").toAbsolutePath();
        String strategy = demo().home.resolve(DemoCommand.EXAMPLE_STRATEGY).toString();
        int fromFiles = BacktestCommand.commandLine().execute("--scid", day.scid().toString(), "--option-delta",
                day.optionDelta().toString(), "--strategy", strategy, "--title", "sample day", "--out", out.resolve("files").toString(),
                "--bootstrap-servers", stack.bootstrapServers(), "--registry-url", stack.registryUrl(), "--publish-prefix", "bt-1205.");
        int fromTopics = BacktestCommand.commandLine().execute("--bootstrap-servers", stack.bootstrapServers(), "--registry-url",
                stack.registryUrl(), "--from", "2024-12-05", "--to", "2024-12-05", "--strategy", strategy, "--title", "sample day",
                "--out", out.resolve("topics").toString());
        assertThat(fromFiles).isZero();
        assertThat(fromTopics).isZero();
        String stats = Files.readString(out.resolve("files").resolve(BacktestReport.STATS_JSON));
        assertThat(stats).contains("\"trades\" : 20");
        assertThat(Files.readString(out.resolve("topics").resolve(BacktestReport.STATS_JSON))).isEqualTo(stats);
        // the file run's records published under the run prefix, like the services' topics
        for (Topic<String, ?> topic : PARITY) {
            assertThat(TopicRecords.readCommittedBytes(stack.clientConfig(), "bt-1205." + topic.name()))
                    .as("bt-1205.%s", topic.name()).hasSameSizeAs(TopicRecords.readCommittedBytes(stack.clientConfig(), topic.name()));
        }
    }

    private static void assertTheBacktestGivesTheSameRecords(LocalStack stack, SampleDayFiles day) throws Exception {
        BacktestParity.assertTheBacktestGivesTheSameRecords(stack, demo().home, day);
    }

    /**
     * A second day (another seed and date) with the topology and the sink SIGKILLed together twice mid-loop:
     * the crashed run still gives exactly the one-process backtest's records, so nothing was lost or
     * doubled by the kills, and parity holds on a second input.
     */
    @Test
    @Order(2)
    void shouldGiveTheBacktestsRecordsOnASecondDayWhenTheTopologyAndTheSinkAreKilledMidRun() throws Exception {
        DemoCommand demo = demo();
        demo.seed = 7;
        demo.date = LocalDate.of(2025, 1, 15);
        // mid-loop: a day publishes well over a thousand market clocks
        demo.killTopologyAndSinkAt = List.of(150L, 700L);
        try (LocalStack fresh = LocalStack.temporary().start()) {
            SampleDayFiles day = demo.run(fresh, Path.of("target/closed-loop-crash-it").toAbsolutePath());
            TopicReader reader = new TopicReader(fresh.clientConfig(), fresh.registryConfig());
            try (Admin admin = fresh.admin()) {
                assertThat(reader.endOffsets(admin, Topics.EXEC_MARKET_CLOCK)).as("the kills happened mid-loop").isGreaterThan(700L);
            }
            LoopOutputs crashed = LoopOutputs.read(reader);
            assertThat(crashed.reports()).doesNotHaveDuplicates();
            assertThat(crashed.orders()).doesNotHaveDuplicates();
            assertThat(crashed.positions()).isNotEmpty();
            assertThat(TradingSummary.read(reader).ordersWithoutApprovedDecision()).isEmpty();
            assertTheBacktestGivesTheSameRecords(fresh, day);
        }
    }

    /** Σ (exit − average entry) / tick × side × quantity over the bracket's exit fills (ES tick 0.25). */
    private static long realizedTicksFromFills(List<ExecutionReport> reports, String bracketId) {
        List<ExecutionReport> fills = reports.stream().filter(r -> r.getBracketId().equals(bracketId))
                .filter(r -> r.getExecType() == ExecType.FILLED || r.getExecType() == ExecType.PARTIALLY_FILLED).toList();
        Map<Boolean, List<ExecutionReport>> byEntry = new HashMap<>(fills.stream().collect(Collectors.partitioningBy(r -> r.getRole() == OrderRole.ENTRY)));
        double entryQty = 0;
        double entryNotional = 0;
        Side side = null;
        for (ExecutionReport e : byEntry.get(true)) {
            entryQty += e.getFillQuantity();
            entryNotional += e.getFillQuantity() * e.getFillPrice();
            side = e.getSide();
        }
        if (side == null) {
            return 0;
        }
        double average = entryNotional / entryQty;
        int sign = side == Side.BUY ? 1 : -1;
        double ticks = 0;
        for (ExecutionReport x : byEntry.get(false)) {
            ticks += (x.getFillPrice() - average) / 0.25 * sign * x.getFillQuantity();
        }
        return Math.round(ticks);
    }

    private static <V> List<V> values(List<ConsumerRecord<String, V>> records) {
        return records.stream().map(ConsumerRecord::value).toList();
    }
}
