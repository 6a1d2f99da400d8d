package io.liquidityengine.topology.domain.bias;

/**
 * Extension: a bar is extended when its RSI is at or beyond a threshold (>= upper or <= lower);
 * counts the bars of "normal action" since the last extended bar. Bars whose RSI is still warming
 * up are neither extended nor counted.
 */
public final class ExtensionCounter {

    public static final double DEFAULT_UPPER = 60;
    public static final double DEFAULT_LOWER = 40;

    private final double upper;
    private final double lower;
    private boolean extended;
    private int normalActionBars;
    private long lastExtendedMicros = Long.MIN_VALUE;

    public ExtensionCounter() {
        this(DEFAULT_UPPER, DEFAULT_LOWER);
    }

    public ExtensionCounter(double upper, double lower) {
        if (!(lower < upper)) {
            throw new IllegalArgumentException("lower threshold " + lower + " must be below upper " + upper);
        }
        this.upper = upper;
        this.lower = lower;
    }

    /**
     * Feeds one bar's RSI.
     *
     * @param rsi      the RSI value (ignored when not ready)
     * @param ready    whether the RSI is past its warm-up
     * @param barMicros the bar's time, remembered as the last extension time
     * @return whether this bar is extended
     */
    public boolean onBar(double rsi, boolean ready, long barMicros) {
        if (!ready || Double.isNaN(rsi)) {
            extended = false;
            return false;
        }
        extended = rsi >= upper || rsi <= lower;
        if (extended) {
            normalActionBars = 0;
            lastExtendedMicros = barMicros;
        } else {
            normalActionBars++;
        }
        return extended;
    }

    public boolean isExtended() {
        return extended;
    }

    public int normalActionBars() {
        return normalActionBars;
    }

    /** Time of the last extended bar, {@code Long.MIN_VALUE} when none. */
    public long lastExtendedMicros() {
        return lastExtendedMicros;
    }

    public void restore(boolean extended, int normalActionBars, long lastExtendedMicros) {
        this.extended = extended;
        this.normalActionBars = normalActionBars;
        this.lastExtendedMicros = lastExtendedMicros;
    }

    public void reset() {
        extended = false;
        normalActionBars = 0;
        lastExtendedMicros = Long.MIN_VALUE;
    }
}
