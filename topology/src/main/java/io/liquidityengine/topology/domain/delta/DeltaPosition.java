package io.liquidityengine.topology.domain.delta;

/** Option-delta position from ROC15 and slope. */
public enum DeltaPosition {
    LONG, SHORT, HOLD;

    /** LONG when roc > 0 and slope > 0, SHORT when both < 0, otherwise (including undefined) HOLD. */
    public static DeltaPosition of(double roc, double slope) {
        if (roc > 0 && slope > 0) {
            return LONG;
        }
        if (roc < 0 && slope < 0) {
            return SHORT;
        }
        return HOLD;
    }
}
