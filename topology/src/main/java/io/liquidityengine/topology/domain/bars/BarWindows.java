package io.liquidityengine.topology.domain.bars;

/** Epoch-aligned window arithmetic for bar intervals (UTC microseconds). */
public final class BarWindows {

    public static final long MICROS_PER_SECOND = 1_000_000L;
    public static final long MICROS_PER_MINUTE = 60 * MICROS_PER_SECOND;

    private BarWindows() {
    }

    /** Start of the {@code intervalSeconds} window that contains {@code timeMicros}. */
    public static long windowStart(long timeMicros, int intervalSeconds) {
        long size = windowSize(intervalSeconds);
        return Math.floorDiv(timeMicros, size) * size;
    }

    /** Exclusive end of the window that contains {@code timeMicros}. */
    public static long windowEnd(long timeMicros, int intervalSeconds) {
        return windowStart(timeMicros, intervalSeconds) + windowSize(intervalSeconds);
    }

    /** Window length in microseconds. */
    public static long windowSize(int intervalSeconds) {
        if (intervalSeconds <= 0) {
            throw new IllegalArgumentException("interval must be positive, was " + intervalSeconds);
        }
        return intervalSeconds * MICROS_PER_SECOND;
    }

    /** Index of the UTC minute containing {@code timeMicros} (minutes since the epoch). */
    public static long minuteOf(long timeMicros) {
        return Math.floorDiv(timeMicros, MICROS_PER_MINUTE);
    }
}
