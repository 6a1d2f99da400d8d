package io.liquidityengine.topology.domain.indicators;

/**
 * Average true range with Wilder smoothing, defined as ta4j 0.17's ATRIndicator: the true range
 * of the first bar is high - low, later max(high - low, |high - prevClose|, |prevClose - low|);
 * smoothed with Wilder's average seeded by the first true range. Ready once {@code period + 1}
 * bars have been seen (ta4j's unstable-bar count).
 */
public final class Atr {

    public static final int DEFAULT_PERIOD = 14;

    private final int period;
    private final WilderAverage average;
    private double previousClose = Double.NaN;

    public Atr() {
        this(DEFAULT_PERIOD);
    }

    public Atr(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("ATR period must be >= 1, was " + period);
        }
        this.period = period;
        this.average = new WilderAverage(period);
    }

    /** Adds a bar and returns the updated ATR in price units. */
    public double onBar(double high, double low, double close) {
        if (!Double.isFinite(high) || !Double.isFinite(low) || !Double.isFinite(close) || high < low) {
            throw new IllegalArgumentException("invalid bar h=" + high + " l=" + low + " c=" + close);
        }
        double range = Math.abs(high - low);
        double trueRange = range;
        if (!Double.isNaN(previousClose)) {
            trueRange = Math.max(Math.max(range, Math.abs(high - previousClose)), Math.abs(previousClose - low));
        }
        previousClose = close;
        return average.onValue(trueRange);
    }

    /** The current ATR, NaN before the first bar. */
    public double value() {
        return average.value;
    }

    public boolean isReady() {
        return average.count > period;
    }

    public int period() {
        return period;
    }

    /** Captured state: previous close, average, bars seen (for a state-store codec). */
    public double[] capture() {
        return new double[] {previousClose, average.value, average.count};
    }

    /** Restores state produced by {@link #capture()}. */
    public void restore(double[] state) {
        previousClose = state[0];
        average.value = state[1];
        average.count = (long) state[2];
    }

    public void reset() {
        average.reset();
        previousClose = Double.NaN;
    }
}
