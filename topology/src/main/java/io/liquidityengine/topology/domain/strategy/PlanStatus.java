package io.liquidityengine.topology.domain.strategy;

/** Lifecycle event of a plan. */
public enum PlanStatus {
    NEW, AMENDED, CANCELLED
}
