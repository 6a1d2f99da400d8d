package io.liquidityengine.topology.domain.risk;

import io.liquidityengine.topology.domain.position.BracketLegOrder;
import io.liquidityengine.topology.domain.position.BracketPhase;
import io.liquidityengine.topology.domain.position.ExecType;
import io.liquidityengine.topology.domain.position.OrderAction;
import io.liquidityengine.topology.domain.position.OrderInstruction;
import io.liquidityengine.topology.domain.position.OrderRole;
import io.liquidityengine.topology.domain.position.OrderType;
import io.liquidityengine.topology.domain.position.PositionUpdate;
import io.liquidityengine.topology.domain.position.Side;
import io.liquidityengine.topology.domain.position.PositionStatus;
import io.liquidityengine.topology.domain.strategy.FlattenSignal;
import io.liquidityengine.topology.domain.strategy.PlanSide;
import io.liquidityengine.topology.domain.strategy.PlanStatus;
import io.liquidityengine.topology.domain.strategy.PositionSide;
import io.liquidityengine.topology.domain.trend.TrendDirection;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static io.liquidityengine.topology.domain.risk.RiskFixtures.ACC;
import static io.liquidityengine.topology.domain.risk.RiskFixtures.ES;
import static io.liquidityengine.topology.domain.risk.RiskFixtures.at;
import static io.liquidityengine.topology.domain.risk.RiskFixtures.fill;
import static io.liquidityengine.topology.domain.risk.RiskFixtures.longPlan;
import static io.liquidityengine.topology.domain.risk.RiskFixtures.on;
import static io.liquidityengine.topology.domain.risk.RiskFixtures.plan;
import static io.liquidityengine.topology.domain.risk.RiskFixtures.position;
import static io.liquidityengine.topology.domain.risk.RiskFixtures.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class AccountRiskLifecycleTest {

    private static final long T = at("10:30");

    private final AccountRisk risk = new AccountRisk(ACC, RiskConfig.DEFAULTS);

    private void placeAndFill(String planId, long t) {
        risk.onPlan(longPlan(planId, t), ES, t);
        risk.onExecution(fill(planId, OrderRole.ENTRY, null, 5000.00, 3, t + 1), ES);
    }

    @Test
    void shouldModifyWorkingBracketWhenPlanIsAmended() {
        risk.onPlan(longPlan("P1", T), ES, T);

        RiskOutcome out = risk.onPlan(plan("P1", 1, PlanStatus.AMENDED, "ESH4", PlanSide.BUY, T + 5, 5001.00, 4995.00,
                5007.00, 5011.00, 5015.00), ES, T + 5);

        assertThat(out.decision().decisionId()).isEqualTo("acc:P1:1");
        assertThat(out.decision().status()).isEqualTo(DecisionStatus.APPROVED);
        assertThat(out.decision().reason()).isEqualTo(ReasonCode.PLAN_AMENDED);
        assertThat(out.decision().quantity()).isEqualTo(3);
        assertThat(out.orders()).hasSize(1);
        OrderInstruction modify = out.orders().get(0);
        assertThat(modify.clientOrderId()).isEqualTo("acc:P1:1:MODIFY");
        assertThat(modify.action()).isEqualTo(OrderAction.MODIFY);
        assertThat(modify.bracketId()).isEqualTo("acc:P1");
        assertThat(modify.entryPrice()).isEqualTo(5001.00);
        assertThat(modify.legs()).containsExactly(new BracketLegOrder("acc:P1:L1", 1, 5007.00, 4995.00),
                new BracketLegOrder("acc:P1:L2", 1, 5011.00, 4995.00), new BracketLegOrder("acc:P1:L3", 1, 5015.00, 4995.00));
    }

    @Test
    void shouldCancelWorkingBracketWhenAmendedPlanFailsARule() {
        risk.onPlan(longPlan("P1", T), ES, T);

        RiskOutcome out = risk.onPlan(plan("P1", 1, PlanStatus.AMENDED, "ESH4", PlanSide.BUY, T + 5, 5001.00, 4995.00,
                5004.00, 5011.00, 5015.00), ES, T + 5);

        assertThat(out.decision().status()).isEqualTo(DecisionStatus.REJECTED);
        assertThat(out.decision().reason()).isEqualTo(ReasonCode.REWARD_RISK_TOO_LOW);
        assertThat(out.orders()).extracting(OrderInstruction::clientOrderId, OrderInstruction::action)
                .containsExactly(tuple("acc:P1:1:CANCEL", OrderAction.CANCEL));
        assertThat(risk.bracket("acc:P1").phase()).isEqualTo(BracketPhase.CANCELLING);
    }

    @Test
    void shouldReplaceBracketWhenAmendmentChangesTheSize() {
        risk.onPlan(longPlan("P1", T), ES, T);

        RiskOutcome out = risk.onPlan(plan("P1", 1, PlanStatus.AMENDED, "ESH4", PlanSide.BUY, T + 5, 5002.00, 4994.00,
                5010.00, 5012.00, 5016.00), ES, T + 5);

        assertThat(out.decision().reason()).isEqualTo(ReasonCode.PLAN_AMENDED);
        assertThat(out.decision().quantity()).isEqualTo(2);
        assertThat(out.orders()).extracting(OrderInstruction::clientOrderId)
                .containsExactly("acc:P1:1:CANCEL", "acc:P1:1:PLACE");
        assertThat(out.orders().get(1).legs()).containsExactly(new BracketLegOrder("acc:P1:L1", 1, 5010.00, 4994.00),
                new BracketLegOrder("acc:P1:L2", 1, 5012.00, 4994.00));
        // the replaced entry's cancel report does not end the new placement
        risk.onExecution(report("acc:P1:1:CANCEL", "acc:P1", ExecType.CANCELLED, OrderRole.ENTRY, null, null, 0, T + 6), ES);
        assertThat(risk.bracket("acc:P1").phase()).isEqualTo(BracketPhase.WORKING);
    }

    @Test
    void shouldCancelWorkingBracketWhenPlanIsCancelledAndForgetItOnTheCancelReport() {
        risk.onPlan(longPlan("P1", T), ES, T);

        RiskOutcome out = risk.onPlan(plan("P1", 1, PlanStatus.CANCELLED, "ESH4", PlanSide.BUY, T + 5, 5000.00, 4994.00,
                5006.00, 5010.00, 5014.00), ES, T + 5);

        assertThat(out.decision().status()).isEqualTo(DecisionStatus.APPROVED);
        assertThat(out.decision().reason()).isEqualTo(ReasonCode.PLAN_CANCELLED);
        assertThat(out.decision().quantity()).isZero();
        assertThat(out.orders()).hasSize(1);
        assertThat(out.orders().get(0).clientOrderId()).isEqualTo("acc:P1:1:CANCEL");
        assertThat(out.orders().get(0).legs()).isEmpty();
        risk.onExecution(report("acc:P1:1:CANCEL", "acc:P1", ExecType.CANCELLED, OrderRole.ENTRY, null, null, 0, T + 6), ES);
        assertThat(risk.brackets()).isEmpty();
        assertThat(risk.retiredRevisions()).containsEntry("acc:P1", 1);
    }

    @Test
    void shouldLeaveFilledPositionAloneOnPlanEvents() {
        placeAndFill("P1", T);

        RiskOutcome amended = risk.onPlan(plan("P1", 1, PlanStatus.AMENDED, "ESH4", PlanSide.BUY, T + 5, 5001.00, 4995.00,
                5007.00, 5011.00, 5015.00), ES, T + 5);
        RiskOutcome cancelled = risk.onPlan(plan("P1", 2, PlanStatus.CANCELLED, "ESH4", PlanSide.BUY, T + 6, 5001.00,
                4995.00, 5007.00, 5011.00, 5015.00), ES, T + 6);

        assertThat(amended.decision().reason()).isEqualTo(ReasonCode.POSITION_ALREADY_OPEN);
        assertThat(amended.orders()).isEmpty();
        assertThat(cancelled.decision().reason()).isEqualTo(ReasonCode.POSITION_ALREADY_OPEN);
        assertThat(cancelled.orders()).isEmpty();
        assertThat(risk.bracket("acc:P1").phase()).isEqualTo(BracketPhase.OPEN);
    }

    @Test
    void shouldRejectARevisionAlreadyApplied() {
        risk.onPlan(longPlan("P1", T), ES, T);

        RiskOutcome again = risk.onPlan(longPlan("P1", T), ES, T);

        assertThat(again.decision().reason()).isEqualTo(ReasonCode.OTHER);
        assertThat(again.orders()).isEmpty();
    }

    @Test
    void shouldComputeRealizedPnlFromFillsInTicksTimesTickValue() {
        placeAndFill("P1", T);

        List<OrderInstruction> afterT1 = risk.onExecution(fill("P1", OrderRole.TARGET, "L1", 5006.00, 1, T + 10), ES);
        assertThat(risk.dailyPnl()).isEqualByComparingTo("300.00");
        risk.onExecution(fill("P1", OrderRole.STOP, "L2", 5000.00, 1, T + 20), ES);
        assertThat(risk.dailyPnl()).isEqualByComparingTo("300.00");
        risk.onExecution(fill("P1", OrderRole.TARGET, "L3", 5014.00, 1, T + 30), ES);

        assertThat(afterT1).hasSize(1);
        assertThat(risk.dailyPnl()).isEqualByComparingTo("1000.00");
        assertThat(risk.closedPnlToday()).isEqualByComparingTo("1000.00");
        assertThat(risk.brackets()).isEmpty();
        // a late duplicate or position update of the closed bracket changes nothing
        risk.onExecution(fill("P1", OrderRole.TARGET, "L3", 5014.00, 1, T + 30), ES);
        risk.onPosition(position("P1", PositionStatus.CLOSED, 0, 5000.00, 80, T + 30), ES);
        assertThat(risk.dailyPnl()).isEqualByComparingTo("1000.00");
    }

    @Test
    void shouldNotOpenASecondBracketForAPlanWhoseBracketEnded() {
        placeAndFill("P1", T);
        risk.onExecution(fill("P1", OrderRole.STOP, "L1", 4994.00, 1, T + 10), ES);
        risk.onExecution(fill("P1", OrderRole.STOP, "L2", 4994.00, 1, T + 10), ES);
        risk.onExecution(fill("P1", OrderRole.STOP, "L3", 4994.00, 1, T + 10), ES);
        assertThat(risk.brackets()).isEmpty();

        // the signal stage does not see fills and keeps amending the plan, then cancels it
        RiskOutcome amended = risk.onPlan(plan("P1", 1, PlanStatus.AMENDED, "ESH4", PlanSide.BUY, T + 15, 5001.00, 4995.00,
                5007.00, 5011.00, 5015.00), ES, T + 15);
        RiskOutcome cancelled = risk.onPlan(plan("P1", 2, PlanStatus.CANCELLED, "ESH4", PlanSide.BUY, T + 20, 5001.00,
                4995.00, 5007.00, 5011.00, 5015.00), ES, T + 20);

        assertThat(amended.decision().status()).isEqualTo(DecisionStatus.REJECTED);
        assertThat(amended.decision().reason()).isEqualTo(ReasonCode.PLAN_BRACKET_ENDED);
        assertThat(amended.decision().message()).isEqualTo("bracket acc:P1 of this plan already ended today; a plan gets one bracket");
        assertThat(amended.orders()).isEmpty();
        assertThat(cancelled.decision().reason()).isEqualTo(ReasonCode.PLAN_CANCELLED);
        assertThat(cancelled.orders()).isEmpty();
        assertThat(risk.brackets()).isEmpty();
    }

    @Test
    void shouldCountAnExitOnceWhetherThePositionOrTheReportArrivesFirst() {
        placeAndFill("P1", T);

        risk.onPosition(position("P1", PositionStatus.OPEN, 2, 5000.00, 24, T + 10), ES);
        assertThat(risk.dailyPnl()).isEqualByComparingTo("300.00");
        risk.onExecution(fill("P1", OrderRole.TARGET, "L1", 5006.00, 1, T + 10), ES);
        assertThat(risk.dailyPnl()).isEqualByComparingTo("300.00");
        risk.onExecution(fill("P1", OrderRole.STOP, "L2", 5000.00, 1, T + 20), ES);
        risk.onExecution(fill("P1", OrderRole.STOP, "L3", 5000.00, 1, T + 20), ES);
        risk.onPosition(position("P1", PositionStatus.CLOSED, 0, 5000.00, 24, T + 20), ES);

        assertThat(risk.dailyPnl()).isEqualByComparingTo("300.00");
        assertThat(risk.brackets()).isEmpty();
    }

    @Test
    void shouldMoveRemainingStopsToBreakEvenAfterT1() {
        placeAndFill("P1", T);

        List<OrderInstruction> orders = risk.onExecution(fill("P1", OrderRole.TARGET, "L1", 5006.00, 1, T + 10), ES);

        assertThat(orders).containsExactly(new OrderInstruction("acc:P1:1:MODIFY", "acc:P1", ACC, "ESH4", "P1",
                OrderAction.MODIFY, Side.BUY,
                OrderType.LIMIT, 3, null,
                List.of(new BracketLegOrder("acc:P1:L2", 1, 5010.00, 5000.00),
                        new BracketLegOrder("acc:P1:L3", 1, 5014.00, 5000.00)),
                T + 10, "T1 filled: stops to break-even 5000.0"));
    }

    @Test
    void shouldMoveTargetsWithTheirLevelsButNeverLoosenAStop() {
        placeAndFill("P1", T);
        risk.onExecution(fill("P1", OrderRole.TARGET, "L1", 5006.00, 1, T + 10), ES);

        List<OrderInstruction> moved = risk.onTargetLevels("ESH4", List.of(Double.NaN, 5012.00, 5014.00), T + 20);
        List<OrderInstruction> again = risk.onTargetLevels("ESH4", List.of(Double.NaN, 5012.00, 5014.00), T + 21);

        assertThat(moved).hasSize(1);
        assertThat(moved.get(0).clientOrderId()).isEqualTo("acc:P1:2:MODIFY");
        assertThat(moved.get(0).legs()).containsExactly(new BracketLegOrder("acc:P1:L2", 1, 5012.00, 5000.00));
        assertThat(again).isEmpty();
        assertThat(risk.bracket("acc:P1").tightenStops(ES.grid().ticks(4998.00), T + 30, "looser")).isEmpty();
        assertThat(risk.bracket("acc:P1").legs()).extracting(l -> l.stopTicks())
                .containsExactly(19_976L, 20_000L, 20_000L);
    }

    @Test
    void shouldFlattenWhenTrendTurnsAgainstThePositionOnce() {
        placeAndFill("P1", T);

        assertThat(risk.onTrend("ESH4", TrendDirection.LONG, true, false, T + 10)).isEmpty();
        List<OrderInstruction> flatten = risk.onTrend("ESH4", TrendDirection.SHORT, false, false, T + 20);
        List<OrderInstruction> again = risk.onTrend("ESH4", TrendDirection.SHORT, false, false, T + 30);

        assertThat(flatten).extracting(OrderInstruction::clientOrderId, OrderInstruction::action, OrderInstruction::reason)
                .containsExactly(tuple("acc:P1:1:FLATTEN", OrderAction.FLATTEN,
                        FlattenSignal.TREND_AGAINST));
        assertThat(again).isEmpty();
        risk.onExecution(report("acc:P1:1:FLATTEN", "acc:P1", ExecType.FILLED, OrderRole.FLATTEN, null, 4998.00, 3, T + 21), ES);
        assertThat(risk.brackets()).isEmpty();
        assertThat(risk.dailyPnl()).isEqualByComparingTo("-300.00");
    }

    @Test
    void shouldFlattenOnTheOppositeSetupSignal() {
        placeAndFill("P1", T);

        List<OrderInstruction> none = risk.onFlattenSignal("ESH4", new FlattenSignal(PositionSide.SHORT, "x"), T + 5);
        List<OrderInstruction> flatten = risk.onFlattenSignal("ESH4",
                new FlattenSignal(PositionSide.LONG, FlattenSignal.OPPOSITE_SETUP), T + 10);

        assertThat(none).isEmpty();
        assertThat(flatten).extracting(OrderInstruction::clientOrderId).containsExactly("acc:P1:1:FLATTEN");
    }

    @Test
    void shouldHaltCancelWorkingEntriesAndResume() {
        risk.onPlan(longPlan("P1", T), ES, T);

        List<OrderInstruction> halt = risk.onCommand(new ControlCommand("c1", ACC, CommandType.HALT, null, T + 5, "ops", "news"));
        RiskDecision halted = risk.onPlan(plan("P2", 0, PlanStatus.NEW, "NQH4", PlanSide.BUY, T + 6, 5000.00, 4994.00,
                5006.00, 5010.00, 5014.00), InstrumentTerms.es("NQH4"), T + 6).decision();
        risk.onCommand(new ControlCommand("c2", ACC, CommandType.RESUME, null, T + 7, "ops", ""));
        RiskDecision resumed = risk.onPlan(plan("P3", 0, PlanStatus.NEW, "NQH4", PlanSide.BUY, T + 8, 5000.00, 4994.00,
                5006.00, 5010.00, 5014.00), InstrumentTerms.es("NQH4"), T + 8).decision();

        assertThat(halt).extracting(OrderInstruction::clientOrderId, OrderInstruction::action, OrderInstruction::reason)
                .containsExactly(tuple("acc:P1:1:CANCEL", OrderAction.CANCEL, "HALT by ops: news"));
        assertThat(halted.reason()).isEqualTo(ReasonCode.HALTED);
        assertThat(resumed.reason()).isEqualTo(ReasonCode.OK);
        assertThat(risk.haltedAll()).isFalse();
    }

    @Test
    void shouldHaltOnlyTheCommandsInstrument() {
        risk.onCommand(new ControlCommand("c1", ACC, CommandType.HALT, "ESH4", T, "", ""));

        RiskDecision es = risk.onPlan(longPlan("P1", T), ES, T).decision();
        RiskDecision nq = risk.onPlan(plan("P2", 0, PlanStatus.NEW, "NQH4", PlanSide.BUY, T, 5000.00, 4994.00, 5006.00,
                5010.00, 5014.00), InstrumentTerms.es("NQH4"), T).decision();

        assertThat(es.reason()).isEqualTo(ReasonCode.HALTED);
        assertThat(es.message()).isEqualTo("halted: no new entries on ESH4");
        assertThat(nq.reason()).isEqualTo(ReasonCode.OK);
    }

    @Test
    void shouldFlattenEveryPositionCancelWorkingBracketsAndHaltOnFlattenCommand() {
        placeAndFill("P1", T);
        risk.onPlan(plan("P2", 0, PlanStatus.NEW, "NQH4", PlanSide.BUY, T, 5000.00, 4994.00, 5006.00, 5010.00, 5014.00),
                InstrumentTerms.es("NQH4"), T);

        List<OrderInstruction> orders = risk.onCommand(new ControlCommand("c1", ACC, CommandType.FLATTEN, null, T + 5, "ops", ""));

        assertThat(orders).extracting(OrderInstruction::clientOrderId)
                .containsExactly("acc:P1:1:FLATTEN", "acc:P2:1:CANCEL");
        assertThat(risk.haltedAll()).isTrue();
        assertThat(risk.onPlan(longPlan("P3", T + 6), ES, T + 6).decision().reason()).isEqualTo(ReasonCode.HALTED);
    }

    @Test
    void shouldFlattenEverythingAtTheFlattenTimeOncePerDay() {
        placeAndFill("P1", T);

        assertThat(risk.onTime(at("15:54:59"), List.of(ES))).isEmpty();
        List<OrderInstruction> atClose = risk.onTime(at("15:55"), List.of(ES));
        risk.onExecution(report("acc:P1:1:FLATTEN", "acc:P1", ExecType.FILLED, OrderRole.FLATTEN, null, 5002.00, 3,
                at("15:55:01")), ES);
        List<OrderInstruction> later = risk.onTime(at("15:56"), List.of(ES));
        List<OrderInstruction> evening = risk.onTime(at("18:30"), List.of(ES));

        assertThat(atClose).extracting(OrderInstruction::clientOrderId, OrderInstruction::reason)
                .containsExactly(tuple("acc:P1:1:FLATTEN", "flatten time 15:55 America/New_York"));
        assertThat(later).isEmpty();
        assertThat(evening).isEmpty();
        assertThat(risk.tradingDay()).isEqualTo(LocalDate.of(2024, 3, 6));
        long next = on("2024-03-06", "10:30");
        risk.onPlan(longPlan("P2", next), ES, next);
        assertThat(risk.onTime(on("2024-03-06", "15:55"), List.of(ES))).extracting(OrderInstruction::clientOrderId)
                .containsExactly("acc:P2:1:CANCEL");
    }

    @Test
    void shouldFlattenEverythingAtTheLossLimit() {
        placeAndFill("P1", T);
        risk.onPlan(plan("P2", 0, PlanStatus.NEW, "NQH4", PlanSide.BUY, T, 5000.00, 4994.00, 5006.00, 5010.00, 5014.00),
                InstrumentTerms.es("NQH4"), T);
        risk.onPlan(plan("P3", 0, PlanStatus.NEW, "ESM4", PlanSide.BUY, T, 5000.00, 4994.00, 5006.00, 5010.00, 5014.00),
                InstrumentTerms.es("ESM4"), T);
        risk.onExecution(report("acc:P3:0:PLACE", "acc:P3", ExecType.FILLED, OrderRole.ENTRY, null, 5000.00, 3, T + 1),
                InstrumentTerms.es("ESM4"));

        List<OrderInstruction> orders = risk.onPosition(new PositionUpdate(
                "acc:P3", ACC, "ESM4", PositionStatus.CLOSED, Side.BUY, 0, 5000.00,
                -240, new BigDecimal("-3000.00"), BigDecimal.ZERO, "USD", T + 1, T + 20),
                InstrumentTerms.es("ESM4"));

        assertThat(risk.dailyPnl()).isEqualByComparingTo("-3000.00");
        assertThat(orders).extracting(OrderInstruction::clientOrderId).containsExactly("acc:P1:1:FLATTEN", "acc:P2:1:CANCEL");
        assertThat(orders.get(0).reason()).isEqualTo("daily loss limit: P&L -3000.00 <= -3000");
        assertThat(risk.onTime(T + 30, List.of(ES))).isEmpty();
    }

    @Test
    void shouldRollTheDayAtTheSessionOpenResettingPnlAndLiftingTheLossLimit() {
        risk.onPlan(longPlan("L1", T), ES, T);
        risk.onPosition(position("L1", PositionStatus.CLOSED, 0, 5000.00, -240, T + 1), ES);
        risk.onCommand(new ControlCommand("c1", ACC, CommandType.HALT, "NQH4", T + 2, "", ""));
        assertThat(risk.onPlan(longPlan("P1", T + 3), ES, T + 3).decision().reason()).isEqualTo(ReasonCode.DAILY_LOSS_LIMIT);

        risk.onTime(at("17:59:59"), List.of(ES));
        assertThat(risk.tradingDay()).isEqualTo(LocalDate.of(2024, 3, 5));
        assertThat(risk.dailyPnl()).isEqualByComparingTo("-3000.00");
        risk.onTime(at("18:00"), List.of(ES));

        assertThat(risk.tradingDay()).isEqualTo(LocalDate.of(2024, 3, 6));
        assertThat(risk.dailyPnl()).isEqualByComparingTo("0");
        assertThat(risk.lossFlattenDone()).isFalse();
        assertThat(risk.retiredRevisions()).isEmpty();
        assertThat(risk.haltedInstruments()).containsExactly("NQH4");
        long next = on("2024-03-06", "10:30");
        RiskDecision d = risk.onPlan(longPlan("P2", next), ES, next).decision();
        assertThat(d.reason()).isEqualTo(ReasonCode.OK);
        assertThat(d.number("dailyPnl")).isEqualByComparingTo("0");
    }

    @Test
    void shouldForgetACancelTheBrokerNeverAnsweredAtTheNextSession() {
        risk.onPlan(longPlan("P1", T), ES, T);
        RiskOutcome cancelled = risk.onPlan(plan("P1", 1, PlanStatus.CANCELLED, "ESH4", PlanSide.BUY, T + 5, 5000.00, 4994.00,
                5008.00, 5012.00, 5014.00), ES, T + 5);
        assertThat(cancelled.orders()).extracting(OrderInstruction::action).containsExactly(OrderAction.CANCEL);
        assertThat(risk.brackets()).containsOnlyKeys(ACC + ":P1");

        risk.onTime(at("17:59"), List.of(ES));
        assertThat(risk.brackets()).containsOnlyKeys(ACC + ":P1");
        risk.onTime(at("18:00"), List.of(ES));
        assertThat(risk.brackets()).isEmpty();
    }

    @Test
    void shouldCountPnlRealizedBeforeTheRolloverInThePreviousDay() {
        placeAndFill("P1", T);
        risk.onExecution(fill("P1", OrderRole.TARGET, "L1", 5006.00, 1, T + 10), ES);
        assertThat(risk.dailyPnl()).isEqualByComparingTo("300.00");

        risk.onTime(at("18:00"), List.of(ES));
        risk.onExecution(fill("P1", OrderRole.TARGET, "L2", 5010.00, 1, at("18:05")), ES);

        assertThat(risk.dailyPnl()).isEqualByComparingTo("500.00");
    }
}
