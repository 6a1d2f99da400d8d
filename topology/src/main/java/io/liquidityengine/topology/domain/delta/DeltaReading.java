package io.liquidityengine.topology.domain.delta;

/**
 * The option-delta state as of one minute.
 *
 * @param minuteMicros start of the minute the reading belongs to, or {@link #NONE} when no value
 *                     was available
 * @param value        the minute's value, NaN when none
 * @param roc          ROC15 as a ratio, NaN while undefined (missing history or v[t-15] == 0)
 * @param slope        ROC15[t] - ROC15[t-8], NaN while undefined
 * @param position     LONG / SHORT / HOLD
 */
public record DeltaReading(long minuteMicros, double value, double roc, double slope, DeltaPosition position) {

    public static final long NONE = Long.MIN_VALUE;

    public static final DeltaReading EMPTY = new DeltaReading(NONE, Double.NaN, Double.NaN, Double.NaN, DeltaPosition.HOLD);
}
