package io.liquidityengine.topology.domain.position;

/** Kind of an execution report (mirrors execution ExecType). */
public enum ExecType {
    ACCEPTED, FILLED, PARTIALLY_FILLED, MODIFIED, CANCELLED, REJECTED
}
