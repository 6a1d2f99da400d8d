package io.liquidityengine.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidityengine.ingest.sample.SampleDayFiles;
import io.liquidityengine.local.LocalStack;
import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.execution.ExecType;
import io.liquidityengine.schemas.execution.OrderAction;
import io.liquidityengine.schemas.execution.Position;
import io.liquidityengine.backtest.RecordLog;
import io.liquidityengine.schemas.catalog.Topic;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.List;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * {@code ./engine demo --broker dtc}: the sample day with market data AND orders over the project's DTC server
 * (in the test JVM; the sink's DTC broker its matching clock) gives the paper run's records. The oracle is the
 * one-process backtest of the same files, which ClosedLoopIT shows equals the paper run record for record: every
 * signal, decision, order, report and position must be the backtest's, byte for byte, so the DTC run made the same
 * decisions, sent the same orders, got the same fills at the same prices and times, and the same P&L. And no
 * order on exec.orders without an APPROVED decision.
 */
class DtcDemoIT {

    private static final Path WORK = Path.of("target/dtc-demo-it").toAbsolutePath();

    @Test
    void shouldTradeTheSampleDayThroughTheDtcServerWithThePaperRunsRecords() throws Exception {
        // its own stack: the ITs of this module run in one JVM, and the extension's stack is shared by all of them
        try (LocalStack stack = LocalStack.temporary().start()) {
            DemoCommand demo = new DemoCommand();
            demo.home = Path.of("../..").toAbsolutePath().normalize();
            demo.seed = 42;
            demo.date = LocalDate.of(2024, 12, 5);
            demo.timeoutSeconds = 900;
            demo.broker = DemoCommand.BrokerChoice.dtc;
            SampleDayFiles day = demo.run(stack, WORK);
            TopicReader reader = new TopicReader(stack.clientConfig(), stack.registryConfig());

            // every tick came over DTC; the orders went there
            assertThat(reader.readAll(Topics.MD_TICKS)).hasSize((int) day.summary().tickCount());
            TradingSummary trading = TradingSummary.read(reader);
            assertThat(trading.ordersWithoutApprovedDecision()).isEmpty();
            assertThat(trading.orders()).filteredOn(o -> o.getAction() == OrderAction.PLACE).hasSize(21);
            assertThat(trading.reports()).filteredOn(r -> r.getExecType() == ExecType.FILLED).hasSize(49);
            assertThat(trading.finalPositions()).hasSize(20);
            assertThat(trading.finalPositions().get("paper:reference:ES:1733426315000000").getRealizedTicks()).isEqualTo(-46);
            BigDecimal net = trading.finalPositions().values().stream().map(p -> p.getRealizedPnl().subtract(p.getCommission()))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(net).isEqualByComparingTo("-3068");
            assertThat(trading.finalPositions().values()).extracting(Position::getCommission).allMatch(c -> c.signum() > 0);

            // orders, reports and positions first as text (a difference reads as one; decisions hold maps, whose text order
            // varies), then every record byte for byte
            RecordLog backtest = BacktestParity.backtest(demo.home, day);
            for (Topic<String, ?> topic : List.of(Topics.EXEC_ORDERS, Topics.EXEC_REPORTS, Topics.EXEC_POSITIONS)) {
                List<String> services = reader.readAll(topic).stream().map(r -> r.timestamp() + " " + r.key() + " " + r.value()).toList();
                List<String> expected = backtest.entries(topic).stream().map(e -> e.timestampMs() + " " + e.key() + " " + e.value()).toList();
                Files.write(WORK.resolve(topic.name() + ".dtc.txt"), services);
                Files.write(WORK.resolve(topic.name() + ".backtest.txt"), expected);
                assertThat(services).as("%s of the DTC run (files in %s)", topic.name(), WORK).containsExactlyElementsOf(expected);
            }
            BacktestParity.assertSameRecords(stack, backtest);
        }
    }
}
