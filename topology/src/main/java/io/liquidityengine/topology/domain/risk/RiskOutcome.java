package io.liquidityengine.topology.domain.risk;

import io.liquidityengine.topology.domain.position.OrderInstruction;

import java.util.List;
import java.util.Objects;

/** The decision on a plan event and the order instructions it produces (0..n, in the order to send them). */
public record RiskOutcome(RiskDecision decision, List<OrderInstruction> orders) {

    public RiskOutcome {
        Objects.requireNonNull(decision, "decision");
        orders = List.copyOf(orders);
    }
}
