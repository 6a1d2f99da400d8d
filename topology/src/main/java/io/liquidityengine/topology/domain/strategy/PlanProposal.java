package io.liquidityengine.topology.domain.strategy;

/**
 * A plan the reference rules would place on a bar, or the reason none can be placed.
 *
 * @param rejection null when valid, else why no plan is possible (prices are then NaN)
 */
public record PlanProposal(PlanSide side, double entry, double stop, double t1, double t2, double t3,
                           double rewardRisk, String rejection) {

    public boolean isValid() {
        return rejection == null;
    }

    static PlanProposal rejected(PlanSide side, String why) {
        return new PlanProposal(side, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, why);
    }
}
