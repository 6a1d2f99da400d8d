package io.liquidityengine.topology.domain.indicators;

/**
 * Wilder RSI on closes, defined exactly as ta4j 0.17's RSIIndicator: gain and loss are 0 on the
 * first bar, both are smoothed with Wilder's average seeded by that first value, and
 * RSI = 100 - 100 / (1 + avgGain / avgLoss), 100 when only gains, 0 when neither.
 * Values exist from the first bar; {@link #isReady()} once {@code period + 1} bars have been seen
 * (ta4j's unstable-bar count of the smoothing), before that the value is warm-up only.
 */
public final class Rsi {

    public static final int DEFAULT_PERIOD = 14;

    private final int period;
    private final WilderAverage gain;
    private final WilderAverage loss;
    private double previousClose = Double.NaN;
    private double value = Double.NaN;

    public Rsi() {
        this(DEFAULT_PERIOD);
    }

    public Rsi(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("RSI period must be >= 1, was " + period);
        }
        this.period = period;
        this.gain = new WilderAverage(period);
        this.loss = new WilderAverage(period);
    }

    /** Adds a bar's close and returns the updated RSI (0..100). */
    public double onBar(double close) {
        if (!Double.isFinite(close)) {
            throw new IllegalArgumentException("close must be finite, was " + close);
        }
        double up = 0;
        double down = 0;
        if (!Double.isNaN(previousClose)) {
            if (close > previousClose) {
                up = close - previousClose;
            } else if (close < previousClose) {
                down = previousClose - close;
            }
        }
        previousClose = close;
        double avgGain = gain.onValue(up);
        double avgLoss = loss.onValue(down);
        if (avgLoss == 0) {
            value = avgGain == 0 ? 0 : 100;
        } else {
            double rs = avgGain / avgLoss;
            value = 100 - 100 / (1 + rs);
        }
        return value;
    }

    /** The current RSI, NaN before the first bar. */
    public double value() {
        return value;
    }

    public boolean isReady() {
        return gain.count > period;
    }

    public int period() {
        return period;
    }

    /** Bars seen. */
    public long count() {
        return gain.count;
    }

    public void reset() {
        gain.reset();
        loss.reset();
        previousClose = Double.NaN;
        value = Double.NaN;
    }

    /** Captured state: previous close, average gain, average loss, bars seen, value. */
    public double[] capture() {
        return new double[] {previousClose, gain.value, loss.value, gain.count, value};
    }

    /** Restores state produced by {@link #capture()}. */
    public void restore(double[] state) {
        previousClose = state[0];
        gain.value = state[1];
        loss.value = state[2];
        gain.count = (long) state[3];
        loss.count = (long) state[3];
        value = state[4];
    }
}
