package io.liquidityengine.topology.domain.levels;

/** LONG when a level was created above its creating bar's close, SHORT below, UNKNOWN at the close or without a bar. */
public enum LevelDirection {
    LONG, SHORT, UNKNOWN;

    /** Direction of a level at {@code price} relative to the creating bar's close (NaN: unknown). */
    public static LevelDirection of(double price, double referenceClose) {
        if (Double.isNaN(referenceClose)) {
            return UNKNOWN;
        }
        if (price > referenceClose) {
            return LONG;
        }
        return price < referenceClose ? SHORT : UNKNOWN;
    }
}
