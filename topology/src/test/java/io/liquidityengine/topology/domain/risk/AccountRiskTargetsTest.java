package io.liquidityengine.topology.domain.risk;

import io.liquidityengine.topology.domain.bars.BarValue;
import io.liquidityengine.topology.domain.bias.BiasSnapshot;
import io.liquidityengine.topology.domain.engine.EngineConfig;
import io.liquidityengine.topology.domain.engine.ReferenceSignalEngine;
import io.liquidityengine.topology.domain.levels.ImportedLevel;
import io.liquidityengine.topology.domain.position.BracketLegOrder;
import io.liquidityengine.topology.domain.position.ExecType;
import io.liquidityengine.topology.domain.position.ExecutionEvent;
import io.liquidityengine.topology.domain.position.ManagedLeg;
import io.liquidityengine.topology.domain.position.OrderAction;
import io.liquidityengine.topology.domain.position.OrderInstruction;
import io.liquidityengine.topology.domain.position.OrderRole;
import io.liquidityengine.topology.domain.position.OrderType;
import io.liquidityengine.topology.domain.position.Side;
import io.liquidityengine.topology.domain.strategy.PlanSide;
import io.liquidityengine.topology.domain.strategy.PlanStatus;
import io.liquidityengine.topology.domain.trend.TrendDirection;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static io.liquidityengine.topology.domain.risk.RiskFixtures.ACC;
import static io.liquidityengine.topology.domain.risk.RiskFixtures.ES;
import static io.liquidityengine.topology.domain.risk.RiskFixtures.at;
import static io.liquidityengine.topology.domain.risk.RiskFixtures.fill;
import static io.liquidityengine.topology.domain.risk.RiskFixtures.longPlan;
import static io.liquidityengine.topology.domain.risk.RiskFixtures.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The targets of every bias record move open positions' working legs (docs/strategy.md, "Managing an open position": a leg's target follows its level). */
class AccountRiskTargetsTest {

    private static final long T = at("10:30");
    private static final long SECOND = 1_000_000L;
    private static final String MOVED = "targets moved with their levels";

    /** Long and short brackets on one instrument at once (not possible with the default rules). */
    private final AccountRisk risk = new AccountRisk(ACC, RiskConfig.DEFAULTS.withOnePositionPerInstrument(false));

    /** Long P1: entry 5000, stop 4994, targets 5006 / 5010 / 5014, 3 contracts (1, 1, 1), filled. */
    private void openLong() {
        risk.onPlan(longPlan("P1", T), ES, T);
        risk.onExecution(fill("P1", OrderRole.ENTRY, null, 5000.00, 3, T + 1), ES);
    }

    /** Short S1: entry 5010, stop 5016, targets 5004 / 5000 / 4996, 3 contracts (1, 1, 1), filled. */
    private void openShort() {
        risk.onPlan(plan("S1", 0, PlanStatus.NEW, "ESH4", PlanSide.SELL, T, 5010.00, 5016.00, 5004.00, 5000.00, 4996.00),
                ES, T);
        risk.onExecution(new ExecutionEvent("acc:S1:0:PLACE/entry/filled", "acc:S1:0:PLACE", "acc:S1", null, ACC, "ESH4",
                ExecType.FILLED, OrderRole.ENTRY, Side.SELL, 5010.00, 3, BigDecimal.ZERO, T + 2, ""), ES);
    }

    private static OrderInstruction modify(String clientOrderId, String planId, Side side, long t, BracketLegOrder... legs) {
        return new OrderInstruction(clientOrderId, "acc:" + planId, ACC, "ESH4", planId, OrderAction.MODIFY, side,
                OrderType.LIMIT, 3, null, List.of(legs), t, MOVED);
    }

    private List<Double> targets(String bracketId) {
        return risk.bracket(bracketId).legs().stream().map(l -> ES.grid().price(l.targetTicks())).toList();
    }

    @Test
    void shouldMoveALongsT1WhenItsLevelIsFilledAndANewNearestLevelAppears() {
        ReferenceSignalEngine engine = new ReferenceSignalEngine(EngineConfig.defaults("ESH4", 0.25));
        engine.onBar(bar(0, 5003.00, 5003.25, 5002.75, 5003.00));
        for (double price : new double[] {5006.00, 5006.25, 5006.50, 5010.00, 5012.00}) {
            engine.onImportedLevel(ImportedLevel.unfilled("l" + price, T + 4 * SECOND, price));
        }
        // the long bracket was placed on these levels: T1 5006.00, T2 5006.50, T3 5010.00
        risk.onPlan(plan("P1", 0, PlanStatus.NEW, "ESH4", PlanSide.BUY, T, 5000.00, 4994.00, 5006.00, 5006.50, 5010.00),
                ES, T);
        risk.onExecution(fill("P1", OrderRole.ENTRY, null, 5000.00, 3, T + 1), ES);

        // close 5003.25: T1 = nearest unfilled above = 5006.00; 5006.00 and 5006.25 each have a level one tick
        // beyond, so the gaps are 5006.50 (next 5010.00) and 5010.00 (next 5012.00, 6.75 from the close < 15)
        BiasSnapshot same = engine.onBar(bar(5, 5003.00, 5003.50, 5002.75, 5003.25)).bias();
        assertThat(same.longTargets()).containsExactly(5006.00, 5006.50, 5010.00);
        assertThat(risk.onBiasTargets("ESH4", same.longTargets(), same.shortTargets(), same.eventMicros())).isEmpty();

        // the high touches 5006.00 and fills that level (the leg's limit has no fill yet): T1 = the next level, 5006.25
        BiasSnapshot filled = engine.onBar(bar(10, 5003.25, 5006.00, 5003.25, 5005.00)).bias();
        assertThat(filled.longTargets()).containsExactly(5006.25, 5006.50, 5010.00);
        assertThat(risk.onBiasTargets("ESH4", filled.longTargets(), filled.shortTargets(), filled.eventMicros()))
                .containsExactly(modify("acc:P1:1:MODIFY", "P1", Side.BUY, T + 15 * SECOND,
                        new BracketLegOrder("acc:P1:L1", 1, 5006.25, 4994.00)));

        // a new level at 5005.50 is now the nearest: T1 = 5005.50, and as the next level (5006.25) is 3 ticks
        // beyond it, it is also the nearest gap (T2); the second gap 5006.50 is 1.50 from the close (T3)
        engine.onImportedLevel(ImportedLevel.unfilled("new", T + 14 * SECOND, 5005.50));
        BiasSnapshot appeared = engine.onBar(bar(15, 5005.00, 5005.25, 5004.75, 5005.00)).bias();
        assertThat(appeared.longTargets()).containsExactly(5005.50, 5005.50, 5006.50);
        assertThat(risk.onBiasTargets("ESH4", appeared.longTargets(), appeared.shortTargets(), appeared.eventMicros()))
                .containsExactly(modify("acc:P1:2:MODIFY", "P1", Side.BUY, T + 20 * SECOND,
                        new BracketLegOrder("acc:P1:L1", 1, 5005.50, 4994.00),
                        new BracketLegOrder("acc:P1:L2", 1, 5005.50, 4994.00),
                        new BracketLegOrder("acc:P1:L3", 1, 5006.50, 4994.00)));
        assertThat(targets("acc:P1")).containsExactly(5005.50, 5005.50, 5006.50);
        assertThat(risk.bracket("acc:P1").legs()).extracting(ManagedLeg::stopTicks).containsOnly(19_976L);
    }

    private static BarValue bar(long seconds, double open, double high, double low, double close) {
        return BarValue.ohlcv("ESH4", 5, T + seconds * SECOND, open, high, low, close, 100);
    }

    @Test
    void shouldMoveEachOpenBracketToTheTargetsOfItsSideOnly() {
        openLong();
        openShort();
        risk.onPlan(plan("W1", 0, PlanStatus.NEW, "ESH4", PlanSide.BUY, T + 3, 4990.00, 4984.00, 4996.00, 5000.00, 5004.00),
                ES, T + 3);

        List<OrderInstruction> moved = risk.onBiasTargets("ESH4", List.of(5007.00, 5010.00, 5012.00),
                List.of(5003.00, 5000.00, 4996.00), T + 20);

        // long: T1 and T3 move, T2 is already at 5010.00; short: only T1 moves; the working entry W1 is not managed
        assertThat(moved).containsExactly(
                modify("acc:P1:1:MODIFY", "P1", Side.BUY, T + 20,
                        new BracketLegOrder("acc:P1:L1", 1, 5007.00, 4994.00),
                        new BracketLegOrder("acc:P1:L3", 1, 5012.00, 4994.00)),
                modify("acc:S1:1:MODIFY", "S1", Side.SELL, T + 20,
                        new BracketLegOrder("acc:S1:L1", 1, 5003.00, 5016.00)));
        assertThat(targets("acc:P1")).containsExactly(5007.00, 5010.00, 5012.00);
        assertThat(targets("acc:S1")).containsExactly(5003.00, 5000.00, 4996.00);
        assertThat(targets("acc:W1")).containsExactly(4996.00, 5000.00, 5004.00);
        assertThat(risk.onBiasTargets("ESH4", List.of(5007.00, 5010.00, 5012.00), List.of(5003.00, 5000.00, 4996.00),
                T + 25)).isEmpty();
        assertThat(risk.onBiasTargets("ESM4", List.of(5008.00, 5010.00, 5012.00), List.of(5002.00, 5000.00, 4996.00),
                T + 30)).isEmpty();
    }

    @Test
    void shouldLeaveASideAloneWhenItsTargetsAreNotComputable() {
        openLong();
        openShort();

        List<OrderInstruction> moved = risk.onBiasTargets("ESH4", List.of(), List.of(5002.00, 4999.00, 4999.00), T + 20);

        assertThat(moved).containsExactly(modify("acc:S1:1:MODIFY", "S1", Side.SELL, T + 20,
                new BracketLegOrder("acc:S1:L1", 1, 5002.00, 5016.00),
                new BracketLegOrder("acc:S1:L2", 1, 4999.00, 5016.00),
                new BracketLegOrder("acc:S1:L3", 1, 4999.00, 5016.00)));
        assertThat(targets("acc:P1")).containsExactly(5006.00, 5010.00, 5014.00);
    }

    @Test
    void shouldMoveOnlyWorkingLegsAndNoTargetThatIsNotBeyondTheStop() {
        openLong();
        risk.onExecution(fill("P1", OrderRole.TARGET, "L1", 5006.00, 1, T + 10), ES);   // stops of L2, L3 to 5000.00

        // T1 has filled: its leg is done; 4999.00 for T2 is below the break-even stop 5000.00: left at 5010.00
        List<OrderInstruction> moved = risk.onBiasTargets("ESH4", List.of(5008.00, 4999.00, 5016.00), List.of(), T + 20);

        assertThat(moved).containsExactly(modify("acc:P1:2:MODIFY", "P1", Side.BUY, T + 20,
                new BracketLegOrder("acc:P1:L3", 1, 5016.00, 5000.00)));
        assertThat(targets("acc:P1")).containsExactly(5006.00, 5010.00, 5016.00);
        assertThat(risk.bracket("acc:P1").legs()).extracting(ManagedLeg::stopTicks).containsExactly(19_976L, 20_000L, 20_000L);
    }

    @Test
    void shouldNotMoveTheTargetsOfAPositionBeingFlattened() {
        openLong();
        assertThat(risk.onTrend("ESH4", TrendDirection.SHORT, false, false, T + 10)).hasSize(1);

        assertThat(risk.onBiasTargets("ESH4", List.of(5008.00, 5010.00, 5012.00), List.of(), T + 20)).isEmpty();
        assertThat(targets("acc:P1")).containsExactly(5006.00, 5010.00, 5014.00);
    }

    @Test
    void shouldRejectAnOffGridTargetBeforeMovingAnyBracket() {
        openLong();
        openShort();

        assertThatThrownBy(() -> risk.onBiasTargets("ESH4", List.of(5008.00, 5010.00, 5012.00),
                List.of(5003.10, 5000.00, 4996.00), T + 20))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("5003.1");
        assertThat(targets("acc:P1")).containsExactly(5006.00, 5010.00, 5014.00);
        assertThat(risk.bracket("acc:P1").orderRevision()).isZero();
        assertThat(risk.latestEventMicros()).isEqualTo(T + 2);
    }
}
