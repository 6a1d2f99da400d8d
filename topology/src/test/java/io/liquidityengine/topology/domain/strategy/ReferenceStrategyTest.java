package io.liquidityengine.topology.domain.strategy;

import io.liquidityengine.topology.domain.bars.BarValue;
import io.liquidityengine.topology.domain.delta.DeltaPosition;
import io.liquidityengine.topology.domain.delta.DeltaReading;
import io.liquidityengine.topology.domain.levels.ImportedLevel;
import io.liquidityengine.topology.domain.levels.LevelBook;
import io.liquidityengine.topology.domain.trend.TrendDirection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.liquidityengine.topology.domain.TestBars.ES;
import static io.liquidityengine.topology.domain.TestBars.ES_GRID;
import static io.liquidityengine.topology.domain.TestBars.SECOND;
import static io.liquidityengine.topology.domain.TestBars.T0;
import static io.liquidityengine.topology.domain.TestBars.bar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ReferenceStrategyTest {

    private static final DeltaReading DELTA_LONG = new DeltaReading(T0, 1, 0.1, 0.05, DeltaPosition.LONG);
    private static final DeltaReading DELTA_SHORT = new DeltaReading(T0, 1, -0.1, -0.05, DeltaPosition.SHORT);
    private static final DeltaReading DELTA_HOLD = new DeltaReading(T0, 1, 0.1, -0.05, DeltaPosition.HOLD);

    private LevelBook levels;
    private ReferenceStrategy strategy;

    @BeforeEach
    void setUp() {
        levels = new LevelBook(ES, ES_GRID);
        strategy = new ReferenceStrategy("reference", ES, ES_GRID, ReferenceStrategyConfig.DEFAULTS);
    }

    private void levelsAt(double... prices) {
        for (double p : prices) {
            levels.importLevel(ImportedLevel.unfilled("z", T0 - 60 * SECOND, p), Double.NaN, 0, T0);
        }
    }

    private BarContext context(long seconds, TrendDirection trend, DeltaReading delta) {
        return context(bar(seconds, 5000.00, 5000.25, 4999.75, 5000.00), trend, delta, 30);
    }

    private BarContext context(BarValue bar, TrendDirection trend, DeltaReading delta, int normalAction) {
        return new BarContext(bar, 50, false, normalAction, 1, trend, delta, levels, PositionSide.FLAT);
    }

    @Test
    void shouldPlanLongWithExactEntryStopTargetsAndRewardRisk() {
        levelsAt(4990.00, 4998.00, 5006.00, 5006.25, 5006.50, 5010.00, 5010.25, 5012.00, 5030.00);

        List<PlanEvent> events = strategy.onBar(context(0, TrendDirection.LONG, DELTA_LONG));

        assertThat(events).hasSize(1);
        PlanEvent plan = events.get(0);
        assertThat(plan.status()).isEqualTo(PlanStatus.NEW);
        assertThat(plan.planId()).isEqualTo("reference:ES:" + T0);
        assertThat(plan.revision()).isZero();
        assertThat(plan.side()).isEqualTo(PlanSide.BUY);
        assertThat(plan.eventMicros()).isEqualTo(T0 + 5 * SECOND);
        assertThat(plan.entryPrice()).isEqualTo(4998.00);
        assertThat(plan.stopPrice()).isEqualTo(4992.00);
        assertThat(plan.legs()).containsExactly(new PlanLeg(1, 1, 5006.00), new PlanLeg(2, 2, 5006.50),
                new PlanLeg(3, 1, 5010.25));
        assertThat(plan.totalQuantity()).isEqualTo(4);
        assertThat(plan.rewardRisk()).isEqualTo(8.0 / 6.0);
        assertThat(plan.reason()).isNull();
    }

    @Test
    void shouldUseT2AsT3WhenSecondGapIsFifteenPointsOrMoreAway() {
        levelsAt(4998.00, 5006.00, 5015.00, 5030.00);
        PlanEvent plan = strategy.onBar(context(0, TrendDirection.LONG, DELTA_LONG)).get(0);
        // gaps above: 5006.00, 5015.00 (15.00 from the close: not less than 15)
        assertThat(plan.target(2)).isEqualTo(5006.00);
        assertThat(plan.target(3)).isEqualTo(5006.00);
    }

    @Test
    void shouldAmendWhenEntryLevelChangesThenCancelWhenSetupGoes() {
        levelsAt(4990.00, 4998.00, 5006.00, 5006.25, 5006.50, 5010.00, 5010.25, 5012.00, 5030.00);
        PlanEvent created = strategy.onBar(context(0, TrendDirection.LONG, DELTA_LONG)).get(0);
        assertThat(strategy.onBar(context(5, TrendDirection.LONG, DELTA_LONG))).isEmpty();

        levelsAt(4999.00);
        List<PlanEvent> amended = strategy.onBar(context(10, TrendDirection.LONG, DELTA_LONG));

        assertThat(amended).hasSize(1);
        PlanEvent a = amended.get(0);
        assertThat(a.status()).isEqualTo(PlanStatus.AMENDED);
        assertThat(a.planId()).isEqualTo(created.planId());
        assertThat(a.revision()).isEqualTo(1);
        assertThat(a.entryPrice()).isEqualTo(4999.00);
        assertThat(a.stopPrice()).isEqualTo(4993.00);
        assertThat(a.rewardRisk()).isEqualTo(7.0 / 6.0);
        assertThat(a.eventMicros()).isEqualTo(T0 + 15 * SECOND);
        assertThat(a.reason()).isEqualTo(ReferenceStrategy.ENTRY_CHANGED);

        assertThat(strategy.onBar(context(15, TrendDirection.LONG, DELTA_HOLD))).isEmpty();
        List<PlanEvent> cancelled = strategy.onBar(context(20, TrendDirection.LONG, DELTA_SHORT));

        assertThat(cancelled).hasSize(1);
        PlanEvent c = cancelled.get(0);
        assertThat(c.status()).isEqualTo(PlanStatus.CANCELLED);
        assertThat(c.planId()).isEqualTo(created.planId());
        assertThat(c.revision()).isEqualTo(2);
        assertThat(c.entryPrice()).isEqualTo(4999.00);
        assertThat(c.reason()).isEqualTo(ReferenceStrategy.SETUP_GONE);
        assertThat(c.eventMicros()).isEqualTo(T0 + 25 * SECOND);
        assertThat(strategy.livePlan()).isNull();
        assertThat(strategy.onBar(context(25, TrendDirection.LONG, DELTA_HOLD))).isEmpty();
    }

    @Test
    void shouldKeepThePlanWhileItsDirectionHoldsAndCancelWhenTheTrendTurns() {
        levelsAt(4990.00, 4998.00, 5006.00, 5010.00);
        PlanEvent created = strategy.onBar(context(0, TrendDirection.LONG, DELTA_LONG)).get(0);

        // the pullback towards the entry: RSI extended, no normal action, delta on hold; the plan stays
        BarValue pullback = bar(5, 5000.00, 5000.25, 4998.50, 4998.75);
        assertThat(strategy.onBar(new BarContext(pullback, 35, true, 0, 1, TrendDirection.LONG, DELTA_HOLD, levels,
                PositionSide.FLAT))).isEmpty();
        // no valid plan at this price any more (T1 - entry 5.75 < 6.00): the live plan stays as it is
        levelsAt(4990.00, 4998.00, 5003.75, 5010.00);
        assertThat(strategy.onBar(context(10, TrendDirection.LONG, DELTA_LONG))).isEmpty();
        assertThat(strategy.livePlan()).isEqualTo(created);

        List<PlanEvent> cancelled = strategy.onBar(context(15, TrendDirection.SHORT, DELTA_HOLD));

        assertThat(cancelled).extracting(PlanEvent::status, PlanEvent::revision, PlanEvent::reason)
                .containsExactly(tuple(PlanStatus.CANCELLED, 1, ReferenceStrategy.SETUP_GONE));
        assertThat(strategy.livePlan()).isNull();
    }

    @Test
    void shouldStartNewPlanWithNewIdAfterCancel() {
        levelsAt(4998.00, 5006.00, 5010.00);
        strategy.onBar(context(0, TrendDirection.LONG, DELTA_LONG));
        assertThat(strategy.onBar(context(5, TrendDirection.LONG, DELTA_SHORT)))
                .extracting(PlanEvent::status).containsExactly(PlanStatus.CANCELLED);
        PlanEvent again = strategy.onBar(context(10, TrendDirection.LONG, DELTA_LONG)).get(0);
        assertThat(again.status()).isEqualTo(PlanStatus.NEW);
        assertThat(again.planId()).isEqualTo("reference:ES:" + (T0 + 10 * SECOND));
    }

    @Test
    void shouldPlanShortWithTheLowerGaps() {
        // upper side has its own gaps (5002.00, 5020.00) that a short must not use
        levelsAt(5002.00, 5020.00, 5021.00, 4994.00, 4993.75, 4993.50, 4990.00, 4985.00);

        PlanEvent plan = strategy.onBar(context(0, TrendDirection.SHORT, DELTA_SHORT)).get(0);

        assertThat(plan.side()).isEqualTo(PlanSide.SELL);
        assertThat(plan.entryPrice()).isEqualTo(5002.00);
        assertThat(plan.stopPrice()).isEqualTo(5008.00);
        assertThat(plan.legs()).containsExactly(new PlanLeg(1, 1, 4994.00), new PlanLeg(2, 2, 4993.50),
                new PlanLeg(3, 1, 4990.00));
        assertThat(plan.rewardRisk()).isEqualTo(8.0 / 6.0);
    }

    @Test
    void shouldRejectPlanWithRewardRiskBelowOne() {
        levelsAt(4998.00, 5003.75, 5010.00);      // T1 - entry = 5.75 < 6.00
        assertThat(strategy.onBar(context(0, TrendDirection.LONG, DELTA_LONG))).isEmpty();
        assertThat(strategy.propose(PlanSide.BUY, 5000.00, levels).rejection()).isEqualTo("reward:risk 0.96 below 1.00");
    }

    @Test
    void shouldAcceptRewardRiskOfExactlyOne() {
        levelsAt(4998.00, 5004.00, 5010.00);
        assertThat(strategy.onBar(context(0, TrendDirection.LONG, DELTA_LONG)).get(0).rewardRisk()).isEqualTo(1.0);
    }

    @Test
    void shouldRequireNormalActionAndNoExtension() {
        levelsAt(4998.00, 5006.00, 5010.00);
        BarValue bar = bar(0, 5000.00, 5000.25, 4999.75, 5000.00);
        assertThat(strategy.onBar(context(bar, TrendDirection.LONG, DELTA_LONG, 23))).isEmpty();
        BarContext extended = new BarContext(bar, 65, true, 30, 1, TrendDirection.LONG, DELTA_LONG, levels,
                PositionSide.FLAT);
        assertThat(strategy.onBar(extended)).isEmpty();
        assertThat(strategy.onBar(context(bar, TrendDirection.LONG, DELTA_LONG, 24))).hasSize(1);
    }

    @Test
    void shouldGateOnAvgWhenTheBarSuppliesIt() {
        levelsAt(4998.00, 5006.00, 5010.00);
        BarValue low = bar(0, 5000.00, 5000.25, 4999.75, 5000.00).withStudies(Map.of("Avg", 69.0));
        assertThat(strategy.onBar(context(low, TrendDirection.LONG, DELTA_LONG, 30))).isEmpty();
        BarValue high = bar(5, 5000.00, 5000.25, 4999.75, 5000.00).withStudies(Map.of("Avg", 70.0));
        assertThat(strategy.onBar(context(high, TrendDirection.LONG, DELTA_LONG, 30))).hasSize(1);
    }

    @Test
    void shouldCancelLongAndCreateShortWhenSetupReverses() {
        levelsAt(4990.00, 4998.00, 5006.00, 5010.00);
        strategy.onBar(context(0, TrendDirection.LONG, DELTA_LONG));

        List<PlanEvent> events = strategy.onBar(context(5, TrendDirection.SHORT, DELTA_SHORT));

        assertThat(events).extracting(PlanEvent::status).containsExactly(PlanStatus.CANCELLED, PlanStatus.NEW);
        assertThat(events.get(0).reason()).isEqualTo(ReferenceStrategy.SETUP_REVERSED);
        assertThat(events.get(1).side()).isEqualTo(PlanSide.SELL);
    }

    @Test
    void shouldForgetLivePlanOnceAPositionIsOpen() {
        levelsAt(4998.00, 5006.00, 5010.00);
        strategy.onBar(context(0, TrendDirection.LONG, DELTA_LONG));
        BarContext inPosition = new BarContext(bar(5, 5000.00, 5000.25, 4999.75, 5000.00), 50, false, 30, 1,
                TrendDirection.LONG, DELTA_HOLD, levels, PositionSide.LONG);
        assertThat(strategy.onBar(inPosition)).isEmpty();
        assertThat(strategy.livePlan()).isNull();
    }

    @Test
    void flattenShouldFireWhenTrendTurnsOrOppositeSetupAppears() {
        assertThat(FlattenSignal.evaluate(PositionSide.LONG, TrendDirection.SHORT, false, false))
                .contains(new FlattenSignal(PositionSide.LONG, FlattenSignal.TREND_AGAINST));
        assertThat(FlattenSignal.evaluate(PositionSide.LONG, TrendDirection.LONG, false, true))
                .contains(new FlattenSignal(PositionSide.LONG, FlattenSignal.OPPOSITE_SETUP));
        assertThat(FlattenSignal.evaluate(PositionSide.SHORT, TrendDirection.LONG, false, false))
                .contains(new FlattenSignal(PositionSide.SHORT, FlattenSignal.TREND_AGAINST));
        assertThat(FlattenSignal.evaluate(PositionSide.LONG, TrendDirection.LONG, true, false)).isEmpty();
        assertThat(FlattenSignal.evaluate(PositionSide.FLAT, TrendDirection.SHORT, false, true)).isEmpty();
    }
}
