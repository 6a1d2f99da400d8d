package io.liquidityengine.topology.domain.strategy;

/** Side of an open position, FLAT when none. */
public enum PositionSide {
    LONG, SHORT, FLAT
}
