package io.liquidityengine.topology.domain.risk;

import io.liquidityengine.topology.domain.position.BracketLegOrder;
import io.liquidityengine.topology.domain.position.OrderAction;
import io.liquidityengine.topology.domain.position.OrderInstruction;
import io.liquidityengine.topology.domain.position.OrderRole;
import io.liquidityengine.topology.domain.position.OrderType;
import io.liquidityengine.topology.domain.position.PositionStatus;
import io.liquidityengine.topology.domain.position.Side;
import io.liquidityengine.topology.domain.strategy.PlanEvent;
import io.liquidityengine.topology.domain.strategy.PlanSide;
import io.liquidityengine.topology.domain.strategy.PlanStatus;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static io.liquidityengine.topology.domain.risk.RiskFixtures.ACC;
import static io.liquidityengine.topology.domain.risk.RiskFixtures.ES;
import static io.liquidityengine.topology.domain.risk.RiskFixtures.at;
import static io.liquidityengine.topology.domain.risk.RiskFixtures.fill;
import static io.liquidityengine.topology.domain.risk.RiskFixtures.longPlan;
import static io.liquidityengine.topology.domain.risk.RiskFixtures.plan;
import static io.liquidityengine.topology.domain.risk.RiskFixtures.position;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class AccountRiskRulesTest {

    private static final long T = at("10:30");

    private final AccountRisk risk = new AccountRisk(ACC, RiskConfig.DEFAULTS);

    /** Realizes {@code ticks} (ticks x contracts) today through a bracket that opens and closes. */
    private static void realize(AccountRisk risk, String planId, long ticks, long t) {
        RiskOutcome placed = risk.onPlan(longPlan(planId, t), ES, t);
        assertThat(placed.decision().approved()).isTrue();
        risk.onPosition(position(planId, PositionStatus.OPEN, 3, 5000.00, 0, t), ES);
        risk.onPosition(position(planId, PositionStatus.CLOSED, 0, 5000.00, ticks, t + 1), ES);
    }

    @Test
    void shouldApproveThreeContractsForThousandRiskAndSixPointStopOnEs() {
        RiskOutcome out = risk.onPlan(longPlan("P1", T), ES, T);

        RiskDecision d = out.decision();
        assertThat(d.decisionId()).isEqualTo("acc:P1:0");
        assertThat(d.status()).isEqualTo(DecisionStatus.APPROVED);
        assertThat(d.reason()).isEqualTo(ReasonCode.OK);
        assertThat(d.quantity()).isEqualTo(3);
        assertThat(d.number("riskPerTrade")).isEqualByComparingTo("1000");
        assertThat(d.number("stopTicks")).isEqualByComparingTo("24");
        assertThat(d.number("tickValue")).isEqualByComparingTo("12.50");
        assertThat(d.number("riskPerContract")).isEqualByComparingTo("300");
        assertThat(d.number("sizeByRisk")).isEqualByComparingTo("3");
        assertThat(d.number("planQuantity")).isEqualByComparingTo("4");
        assertThat(d.number("rewardRisk")).isEqualByComparingTo("1.0");
        assertThat(d.number("notional")).isEqualByComparingTo("750000");
        assertThat(d.message()).isEqualTo("approved 3 of 4: 1000 / (24 ticks x 12.50)");

        assertThat(out.orders()).containsExactly(new OrderInstruction("acc:P1:0:PLACE", "acc:P1", ACC, "ESH4", "P1",
                OrderAction.PLACE, Side.BUY, OrderType.LIMIT, 3, 5000.00, List.of(
                new BracketLegOrder("acc:P1:L1", 1, 5006.00, 4994.00),
                new BracketLegOrder("acc:P1:L2", 1, 5010.00, 4994.00),
                new BracketLegOrder("acc:P1:L3", 1, 5014.00, 4994.00)), T, "plan P1 approved"));
    }

    @Test
    void shouldCapQuantityAtPlanTotalAndSplitLegsOneTwoOne() {
        AccountRisk rich = new AccountRisk(ACC, RiskConfig.DEFAULTS.withRiskPerTrade(new BigDecimal("10000")));

        RiskOutcome out = rich.onPlan(longPlan("P1", T), ES, T);

        assertThat(out.decision().quantity()).isEqualTo(4);
        assertThat(out.decision().number("sizeByRisk")).isEqualByComparingTo("33");
        assertThat(out.orders().get(0).legs()).extracting(BracketLegOrder::legId, BracketLegOrder::quantity)
                .containsExactly(tuple("acc:P1:L1", 1),
                        tuple("acc:P1:L2", 2),
                        tuple("acc:P1:L3", 1));
    }

    @Test
    void shouldDropZeroLegWhenTwoContractsAreApproved() {
        AccountRisk small = new AccountRisk(ACC, RiskConfig.DEFAULTS.withRiskPerTrade(new BigDecimal("600")));

        RiskOutcome out = small.onPlan(longPlan("P1", T), ES, T);

        assertThat(out.decision().quantity()).isEqualTo(2);
        assertThat(out.orders().get(0).legs()).extracting(BracketLegOrder::legId).containsExactly("acc:P1:L1", "acc:P1:L2");
        assertThat(out.orders().get(0).quantity()).isEqualTo(2);
    }

    @Test
    void shouldRejectWhenHalted() {
        risk.onCommand(new ControlCommand("c1", ACC, CommandType.HALT, null, T - 1, "ops", "test"));

        RiskDecision d = risk.onPlan(longPlan("P1", T), ES, T).decision();

        assertThat(d.status()).isEqualTo(DecisionStatus.REJECTED);
        assertThat(d.reason()).isEqualTo(ReasonCode.HALTED);
        assertThat(d.quantity()).isZero();
        assertThat(d.message()).isEqualTo("halted: no new entries");
    }

    @Test
    void shouldRejectUnknownInstrument() {
        RiskOutcome out = risk.onPlan(longPlan("P1", T), null, T);

        assertThat(out.decision().reason()).isEqualTo(ReasonCode.UNKNOWN_INSTRUMENT);
        assertThat(out.decision().message()).isEqualTo("no reference data for ESH4");
        assertThat(out.orders()).isEmpty();
    }

    @Test
    void shouldRejectOutsideTradingWindowInInstrumentZone() {
        long before = at("10:04:59");
        RiskOutcome early = risk.onPlan(longPlan("P1", before), ES, before);
        long end = at("15:15");
        RiskOutcome late = risk.onPlan(longPlan("P2", end), ES, end);

        assertThat(early.decision().reason()).isEqualTo(ReasonCode.OUTSIDE_TRADING_WINDOW);
        assertThat(early.decision().number("localSecondOfDay")).isEqualByComparingTo("36299");
        assertThat(early.decision().number("windowStartSecondOfDay")).isEqualByComparingTo("36300");
        assertThat(early.decision().number("windowEndSecondOfDay")).isEqualByComparingTo("54900");
        assertThat(early.decision().message())
                .isEqualTo("event at 10:04:59 America/New_York is outside the trading window 10:05-15:15 of 2024-03-05");
        assertThat(early.orders()).isEmpty();
        assertThat(late.decision().reason()).isEqualTo(ReasonCode.OUTSIDE_TRADING_WINDOW);
        long open = at("10:05");
        AccountRisk fresh = new AccountRisk(ACC, RiskConfig.DEFAULTS);
        assertThat(fresh.onPlan(longPlan("P3", open), ES, open).decision().reason()).isEqualTo(ReasonCode.OK);
    }

    @Test
    void shouldRejectEveningPlanOfTheNextSessionAsOutsideWindow() {
        long evening = at("19:00");

        RiskDecision d = risk.onPlan(longPlan("P1", evening), ES, evening).decision();

        assertThat(d.reason()).isEqualTo(ReasonCode.OUTSIDE_TRADING_WINDOW);
        assertThat(d.message()).endsWith("of 2024-03-06");
    }

    @Test
    void shouldRejectOnceProfitTargetIsReached() {
        realize(risk, "W1", 400, T);

        RiskDecision d = risk.onPlan(longPlan("P2", T + 10), ES, T + 10).decision();

        assertThat(risk.dailyPnl()).isEqualByComparingTo("5000");
        assertThat(d.reason()).isEqualTo(ReasonCode.PROFIT_TARGET_REACHED);
        assertThat(d.number("dailyPnl")).isEqualByComparingTo("5000");
        assertThat(d.number("profitTarget")).isEqualByComparingTo("5000");
        assertThat(d.message()).isEqualTo("day's P&L 5000.00 is at or above the profit target 5000");
    }

    @Test
    void shouldRejectAtDailyLossLimit() {
        realize(risk, "L1", -240, T);

        RiskDecision d = risk.onPlan(longPlan("P2", T + 10), ES, T + 10).decision();

        assertThat(risk.dailyPnl()).isEqualByComparingTo("-3000");
        assertThat(d.reason()).isEqualTo(ReasonCode.DAILY_LOSS_LIMIT);
        assertThat(d.number("dailyPnl")).isEqualByComparingTo("-3000");
        assertThat(d.number("maxDailyLoss")).isEqualByComparingTo("3000");
    }

    @Test
    void shouldRejectPlanOlderThanStaleAgeRelativeToLatestEventTime() {
        risk.onTime(T + 61_000_000L, List.of(ES));
        RiskDecision stale = risk.onPlan(longPlan("P1", T), ES, T).decision();

        assertThat(stale.reason()).isEqualTo(ReasonCode.STALE_PLAN);
        assertThat(stale.number("planAgeSeconds")).isEqualByComparingTo("61");
        assertThat(stale.number("staleAfterSeconds")).isEqualByComparingTo("60");

        RiskDecision fresh = risk.onPlan(longPlan("P2", T + 1_000_000L), ES, T + 1_000_000L).decision();
        assertThat(fresh.reason()).isEqualTo(ReasonCode.OK);
        assertThat(fresh.number("planAgeSeconds")).isEqualByComparingTo("60");
    }

    @Test
    void shouldRejectRewardRiskBelowMinimum() {
        RiskOutcome out = risk.onPlan(plan("P1", 0, PlanStatus.NEW, "ESH4", PlanSide.BUY, T, 5000.00, 4994.00, 5005.00,
                5010.00, 5014.00), ES, T);

        RiskDecision d = out.decision();
        assertThat(d.reason()).isEqualTo(ReasonCode.REWARD_RISK_TOO_LOW);
        assertThat(d.number("rewardTicks")).isEqualByComparingTo("20");
        assertThat(d.number("stopTicks")).isEqualByComparingTo("24");
        assertThat(d.number("rewardRisk")).isEqualByComparingTo("0.8333");
        assertThat(d.message()).isEqualTo("reward:risk 20/24 = 0.8333 is below 1.0");
        assertThat(out.orders()).isEmpty();
    }

    @Test
    void shouldApproveShortPlanMirrored() {
        RiskOutcome out = risk.onPlan(plan("S1", 0, PlanStatus.NEW, "ESH4", PlanSide.SELL, T, 5000.00, 5006.00, 4994.00,
                4990.00, 4986.00), ES, T);

        assertThat(out.decision().quantity()).isEqualTo(3);
        assertThat(out.orders().get(0).side()).isEqualTo(Side.SELL);
        assertThat(out.orders().get(0).legs()).extracting(BracketLegOrder::stopPrice).containsOnly(5006.00);
    }

    @Test
    void shouldRejectSecondPlanOnInstrumentWithWorkingBracket() {
        risk.onPlan(longPlan("P1", T), ES, T);

        RiskDecision d = risk.onPlan(longPlan("P2", T + 1), ES, T + 1).decision();

        assertThat(d.reason()).isEqualTo(ReasonCode.POSITION_ALREADY_OPEN);
        assertThat(d.number("positionsOnInstrument")).isEqualByComparingTo("1");
    }

    @Test
    void shouldRejectPlanOnInstrumentWithOpenPosition() {
        risk.onPlan(longPlan("P1", T), ES, T);
        risk.onExecution(fill("P1", OrderRole.ENTRY, null, 5000.00, 3, T + 5), ES);

        RiskDecision d = risk.onPlan(longPlan("P2", T + 10), ES, T + 10).decision();

        assertThat(d.reason()).isEqualTo(ReasonCode.POSITION_ALREADY_OPEN);
    }

    @Test
    void shouldRejectLockedInstrumentAfterATradeOnlyWhenTheLockIsOn() {
        AccountRisk locking = new AccountRisk(ACC, RiskConfig.DEFAULTS.withLockAfterTrade(true));
        realize(locking, "W1", 24, T);
        realize(risk, "W1", 24, T);

        RiskDecision locked = locking.onPlan(longPlan("P2", T + 10), ES, T + 10).decision();
        RiskDecision unlocked = risk.onPlan(longPlan("P2", T + 10), ES, T + 10).decision();

        assertThat(locked.reason()).isEqualTo(ReasonCode.INSTRUMENT_LOCKED);
        assertThat(locked.message()).isEqualTo("ESH4 was traded today and is locked");
        assertThat(unlocked.reason()).isEqualTo(ReasonCode.OK);
    }

    @Test
    void shouldRejectBeyondMaxOpenPositions() {
        for (String symbol : List.of("ESH4", "ESM4", "ESU4")) {
            RiskOutcome out = risk.onPlan(plan("P" + symbol, 0, PlanStatus.NEW, symbol, PlanSide.BUY, T, 5000.00, 4994.00,
                    5006.00, 5010.00, 5014.00), InstrumentTerms.es(symbol), T);
            assertThat(out.decision().reason()).isEqualTo(ReasonCode.OK);
        }

        RiskDecision d = risk.onPlan(plan("PESZ4", 0, PlanStatus.NEW, "ESZ4", PlanSide.BUY, T, 5000.00, 4994.00, 5006.00,
                5010.00, 5014.00), InstrumentTerms.es("ESZ4"), T).decision();

        assertThat(d.reason()).isEqualTo(ReasonCode.MAX_OPEN_POSITIONS);
        assertThat(d.number("openPositions")).isEqualByComparingTo("3");
        assertThat(d.number("maxOpenPositions")).isEqualByComparingTo("3");
        assertThat(d.message()).isEqualTo("3 positions and working brackets open, max 3");
    }

    @Test
    void shouldRejectSizeBelowOneContract() {
        AccountRisk small = new AccountRisk(ACC, RiskConfig.DEFAULTS.withRiskPerTrade(new BigDecimal("250")));

        RiskOutcome out = small.onPlan(longPlan("P1", T), ES, T);

        RiskDecision d = out.decision();
        assertThat(d.reason()).isEqualTo(ReasonCode.SIZE_BELOW_ONE);
        assertThat(d.quantity()).isZero();
        assertThat(d.number("riskPerContract")).isEqualByComparingTo("300");
        assertThat(d.number("sizeByRisk")).isEqualByComparingTo("0");
        assertThat(d.message()).isEqualTo("risk 250 / 300.00 per contract (24 ticks x 12.50) is below one contract");
        assertThat(out.orders()).isEmpty();
    }

    @Test
    void shouldRejectAboveMaxNotional() {
        AccountRisk capped = new AccountRisk(ACC, RiskConfig.DEFAULTS.withMaxNotional(new BigDecimal("700000")));

        RiskDecision d = capped.onPlan(longPlan("P1", T), ES, T).decision();

        assertThat(d.reason()).isEqualTo(ReasonCode.MAX_NOTIONAL);
        assertThat(d.number("notional")).isEqualByComparingTo("750000");
        assertThat(d.number("openNotional")).isEqualByComparingTo("0");
        assertThat(d.number("maxNotional")).isEqualByComparingTo("700000");
    }

    @Test
    void shouldReportTheFirstFailingRuleInOrder() {
        long early = at("09:00");
        risk.onCommand(new ControlCommand("c1", ACC, CommandType.HALT, null, early, "", ""));
        PlanEvent lowRewardEarly = plan("P1", 0, PlanStatus.NEW, "ESH4", PlanSide.BUY, early, 5000.00, 4994.00,
                5001.00, 5010.00, 5014.00);

        assertThat(risk.onPlan(lowRewardEarly, ES, early).decision().reason()).isEqualTo(ReasonCode.HALTED);
        risk.onCommand(new ControlCommand("c2", ACC, CommandType.RESUME, null, early, "", ""));
        assertThat(risk.onPlan(lowRewardEarly, ES, early).decision().reason()).isEqualTo(ReasonCode.OUTSIDE_TRADING_WINDOW);
    }
}
