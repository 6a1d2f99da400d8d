package io.liquidityengine.topology.domain.trend;

/** Liquidity trend V2. */
public enum TrendDirection {
    LONG, SHORT, FLAT
}
