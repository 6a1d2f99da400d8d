package io.liquidityengine.topology.domain.position;

import io.liquidityengine.topology.domain.strategy.PlanSide;
import io.liquidityengine.topology.domain.strategy.PositionSide;

/** Order side (mirrors execution Side): BUY opens a long, SELL a short; the exit legs trade the other side. */
public enum Side {
    BUY, SELL;

    /** +1 for BUY, -1 for SELL. */
    public int sign() {
        return this == BUY ? 1 : -1;
    }

    public Side opposite() {
        return this == BUY ? SELL : BUY;
    }

    /** The position an entry on this side opens. */
    public PositionSide position() {
        return this == BUY ? PositionSide.LONG : PositionSide.SHORT;
    }

    public static Side of(PlanSide side) {
        return side == PlanSide.BUY ? BUY : SELL;
    }
}
