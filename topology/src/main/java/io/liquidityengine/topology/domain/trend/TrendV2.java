package io.liquidityengine.topology.domain.trend;

import io.liquidityengine.topology.domain.levels.LiquidityLevel;

/**
 * Liquidity trend V2: at each bar take the most recently filled level with fill time at or before
 * the bar time; if it was created in an earlier chop period (creation period <= current - 1) the
 * trend becomes its direction, otherwise the trend carries over. Starts FLAT. A level of UNKNOWN
 * direction leaves the trend unchanged.
 */
public final class TrendV2 {

    private TrendDirection trend = TrendDirection.FLAT;

    /**
     * @param barTimeMicros the bar's time (its start, the same clock as level fill times)
     * @param currentPeriod the chop period at this bar
     * @param lastFilled    the most recently filled level, null when none
     */
    public TrendDirection onBar(long barTimeMicros, int currentPeriod, LiquidityLevel lastFilled) {
        if (lastFilled != null && lastFilled.isFilled() && lastFilled.filledMicros() <= barTimeMicros
                && lastFilled.createdPeriod() <= currentPeriod - 1) {
            switch (lastFilled.direction()) {
                case LONG -> trend = TrendDirection.LONG;
                case SHORT -> trend = TrendDirection.SHORT;
                default -> { }
            }
        }
        return trend;
    }

    public TrendDirection trend() {
        return trend;
    }

    public void restore(TrendDirection trend) {
        this.trend = trend;
    }

    public void reset() {
        trend = TrendDirection.FLAT;
    }
}
