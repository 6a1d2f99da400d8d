package io.liquidityengine.execution.paper;

import java.math.BigDecimal;

/** One exit leg as the paper broker holds it: prices in whole ticks ({@code targetTicks} null for no target). */
public record PaperLeg(String legId, BigDecimal quantity, Long targetTicks, long stopTicks, Status status) {

    public enum Status { WORKING, TARGET_FILLED, STOPPED, FLATTENED }

    PaperLeg with(Status newStatus) {
        return new PaperLeg(legId, quantity, targetTicks, stopTicks, newStatus);
    }

    PaperLeg withPrices(Long newTarget, long newStop) {
        return new PaperLeg(legId, quantity, newTarget, newStop, status);
    }
}
