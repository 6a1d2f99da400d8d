package io.liquidityengine.topology.domain.engine;

import io.liquidityengine.topology.domain.bars.BarValue;
import io.liquidityengine.topology.domain.bias.Bias;
import io.liquidityengine.topology.domain.bias.BiasSnapshot;
import io.liquidityengine.topology.domain.delta.DeltaPosition;
import io.liquidityengine.topology.domain.levels.ImportedLevel;
import io.liquidityengine.topology.domain.levels.LevelDirection;
import io.liquidityengine.topology.domain.levels.LevelEvent;
import io.liquidityengine.topology.domain.levels.LevelEventType;
import io.liquidityengine.topology.domain.levels.LevelOrigin;
import io.liquidityengine.topology.domain.strategy.PositionSide;
import io.liquidityengine.topology.domain.strategy.FlattenSignal;
import io.liquidityengine.topology.domain.trend.TrendDirection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.liquidityengine.topology.domain.TestBars.ES;
import static io.liquidityengine.topology.domain.TestBars.MINUTE;
import static io.liquidityengine.topology.domain.TestBars.SECOND;
import static io.liquidityengine.topology.domain.TestBars.T0;
import static io.liquidityengine.topology.domain.TestBars.bar;
import static io.liquidityengine.topology.domain.TestBars.footprintBar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReferenceSignalEngineTest {

    private ReferenceSignalEngine engine;

    /** Bar 0: a stack of buy imbalances 5000.25..5000.75 above the close 5000.00. */
    private static final BarValue IMBALANCE_BAR = footprintBar(0, 5001.00, 5001.00, 5000.00, 5000.00,
            5000.00, 10, 0,
            5000.25, 2, 30,
            5000.50, 1, 6,
            5000.75, 1, 5,
            5001.00, 4, 2);

    @BeforeEach
    void setUp() {
        engine = new ReferenceSignalEngine(EngineConfig.defaults(ES, 0.25));
    }

    /** Option delta v = 100 + m^2 for the 24 minutes before T0: LONG as of T0. */
    private void feedRisingDelta() {
        for (int m = 0; m < 24; m++) {
            engine.onOptionDelta(T0 - (24 - m) * MINUTE, 100 + m * m);
        }
    }

    @Test
    void stackedImbalanceShouldCreateLevelThatALaterBarFills() {
        SignalOutput first = engine.onBar(IMBALANCE_BAR);

        assertThat(first.levelEvents()).hasSize(1);
        LevelEvent created = first.levelEvents().get(0);
        assertThat(created.type()).isEqualTo(LevelEventType.CREATED);
        assertThat(created.level().price()).isEqualTo(5000.25);
        assertThat(created.level().direction()).isEqualTo(LevelDirection.LONG);
        assertThat(created.level().origin()).isEqualTo(LevelOrigin.FOOTPRINT_IMBALANCE);
        assertThat(created.level().id()).isEqualTo("ES:fp:B:" + T0 + ":20001");
        assertThat(created.level().createdMicros()).isEqualTo(T0);

        SignalOutput second = engine.onBar(bar(5, 5000.00, 5000.25, 5000.00, 5000.25));

        assertThat(second.levelEvents()).hasSize(1);
        LevelEvent filled = second.levelEvents().get(0);
        assertThat(filled.type()).isEqualTo(LevelEventType.FILLED);
        assertThat(filled.level().id()).isEqualTo(created.level().id());
        assertThat(filled.level().filledMicros()).isEqualTo(T0 + 5 * SECOND);
        assertThat(second.bias().liquiditySide()).isEqualTo(1);
    }

    @Test
    void trendShouldTurnLongOnlyOnceTheFilledLevelIsFromAnEarlierPeriod() {
        engine.onBar(IMBALANCE_BAR);                                            // band 4994.00..5007.00, period 0
        SignalOutput fill = engine.onBar(bar(5, 5000.00, 5000.25, 5000.00, 5000.25));
        assertThat(fill.bias().trend()).isEqualTo(TrendDirection.FLAT);       // level created in period 0 = current

        SignalOutput breakout = engine.onBar(bar(10, 5000.50, 5007.25, 5000.50, 5007.00));
        assertThat(breakout.period()).isZero();
        assertThat(breakout.bias().trend()).isEqualTo(TrendDirection.FLAT);

        SignalOutput next = engine.onBar(bar(15, 5007.00, 5007.25, 5006.75, 5007.00));
        assertThat(next.period()).isEqualTo(1);
        assertThat(next.bias().trend()).isEqualTo(TrendDirection.LONG);
    }

    @Test
    void biasShouldBeLongAndFlipWhenSideAndDeltaAgree() {
        feedRisingDelta();
        engine.onBar(IMBALANCE_BAR);
        SignalOutput out = engine.onBar(bar(5, 5000.00, 5000.25, 5000.00, 5000.25));

        BiasSnapshot bias = out.bias();
        assertThat(bias.instrument()).isEqualTo(ES);
        assertThat(bias.eventMicros()).isEqualTo(T0 + 10 * SECOND);
        assertThat(bias.deltaPosition()).isEqualTo(DeltaPosition.LONG);
        assertThat(bias.roc15()).isEqualTo(465.0 / 164.0);
        assertThat(bias.slope()).isEqualTo(465.0 / 164.0 - 2.25);
        assertThat(bias.bias()).isEqualTo(Bias.LONG);
        assertThat(bias.previousBias()).isEqualTo(Bias.HOLD);
        assertThat(bias.flip()).isTrue();
        assertThat(bias.rsi()).isNaN();                                        // RSI still warming up
        assertThat(bias.extended()).isFalse();
        assertThat(bias.normalActionBars()).isZero();
        assertThat(bias.close()).isEqualTo(5000.25);
        assertThat(out.plans()).isEmpty();
    }

    @Test
    void biasFlipShouldClearOneMinuteLater() {
        feedRisingDelta();
        engine.onBar(IMBALANCE_BAR);
        engine.onBar(bar(5, 5000.00, 5000.25, 5000.00, 5000.25));
        SignalOutput nextMinute = engine.onBar(bar(60, 5000.25, 5000.25, 5000.25, 5000.25));
        assertThat(nextMinute.bias().bias()).isEqualTo(Bias.LONG);
        assertThat(nextMinute.bias().previousBias()).isEqualTo(Bias.LONG);
        assertThat(nextMinute.bias().flip()).isFalse();
    }

    @Test
    void importedLevelShouldTakeDirectionFromLastClose() {
        engine.onBar(bar(0, 5000.00, 5000.25, 4999.75, 5000.00));
        var events = engine.onImportedLevel(ImportedLevel.unfilled("10075", T0 + 2 * SECOND, 5003.00));
        assertThat(events).hasSize(1);
        assertThat(events.get(0).level().direction()).isEqualTo(LevelDirection.LONG);
        SignalOutput out = engine.onBar(bar(5, 5000.00, 5003.00, 5000.00, 5002.00));
        assertThat(out.levelEvents()).extracting(LevelEvent::type).containsExactly(LevelEventType.FILLED);
        assertThat(out.bias().liquiditySide()).isEqualTo(1);
    }

    @Test
    void shouldSignalFlattenForAnOpenLongWhenTrendIsShort() {
        engine.onBar(bar(0, 5000.00, 5000.25, 4999.75, 5000.00));
        engine.onImportedLevel(ImportedLevel.unfilled("1", T0 + SECOND, 4999.00));   // SHORT level
        engine.onBar(bar(5, 5000.00, 5000.00, 4999.00, 4999.00));                   // fills it, period 0
        engine.onBar(bar(10, 4999.00, 4999.00, 4993.50, 4994.00));                  // breaks below 4993.75
        engine.setPosition(PositionSide.LONG);

        SignalOutput out = engine.onBar(bar(15, 4994.00, 4994.00, 4993.75, 4994.00));

        assertThat(out.period()).isEqualTo(1);
        assertThat(out.bias().trend()).isEqualTo(TrendDirection.SHORT);
        assertThat(out.flatten()).contains(new FlattenSignal(PositionSide.LONG, FlattenSignal.TREND_AGAINST));
    }

    @Test
    void shouldPublishLongPlanOnceTwentyFourNormalBarsFollowTheLastExtendedOne() {
        feedRisingDelta();
        engine.onBar(IMBALANCE_BAR);
        engine.onBar(bar(5, 5000.00, 5000.25, 5000.00, 5000.25));            // fills the LONG level
        engine.onBar(bar(10, 5000.50, 5007.25, 5000.50, 5007.00));           // breaks above the band
        engine.onImportedLevel(ImportedLevel.unfilled("a", T0 + 12 * SECOND, 5001.00));
        engine.onImportedLevel(ImportedLevel.unfilled("b", T0 + 12 * SECOND, 5013.00));
        engine.onImportedLevel(ImportedLevel.unfilled("c", T0 + 12 * SECOND, 5020.00));

        SignalOutput firstPlan = null;
        int lastExtendedBar = -1;
        int planBar = -1;
        for (int i = 3; i < 120 && firstPlan == null; i++) {
            double close = i % 2 == 0 ? 5007.00 : 5007.25;
            SignalOutput out = engine.onBar(bar(5L * i, close, 5007.25, 5007.00, close));
            assertThat(out.bias().trend()).isEqualTo(TrendDirection.LONG);
            if (out.bias().extended()) {
                lastExtendedBar = i;
            }
            if (!out.plans().isEmpty()) {
                firstPlan = out;
                planBar = i;
            }
        }

        assertThat(firstPlan).isNotNull();
        assertThat(lastExtendedBar).isPositive();
        assertThat(planBar - lastExtendedBar).isEqualTo(24);
        assertThat(firstPlan.bias().normalActionBars()).isEqualTo(24);
        assertThat(firstPlan.longSetup()).isTrue();
        var plan = firstPlan.plans().get(0);
        assertThat(plan.planId()).isEqualTo("reference:ES:" + (T0 + 5L * planBar * SECOND));
        assertThat(plan.entryPrice()).isEqualTo(5001.00);
        assertThat(plan.stopPrice()).isEqualTo(4995.00);
        assertThat(plan.target(1)).isEqualTo(5013.00);
        assertThat(plan.target(2)).isEqualTo(5013.00);
        assertThat(plan.target(3)).isEqualTo(5013.00);
        assertThat(plan.rewardRisk()).isEqualTo(2.0);
    }

    @Test
    void shouldRejectOutOfOrderBarsAndOtherInstruments() {
        engine.onBar(bar(5, 1, 1, 1, 1));
        assertThatThrownBy(() -> engine.onBar(bar(5, 1, 1, 1, 1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> engine.onBar(BarValue.ohlcv("NQ", 5, T0 + 60 * SECOND, 1, 1, 1, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resetShouldStartOver() {
        engine.onBar(IMBALANCE_BAR);
        engine.reset();
        assertThat(engine.levels().unfilledCount()).isZero();
        assertThat(engine.onBar(IMBALANCE_BAR).levelEvents()).hasSize(1);
    }
}
