package io.liquidityengine.topology.domain.position;

import java.util.Objects;

/**
 * One exit leg of a managed bracket, prices in whole ticks.
 *
 * @param number 1-based plan leg number (T1, T2, T3)
 */
public record ManagedLeg(String legId, int number, int quantity, long targetTicks, long stopTicks, LegStatus status) {

    public ManagedLeg {
        Objects.requireNonNull(legId, "legId");
        Objects.requireNonNull(status, "status");
        if (number < 1 || quantity < 1) {
            throw new IllegalArgumentException("leg number and quantity must be >= 1");
        }
    }

    public boolean working() {
        return status == LegStatus.WORKING;
    }

    ManagedLeg withStop(long ticks) {
        return new ManagedLeg(legId, number, quantity, targetTicks, ticks, status);
    }

    ManagedLeg withTarget(long ticks) {
        return new ManagedLeg(legId, number, quantity, ticks, stopTicks, status);
    }

    ManagedLeg with(LegStatus newStatus) {
        return new ManagedLeg(legId, number, quantity, targetTicks, stopTicks, newStatus);
    }
}
