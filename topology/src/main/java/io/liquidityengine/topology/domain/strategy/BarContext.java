package io.liquidityengine.topology.domain.strategy;

import io.liquidityengine.topology.domain.bars.BarValue;
import io.liquidityengine.topology.domain.delta.DeltaReading;
import io.liquidityengine.topology.domain.levels.LevelView;
import io.liquidityengine.topology.domain.trend.TrendDirection;

import java.util.Objects;

/**
 * Everything a strategy sees after one base bar.
 *
 * @param bar              the bar (its studies map carries optional values such as "Avg")
 * @param rsi              RSI, NaN during warm-up
 * @param extended         RSI at or beyond the extension thresholds
 * @param normalActionBars bars since the last extended bar
 * @param liquiditySide    trend V1, +1 / -1 / 0
 * @param trend            trend V2
 * @param delta            option-delta reading as of the last completed minute
 * @param levels           the unfilled levels
 * @param position         the open position's side, FLAT when none
 */
public record BarContext(BarValue bar, double rsi, boolean extended, int normalActionBars, int liquiditySide,
                         TrendDirection trend, DeltaReading delta, LevelView levels, PositionSide position) {

    public BarContext {
        Objects.requireNonNull(bar, "bar");
        Objects.requireNonNull(trend, "trend");
        Objects.requireNonNull(delta, "delta");
        Objects.requireNonNull(levels, "levels");
        Objects.requireNonNull(position, "position");
    }

    /** A study value of the bar, NaN when the source does not supply it. */
    public double study(String name) {
        return bar.study(name);
    }
}
