package io.liquidityengine.topology.domain.trend;

import io.liquidityengine.topology.domain.levels.LevelDirection;
import io.liquidityengine.topology.domain.levels.LevelOrigin;
import io.liquidityengine.topology.domain.levels.LiquidityLevel;
import org.junit.jupiter.api.Test;

import static io.liquidityengine.topology.domain.TestBars.ES_GRID;
import static io.liquidityengine.topology.domain.TestBars.SECOND;
import static io.liquidityengine.topology.domain.TestBars.T0;
import static org.assertj.core.api.Assertions.assertThat;

class TrendTest {

    private static LiquidityLevel filled(LevelDirection direction, int createdPeriod, long filledMicros) {
        return new LiquidityLevel("x", 5000, direction, LevelOrigin.FOOTPRINT_IMBALANCE, T0, createdPeriod,
                filledMicros, 4999, null);
    }

    @Test
    void chopBandShouldStartAroundFirstBarAndShiftUpOnPreviousBarBreak() {
        ChopPeriodTracker chop = new ChopPeriodTracker(ES_GRID, 24);
        assertThat(chop.onBar(5001.00, 5000.00)).isZero();
        assertThat(chop.bandLow()).isEqualTo(4994.00);
        assertThat(chop.bandHigh()).isEqualTo(5007.00);

        assertThat(chop.onBar(5007.00, 5003.00)).isZero();   // previous bar inside the band
        assertThat(chop.onBar(5007.25, 5006.00)).isZero();   // previous high 5007.00 is not above 5007.00
        assertThat(chop.onBar(5007.00, 5006.50)).isEqualTo(1); // previous high 5007.25 broke above
        assertThat(chop.bandLow()).isEqualTo(5000.00);
        assertThat(chop.bandHigh()).isEqualTo(5013.00);
        assertThat(chop.onBar(5007.00, 5006.50)).isEqualTo(1);
    }

    @Test
    void chopBandShouldShiftDownWhenPreviousLowBreaksBelow() {
        ChopPeriodTracker chop = new ChopPeriodTracker(ES_GRID, 24);
        chop.onBar(5001.00, 5000.00);
        chop.onBar(4995.00, 4993.75);                        // breaks below 4994.00
        assertThat(chop.onBar(4995.00, 4994.00)).isEqualTo(1);
        assertThat(chop.bandLow()).isEqualTo(4988.00);
        assertThat(chop.bandHigh()).isEqualTo(5001.00);
        chop.reset();
        assertThat(chop.onBar(10, 9)).isZero();
    }

    @Test
    void chopBandShouldShiftOnlyOneBandPerBar() {
        ChopPeriodTracker chop = new ChopPeriodTracker(ES_GRID, 24);
        chop.onBar(5001.00, 5000.00);
        chop.onBar(5030.00, 5020.00);                        // far above the band
        assertThat(chop.onBar(5030.00, 5029.00)).isEqualTo(1);
        assertThat(chop.onBar(5030.00, 5029.00)).isEqualTo(2); // 5030 still above 5013
        assertThat(chop.bandHigh()).isEqualTo(5019.00);
    }

    @Test
    void trendShouldFollowOnlyLevelsCreatedInEarlierPeriod() {
        TrendV2 trend = new TrendV2();
        LiquidityLevel samePeriod = filled(LevelDirection.LONG, 3, T0);
        assertThat(trend.onBar(T0, 3, samePeriod)).isEqualTo(TrendDirection.FLAT);
        assertThat(trend.onBar(T0 + 5 * SECOND, 4, samePeriod)).isEqualTo(TrendDirection.LONG);
        LiquidityLevel shortSamePeriod = filled(LevelDirection.SHORT, 4, T0 + 10 * SECOND);
        assertThat(trend.onBar(T0 + 10 * SECOND, 4, shortSamePeriod)).isEqualTo(TrendDirection.LONG);
        assertThat(trend.onBar(T0 + 15 * SECOND, 5, shortSamePeriod)).isEqualTo(TrendDirection.SHORT);
    }

    @Test
    void trendShouldIgnoreFillsAfterTheBarTime() {
        TrendV2 trend = new TrendV2();
        assertThat(trend.onBar(T0, 5, filled(LevelDirection.SHORT, 0, T0 + SECOND))).isEqualTo(TrendDirection.FLAT);
        assertThat(trend.onBar(T0, 5, null)).isEqualTo(TrendDirection.FLAT);
    }

    @Test
    void liquiditySideShouldCarryForwardBetweenFills() {
        LiquiditySide side = new LiquiditySide();
        assertThat(side.onLastFilled(null)).isZero();
        assertThat(side.onLastFilled(filled(LevelDirection.LONG, 0, T0))).isEqualTo(1);
        assertThat(side.onLastFilled(filled(LevelDirection.UNKNOWN, 0, T0))).isEqualTo(1);
        assertThat(side.onLastFilled(filled(LevelDirection.SHORT, 0, T0))).isEqualTo(-1);
        assertThat(side.onLastFilled(null)).isEqualTo(-1);
    }
}
