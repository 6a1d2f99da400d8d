package io.liquidityengine.topology.domain.strategy;

import java.util.List;
import java.util.Objects;

/**
 * A NEW, AMENDED or CANCELLED event of a trade plan (the sig.plans payload).
 *
 * @param planId        stable across the plan's events
 * @param revision      0 for NEW, +1 for each AMENDED or CANCELLED
 * @param eventMicros   end of the bar that produced the event, UTC micros
 * @param stopPrice     shared by all legs
 * @param legs          T1, T2, T3 in order
 * @param totalQuantity sum of the leg weights
 * @param rewardRisk    (T1 - entry) / (entry - stop) for a long, mirrored for a short
 * @param reason        why the plan was amended or cancelled, null for NEW
 */
public record PlanEvent(String planId, int revision, String instrument, String strategyId, PlanStatus status,
                        PlanSide side, long eventMicros, double entryPrice, double stopPrice, List<PlanLeg> legs,
                        int totalQuantity, double rewardRisk, String reason) {

    public PlanEvent {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(strategyId, "strategyId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(side, "side");
        legs = List.copyOf(legs);
        if (revision < 0) {
            throw new IllegalArgumentException("revision must be >= 0");
        }
    }

    /** Target of leg {@code n} (1-based). */
    public double target(int n) {
        return legs.get(n - 1).targetPrice();
    }

    /** This plan as a later lifecycle event. */
    PlanEvent next(PlanStatus newStatus, long atMicros, String why) {
        return new PlanEvent(planId, revision + 1, instrument, strategyId, newStatus, side, atMicros, entryPrice,
                stopPrice, legs, totalQuantity, rewardRisk, why);
    }
}
