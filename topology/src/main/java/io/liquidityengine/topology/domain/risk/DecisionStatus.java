package io.liquidityengine.topology.domain.risk;

/** Verdict of a risk decision (mirrors risk DecisionStatus). */
public enum DecisionStatus {
    APPROVED, REJECTED
}
