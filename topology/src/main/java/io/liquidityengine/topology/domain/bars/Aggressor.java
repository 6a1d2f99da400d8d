package io.liquidityengine.topology.domain.bars;

/** Side that crossed the spread: BUY lifted the ask, SELL hit the bid. */
public enum Aggressor {
    BUY, SELL, UNKNOWN
}
