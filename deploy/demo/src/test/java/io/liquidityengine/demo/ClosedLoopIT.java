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
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole engine on a real broker: the demo's synthetic day through the ingest, topology and
 * execution-sink services (their packaged jars, as processes). The signal side is deterministic and
 * asserted exactly; the closed loop is checked for its invariants (every order has an approved
 * decision, no report twice, positions' P&L equal to a recomputation from the fills).
 */
@ExtendWith(LocalStackExtension.class)
class ClosedLoopIT {

    private static final BigDecimal ES_TICK_VALUE = new BigDecimal("12.50");

    @Test
    void shouldRunTheSampleDayThroughEveryServiceAndCloseTheLoop(LocalStack stack) throws Exception {
        DemoCommand demo = new DemoCommand();
        demo.home = Path.of("../..").toAbsolutePath().normalize();
        demo.seed = 42;
        demo.date = LocalDate.of(2024, 12, 5);
        demo.timeoutSeconds = 600;
        SampleDayFiles day = demo.run(stack, Path.of("target/closed-loop-it").toAbsolutePath());
        TopicReader reader = new TopicReader(stack.clientConfig(), stack.registryConfig());

        // signals: a pure function of the ticks, option deltas and the example strategy
        assertThat(reader.readAll(Topics.MD_TICKS)).hasSize((int) day.summary().tickCount());
        List<Bar> bars = values(reader.readAll(Topics.SIG_BARS));
        Map<Integer, Long> byInterval = bars.stream().collect(Collectors.groupingBy(Bar::getIntervalSeconds, Collectors.counting()));
        assertThat(byInterval).containsEntry(5, 4_679L).containsEntry(60, 389L).containsEntry(300, 77L).containsEntry(900, 25L)
                .containsEntry(3600, 6L);
        var levels = values(reader.readAll(Topics.SIG_LEVELS));
        assertThat(levels.stream().filter(l -> l.getEvent() == LevelEvent.CREATED)).hasSize(20);
        assertThat(levels.stream().filter(l -> l.getEvent() == LevelEvent.FILLED)).hasSize(17);
        List<Bias> bias = values(reader.readAll(Topics.SIG_BIAS));
        assertThat(bias).hasSize(4_679);
        assertThat(values(reader.readAll(Topics.SIG_PLANS))).hasSize(56);
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
        for (Position p : trading.finalPositions().values()) {
            long ticks = realizedTicksFromFills(reports, p.getPositionId());
            assertThat(p.getRealizedTicks()).as("realized ticks of %s recomputed from exec.reports", p.getPositionId()).isEqualTo(ticks);
            assertThat(p.getRealizedPnl()).isEqualByComparingTo(ES_TICK_VALUE.multiply(BigDecimal.valueOf(ticks)));
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
