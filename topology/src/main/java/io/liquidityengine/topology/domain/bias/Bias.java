package io.liquidityengine.topology.domain.bias;

import io.liquidityengine.topology.domain.delta.DeltaPosition;

/** Directional bias. */
public enum Bias {
    LONG, SHORT, HOLD;

    /** LONG when side = +1 and delta LONG, SHORT when side = -1 and delta SHORT, otherwise HOLD. */
    public static Bias of(int liquiditySide, DeltaPosition delta) {
        if (liquiditySide == 1 && delta == DeltaPosition.LONG) {
            return LONG;
        }
        if (liquiditySide == -1 && delta == DeltaPosition.SHORT) {
            return SHORT;
        }
        return HOLD;
    }
}
