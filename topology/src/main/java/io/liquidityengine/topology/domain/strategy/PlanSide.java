package io.liquidityengine.topology.domain.strategy;

/** Entry side of a plan: BUY for a long, SELL for a short. */
public enum PlanSide {
    BUY, SELL
}
