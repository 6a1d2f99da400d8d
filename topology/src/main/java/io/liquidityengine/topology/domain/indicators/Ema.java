package io.liquidityengine.topology.domain.indicators;

/**
 * Exponential moving average, multiplier 2 / (period + 1), seeded with the first value
 * (the definition of ta4j's EMAIndicator). Ready once {@code period} values have been seen.
 */
public final class Ema {

    private final int period;
    private final double multiplier;
    private double value = Double.NaN;
    private long count;

    public Ema(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("EMA period must be >= 1, was " + period);
        }
        this.period = period;
        this.multiplier = 2.0 / (period + 1);
    }

    /** Adds a value and returns the updated average. */
    public double onValue(double x) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("EMA input must be finite, was " + x);
        }
        value = count == 0 ? x : (x - value) * multiplier + value;
        count++;
        return value;
    }

    /** The current average, NaN before the first value. */
    public double value() {
        return value;
    }

    public boolean isReady() {
        return count >= period;
    }

    public int period() {
        return period;
    }

    public long count() {
        return count;
    }

    /** Restores captured state (for a state-store codec). */
    public void restore(double value, long count) {
        this.value = value;
        this.count = count;
    }

    public void reset() {
        value = Double.NaN;
        count = 0;
    }
}
