package io.liquidityengine.topology.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.control.CommandType;
import io.liquidityengine.schemas.control.ControlCommand;
import io.liquidityengine.schemas.execution.ExecType;
import io.liquidityengine.schemas.execution.ExecutionReport;
import io.liquidityengine.schemas.execution.Order;
import io.liquidityengine.schemas.execution.OrderAction;
import io.liquidityengine.schemas.execution.OrderRole;
import io.liquidityengine.schemas.execution.OrderType;
import io.liquidityengine.schemas.execution.Side;
import io.liquidityengine.schemas.risk.DecisionStatus;
import io.liquidityengine.schemas.risk.ReasonCode;
import io.liquidityengine.schemas.risk.RiskDecision;
import io.liquidityengine.schemas.signals.Bias;
import io.liquidityengine.schemas.signals.BiasValue;
import io.liquidityengine.schemas.signals.DeltaPosition;
import io.liquidityengine.schemas.signals.PlanLeg;
import io.liquidityengine.schemas.signals.PlanSide;
import io.liquidityengine.schemas.signals.PlanStatus;
import io.liquidityengine.schemas.signals.TradePlan;
import io.liquidityengine.schemas.signals.TrendDirection;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The risk stage wired into the topology: plans in, decisions and bracket orders out, feedback and the kill switch. */
class RiskStageTest {

    /** 10:30 New York on 2024-12-05, inside the 10:05-15:15 trading window. */
    private static final Instant MORNING = Instant.parse("2024-12-05T15:30:00Z");

    static TradePlan plan(String id, int revision, PlanStatus status, Instant time, double entry, double stop) {
        return TradePlan.newBuilder().setPlanId(id).setRevision(revision).setInstrument("ES").setStrategyId("reference")
                .setStatus(status).setSide(PlanSide.BUY).setEventTime(time).setEntryPrice(entry).setStopPrice(stop)
                .setLegs(List.of(new PlanLeg(1, 1, entry + 8), new PlanLeg(2, 2, entry + 12), new PlanLeg(3, 1, entry + 14)))
                .setTotalQuantity(4).setRewardRisk(8 / (entry - stop)).build();
    }

    static Bias clock(Instant time, TrendDirection trend) {
        return Bias.newBuilder().setInstrument("ES").setEventTime(time).setBias(BiasValue.HOLD).setPreviousBias(BiasValue.HOLD)
                .setFlip(false).setLiquiditySide(0).setTrend(trend).setDeltaPosition(DeltaPosition.HOLD)
                .setExtended(false).setNormalActionBars(30).setClose(6000.0).build();
    }

    static ExecutionReport fill(String id, OrderRole role, String legId, Side side, double price, int quantity, Instant time) {
        return ExecutionReport.newBuilder().setReportId(id).setClientOrderId("paper:P1:0:PLACE").setBracketId("paper:P1")
                .setLegId(legId).setAccount("paper").setInstrument("ES").setExecType(ExecType.FILLED).setRole(role).setSide(side)
                .setFillPrice(price).setFillQuantity(quantity).setCommission(new BigDecimal("0.000000")).setEventTime(time).build();
    }

    @Test
    void shouldApproveAPlanSizedFromRiskAndEmitABracket() {
        try (TopologyFixture f = new TopologyFixture(Duration.ZERO)) {
            f.input(Topics.SIG_PLANS).pipeInput("ES", plan("P1", 0, PlanStatus.NEW, MORNING, 6000.00, 5994.00), MORNING);

            List<RiskDecision> decisions = f.output(Topics.RISK_DECISIONS).readValuesToList();
            assertThat(decisions).hasSize(1);
            RiskDecision d = decisions.get(0);
            assertThat(d.getStatus()).isEqualTo(DecisionStatus.APPROVED);
            assertThat(d.getReason()).isEqualTo(ReasonCode.OK);
            assertThat(d.getQuantity()).isEqualTo(3);
            assertThat(d.getDecisionId()).isEqualTo("paper:P1:0");
            assertThat(d.getNumbers()).containsEntry("stopTicks", 24.0).containsEntry("riskPerContract", 300.0)
                    .containsEntry("riskPerTrade", 1000.0);

            List<Order> orders = f.output(Topics.EXEC_ORDERS).readValuesToList();
            assertThat(orders).hasSize(1);
            Order o = orders.get(0);
            assertThat(o.getAction()).isEqualTo(OrderAction.PLACE);
            assertThat(o.getClientOrderId()).isEqualTo("paper:P1:0:PLACE");
            assertThat(o.getBracketId()).isEqualTo("paper:P1");
            assertThat(o.getSide()).isEqualTo(Side.BUY);
            assertThat(o.getEntryType()).isEqualTo(OrderType.LIMIT);
            assertThat(o.getEntryPrice()).isEqualTo(6000.00);
            assertThat(o.getQuantity()).isEqualTo(3.0);
            assertThat(o.getLegs()).extracting(l -> l.getLegId() + " " + l.getQuantity() + " " + l.getTargetPrice() + " " + l.getStopPrice())
                    .containsExactly("paper:P1:L1 1.0 6008.0 5994.0", "paper:P1:L2 1.0 6012.0 5994.0", "paper:P1:L3 1.0 6014.0 5994.0");
        }
    }

    @Test
    void shouldRejectOutsideTheWindowAndWhileHalted() {
        try (TopologyFixture f = new TopologyFixture(Duration.ZERO)) {
            Instant early = Instant.parse("2024-12-05T14:00:00Z"); // 09:00 New York
            f.input(Topics.SIG_PLANS).pipeInput("ES", plan("P0", 0, PlanStatus.NEW, early, 6000.00, 5994.00), early);
            f.input(Topics.CONTROL_COMMANDS).pipeInput("paper", ControlCommand.newBuilder().setCommandId("c1").setAccount("paper")
                    .setCommand(CommandType.HALT).setEventTime(MORNING).setIssuedBy("test").build(), MORNING);
            f.input(Topics.SIG_PLANS).pipeInput("ES", plan("P1", 0, PlanStatus.NEW, MORNING, 6000.00, 5994.00), MORNING);

            assertThat(f.output(Topics.RISK_DECISIONS).readValuesToList())
                    .extracting(d -> d.getPlanId() + " " + d.getStatus() + " " + d.getReason())
                    .containsExactly("P0 REJECTED OUTSIDE_TRADING_WINDOW", "P1 REJECTED HALTED");
            assertThat(f.output(Topics.EXEC_ORDERS).isEmpty()).isTrue();
        }
    }

    @Test
    void shouldMoveStopsToBreakEvenAfterT1AndFlattenAtTheCloseFromFeedbackAndTheBarClock() {
        try (TopologyFixture f = new TopologyFixture(Duration.ZERO)) {
            f.input(Topics.SIG_PLANS).pipeInput("ES", plan("P1", 0, PlanStatus.NEW, MORNING, 6000.00, 5994.00), MORNING);
            Instant entry = MORNING.plusSeconds(60);
            f.input(Topics.EXEC_REPORTS).pipeInput("paper", fill("r1", OrderRole.ENTRY, null, Side.BUY, 6000.00, 3, entry), entry);
            Instant t1 = MORNING.plusSeconds(300);
            f.input(Topics.EXEC_REPORTS).pipeInput("paper", fill("r2", OrderRole.TARGET, "paper:P1:L1", Side.SELL, 6008.00, 1, t1), t1);
            Instant close = Instant.parse("2024-12-05T20:55:00Z"); // 15:55 New York
            f.input(Topics.SIG_BIAS).pipeInput("ES", clock(close, TrendDirection.FLAT), close);

            List<Order> orders = f.output(Topics.EXEC_ORDERS).readValuesToList();
            assertThat(orders).extracting(Order::getAction).containsExactly(OrderAction.PLACE, OrderAction.MODIFY, OrderAction.FLATTEN);
            Order breakEven = orders.get(1);
            assertThat(breakEven.getLegs()).extracting(l -> l.getLegId() + " stop " + l.getStopPrice())
                    .containsExactly("paper:P1:L2 stop 6000.0", "paper:P1:L3 stop 6000.0");
            assertThat(orders.get(2).getEventTime()).isEqualTo(close);

            // every order belongs to a plan with an APPROVED decision
            Set<String> approved = f.output(Topics.RISK_DECISIONS).readValuesToList().stream()
                    .filter(d -> d.getStatus() == DecisionStatus.APPROVED).map(d -> d.getAccount() + ":" + d.getPlanId())
                    .collect(Collectors.toSet());
            assertThat(orders).allSatisfy(o -> assertThat(approved).contains(o.getBracketId()));
        }
    }
}
