package io.liquidityengine.topology.domain.delta;

import io.liquidityengine.topology.domain.bars.BarWindows;

import java.util.Arrays;
import java.util.Objects;

/**
 * A per-minute option-delta series (first value of each minute kept) with ROC, slope and position.
 *
 * <p>Minutes are UTC minute indices; lags are in clock minutes, so a missing minute makes the
 * readings that need it undefined (HOLD). Values are kept in a ring of {@code historyMinutes}
 * slots; a value older than the ring is rejected. {@link #asOf(long)} is the as-of join for a bar:
 * it reads the last completed minute before the given time (the latest minute with a value at or
 * before {@code floor(time / 1 min) - 1}), never the current or a future one.
 */
public final class OptionDeltaSeries {

    private static final long EMPTY_SLOT = Long.MIN_VALUE;

    private final DeltaConfig config;
    private final long[] minutes;
    private final double[] values;
    private long latestMinute = EMPTY_SLOT;

    public OptionDeltaSeries(DeltaConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.minutes = new long[config.historyMinutes()];
        this.values = new double[config.historyMinutes()];
        Arrays.fill(minutes, EMPTY_SLOT);
    }

    public OptionDeltaSeries() {
        this(DeltaConfig.DEFAULTS);
    }

    /**
     * Records a value for the minute containing {@code timeMicros}. Returns false when the minute
     * already has a value (the first is kept) or is older than the kept history.
     */
    public boolean onValue(long timeMicros, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("option delta must be finite, was " + value);
        }
        long minute = BarWindows.minuteOf(timeMicros);
        if (latestMinute != EMPTY_SLOT && minute <= latestMinute - minutes.length) {
            return false;
        }
        int slot = slot(minute);
        if (minutes[slot] == minute) {
            return false;
        }
        if (minutes[slot] != EMPTY_SLOT && minutes[slot] > minute) {
            return false;
        }
        minutes[slot] = minute;
        values[slot] = value;
        if (latestMinute == EMPTY_SLOT || minute > latestMinute) {
            latestMinute = minute;
        }
        return true;
    }

    /** The value of a minute (minute index), NaN when absent. */
    public double value(long minute) {
        int slot = slot(minute);
        return minutes[slot] == minute ? values[slot] : Double.NaN;
    }

    /** ROC at a minute: (v[t] - v[t-lag]) / |v[t-lag]|; NaN when a value is missing or v[t-lag] == 0. */
    public double roc(long minute) {
        double now = value(minute);
        double then = value(minute - config.rocLagMinutes());
        if (Double.isNaN(now) || Double.isNaN(then) || then == 0) {
            return Double.NaN;
        }
        return (now - then) / Math.abs(then);
    }

    /** Slope at a minute: ROC[t] - ROC[t-lag]; NaN when either is undefined. */
    public double slope(long minute) {
        return roc(minute) - roc(minute - config.slopeLagMinutes());
    }

    /** The full reading at a minute index. */
    public DeltaReading reading(long minute) {
        double value = value(minute);
        if (Double.isNaN(value)) {
            return DeltaReading.EMPTY;
        }
        double roc = roc(minute);
        double slope = slope(minute);
        return new DeltaReading(minute * BarWindows.MICROS_PER_MINUTE, value, roc, slope, DeltaPosition.of(roc, slope));
    }

    /** The reading as of the last completed minute at {@code timeMicros} (for a bar: its end time). */
    public DeltaReading asOf(long timeMicros) {
        long lastCompleted = BarWindows.minuteOf(timeMicros) - 1;
        long oldest = lastCompleted - minutes.length + 1;
        for (long m = lastCompleted; m >= oldest; m--) {
            if (minutes[slot(m)] == m) {
                return reading(m);
            }
        }
        return DeltaReading.EMPTY;
    }

    /** Kept minutes (minute indices), oldest first, for a state codec; {@link #value(long)} gives each value. */
    public long[] keptMinutes() {
        return Arrays.stream(minutes).filter(m -> m != EMPTY_SLOT).sorted().toArray();
    }

    public void reset() {
        Arrays.fill(minutes, EMPTY_SLOT);
        Arrays.fill(values, 0);
        latestMinute = EMPTY_SLOT;
    }

    private int slot(long minute) {
        return (int) Math.floorMod(minute, (long) minutes.length);
    }
}
