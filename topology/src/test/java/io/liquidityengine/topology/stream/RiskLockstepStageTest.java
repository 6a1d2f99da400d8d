package io.liquidityengine.topology.stream;

import static io.liquidityengine.topology.stream.RiskStageTest.clock;
import static io.liquidityengine.topology.stream.RiskStageTest.fill;
import static io.liquidityengine.topology.stream.RiskStageTest.plan;
import static org.assertj.core.api.Assertions.assertThat;

import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.execution.ExecutionReport;
import io.liquidityengine.schemas.execution.MarketClock;
import io.liquidityengine.schemas.execution.Order;
import io.liquidityengine.schemas.execution.OrderRole;
import io.liquidityengine.schemas.execution.Side;
import io.liquidityengine.schemas.risk.RiskClock;
import io.liquidityengine.schemas.signals.PlanStatus;
import io.liquidityengine.schemas.signals.TrendDirection;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The risk stage in lockstep with the execution sink (RiskLockstep): signals wait for the sink's
 * market clock while the account has brackets, so the orders do not depend on whether a fill or a
 * later bar clock reaches the stage first.
 */
class RiskLockstepStageTest {

    private static final Instant MORNING = Instant.parse("2024-12-05T15:30:00Z"); // 10:30 New York

    private static MarketClock market(Instant through, long reports) {
        return MarketClock.newBuilder().setAccount("paper").setSinkId("paper").setEventTime(through).setReportsPublished(reports)
                .setPositionsPublished(0).build();
    }

    private static String describe(Order o) {
        return o.getAction() + " " + o.getClientOrderId() + " at " + o.getEventTime();
    }

    private static String describe(RiskClock c) {
        return "through " + c.getEventTime() + " orders " + c.getOrdersEmitted() + " reports " + c.getReportsProcessed()
                + " positions " + c.getPositionsProcessed();
    }

    /** Fills before the later bar clocks, or the clocks before the fills: the same orders in lockstep. */
    @Test
    void shouldDecideTheSameOrdersWhateverReachesTheStageFirst() {
        Instant entry = MORNING.plusSeconds(2);
        Instant bar1 = MORNING.plusSeconds(5);
        Instant t1 = MORNING.plusSeconds(7);
        Instant bar2 = MORNING.plusSeconds(10);
        List<String> expected = List.of(
                "PLACE paper:P1:0:PLACE at " + MORNING,
                // T1 at 6008 filled: the remaining legs' stops go to break-even (the 6000 entry)
                "MODIFY paper:P1:1:MODIFY at " + t1,
                // the bar at +10 s turns the trend against the long: flatten
                "FLATTEN paper:P1:2:FLATTEN at " + bar2);

        List<String> clocksFirst;
        try (TopologyFixture f = new TopologyFixture(c -> c.withLockstep(true))) {
            f.input(Topics.SIG_PLANS).pipeInput("ES", plan("P1", 0, PlanStatus.NEW, MORNING, 6000.00, 5994.00), MORNING);
            f.input(Topics.SIG_BIAS).pipeInput("ES", clock(bar1, TrendDirection.LONG), bar1);
            f.input(Topics.SIG_BIAS).pipeInput("ES", clock(bar2, TrendDirection.SHORT), bar2);
            // the bar clocks wait: the account has a bracket and the sink has not run the market to them
            assertThat(f.output(Topics.EXEC_ORDERS).readValuesToList()).extracting(RiskLockstepStageTest::describe)
                    .containsExactly(expected.get(0));
            assertThat(f.output(Topics.RISK_CLOCK).readValuesToList()).extracting(RiskLockstepStageTest::describe).containsExactly(
                    "through " + MORNING + " orders 1 reports 0 positions 0",
                    "through " + bar1 + " orders 1 reports 0 positions 0");

            f.input(Topics.EXEC_REPORTS).pipeInput("paper", fill("r1", OrderRole.ENTRY, null, Side.BUY, 6000.00, 3, entry), entry);
            f.input(Topics.EXEC_REPORTS).pipeInput("paper", fill("r2", OrderRole.TARGET, "paper:P1:L1", Side.SELL, 6008.00, 1, t1), t1);
            // the market clock counts three reports: the third has not been processed yet, so nothing is released
            f.input(Topics.EXEC_MARKET_CLOCK).pipeInput("paper", market(bar2, 3), bar2);
            assertThat(f.output(Topics.EXEC_ORDERS).readValuesToList()).extracting(RiskLockstepStageTest::describe)
                    .containsExactly(expected.get(1));
            // the third: a report of another (unknown) bracket, which changes nothing but the count
            ExecutionReport other = ExecutionReport.newBuilder(fill("r3", OrderRole.ENTRY, null, Side.BUY, 6001.00, 1, t1))
                    .setBracketId("paper:P0").setClientOrderId("paper:P0:0:PLACE").build();
            f.input(Topics.EXEC_REPORTS).pipeInput("paper", other, t1);
            assertThat(f.output(Topics.EXEC_ORDERS).readValuesToList()).extracting(RiskLockstepStageTest::describe)
                    .containsExactly(expected.get(2));
            assertThat(f.output(Topics.RISK_CLOCK).readValuesToList()).extracting(RiskLockstepStageTest::describe).containsExactly(
                    "through " + bar1 + " orders 1 reports 1 positions 0",
                    "through " + bar1 + " orders 2 reports 2 positions 0",
                    "through " + bar2 + " orders 3 reports 3 positions 0");
            clocksFirst = expected;
        }

        try (TopologyFixture f = new TopologyFixture(c -> c.withLockstep(true))) {
            f.input(Topics.SIG_PLANS).pipeInput("ES", plan("P1", 0, PlanStatus.NEW, MORNING, 6000.00, 5994.00), MORNING);
            f.input(Topics.EXEC_REPORTS).pipeInput("paper", fill("r1", OrderRole.ENTRY, null, Side.BUY, 6000.00, 3, entry), entry);
            f.input(Topics.EXEC_REPORTS).pipeInput("paper", fill("r2", OrderRole.TARGET, "paper:P1:L1", Side.SELL, 6008.00, 1, t1), t1);
            f.input(Topics.SIG_BIAS).pipeInput("ES", clock(bar1, TrendDirection.LONG), bar1);
            f.input(Topics.SIG_BIAS).pipeInput("ES", clock(bar2, TrendDirection.SHORT), bar2);
            f.input(Topics.EXEC_MARKET_CLOCK).pipeInput("paper", market(bar2, 2), bar2);
            assertThat(f.output(Topics.EXEC_ORDERS).readValuesToList()).extracting(RiskLockstepStageTest::describe)
                    .containsExactlyElementsOf(clocksFirst);
        }
    }

    /** Without brackets nothing can fill, so signals are decided at once and the clock follows them. */
    @Test
    void shouldDecideAtOnceWhileTheAccountHasNoBrackets() {
        try (TopologyFixture f = new TopologyFixture(c -> c.withLockstep(true))) {
            Instant bar1 = MORNING.plusSeconds(5);
            Instant bar2 = MORNING.plusSeconds(10);
            f.input(Topics.SIG_BIAS).pipeInput("ES", clock(bar1, TrendDirection.LONG), bar1);
            f.input(Topics.SIG_BIAS).pipeInput("ES", clock(bar2, TrendDirection.SHORT), bar2);
            assertThat(f.output(Topics.RISK_CLOCK).readValuesToList()).extracting(RiskLockstepStageTest::describe).containsExactly(
                    "through " + bar1 + " orders 0 reports 0 positions 0",
                    "through " + bar2 + " orders 0 reports 0 positions 0");
            assertThat(f.output(Topics.EXEC_ORDERS).isEmpty()).isTrue();
        }
    }

    /** Off (the default, live): no clock is published and a bar clock is never held back. */
    @Test
    void shouldNotPublishClocksWhenOff() {
        try (TopologyFixture f = new TopologyFixture(c -> c)) {
            f.input(Topics.SIG_PLANS).pipeInput("ES", plan("P1", 0, PlanStatus.NEW, MORNING, 6000.00, 5994.00), MORNING);
            Instant close = Instant.parse("2024-12-05T20:55:00Z"); // 15:55 New York
            f.input(Topics.SIG_BIAS).pipeInput("ES", clock(close, TrendDirection.FLAT), close);
            assertThat(f.output(Topics.EXEC_ORDERS).readValuesToList()).extracting(RiskLockstepStageTest::describe)
                    .containsExactly("PLACE paper:P1:0:PLACE at " + MORNING, "CANCEL paper:P1:1:CANCEL at " + close);
            assertThat(f.driver.producedTopicNames()).doesNotContain(Topics.RISK_CLOCK.name());
        }
    }
}
