package io.liquidityengine.topology.domain.strategy;

import java.util.List;

/**
 * T1, T2, T3 the reference rules give for a position on one side around a price, or why they
 * cannot be given (prices are then NaN).
 *
 * @param rejection null when valid
 */
public record PlanTargets(PlanSide side, double t1, double t2, double t3, String rejection) {

    public boolean isValid() {
        return rejection == null;
    }

    /** [T1, T2, T3] by leg number, empty when not computable. */
    public List<Double> asList() {
        return isValid() ? List.of(t1, t2, t3) : List.of();
    }

    static PlanTargets rejected(PlanSide side, String why) {
        return new PlanTargets(side, Double.NaN, Double.NaN, Double.NaN, why);
    }
}
