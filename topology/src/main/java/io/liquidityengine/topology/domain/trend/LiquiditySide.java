package io.liquidityengine.topology.domain.trend;

import io.liquidityengine.topology.domain.levels.LiquidityLevel;

/**
 * Liquidity trend V1: +1 when the most recently filled level was created above its creating bar's
 * price (a LONG level), -1 when below (SHORT), carried forward between fills; 0 before any fill.
 * A filled level of UNKNOWN direction leaves the side unchanged.
 */
public final class LiquiditySide {

    private int side;

    /** Updates from the most recently filled level (null: none yet) and returns the side. */
    public int onLastFilled(LiquidityLevel lastFilled) {
        if (lastFilled != null) {
            switch (lastFilled.direction()) {
                case LONG -> side = 1;
                case SHORT -> side = -1;
                default -> { }
            }
        }
        return side;
    }

    public int side() {
        return side;
    }

    public void restore(int side) {
        this.side = side;
    }

    public void reset() {
        side = 0;
    }
}
