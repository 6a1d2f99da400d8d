package io.liquidityengine.topology.domain.indicators;

/**
 * Wilder's smoothing (ta4j's MMAIndicator): seeded with the first value, then
 * {@code avg += (x - avg) / period}.
 */
final class WilderAverage {

    private final double multiplier;
    double value = Double.NaN;
    long count;

    WilderAverage(int period) {
        this.multiplier = 1.0 / period;
    }

    double onValue(double x) {
        value = count == 0 ? x : (x - value) * multiplier + value;
        count++;
        return value;
    }

    void reset() {
        value = Double.NaN;
        count = 0;
    }
}
