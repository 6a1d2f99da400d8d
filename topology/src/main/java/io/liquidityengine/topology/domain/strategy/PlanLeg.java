package io.liquidityengine.topology.domain.strategy;

/**
 * One OCO leg of a plan.
 *
 * @param leg         1-based leg number (T1, T2, T3)
 * @param weight      share of the plan's total quantity, contracts
 * @param targetPrice take-profit limit price
 */
public record PlanLeg(int leg, int weight, double targetPrice) {

    public PlanLeg {
        if (leg < 1 || weight < 1) {
            throw new IllegalArgumentException("leg and weight must be >= 1");
        }
        if (!Double.isFinite(targetPrice)) {
            throw new IllegalArgumentException("target must be finite, was " + targetPrice);
        }
    }
}
