package io.liquidityengine.topology.domain.bars;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An OHLCV bar with bid/ask volume and footprint; times are UTC epoch microseconds, the window is
 * {@code [startMicros, endMicros)}.
 *
 * @param bidVolume volume of seller-aggressor trades (hit the bid)
 * @param askVolume volume of buyer-aggressor trades (lifted the ask)
 * @param footprint bid/ask volume per price, ascending by price; empty when the source has none
 * @param studies   named study values of imported bars (for example "Avg"); empty for built bars
 */
public record BarValue(String instrument, int intervalSeconds, long startMicros, long endMicros,
                       double open, double high, double low, double close,
                       double volume, long trades, double bidVolume, double askVolume,
                       List<FootprintLevel> footprint, Map<String, Double> studies) {

    public BarValue {
        Objects.requireNonNull(instrument, "instrument");
        if (intervalSeconds <= 0) {
            throw new IllegalArgumentException("intervalSeconds must be positive, was " + intervalSeconds);
        }
        if (endMicros <= startMicros) {
            throw new IllegalArgumentException("bar end " + endMicros + " must be after start " + startMicros);
        }
        if (!Double.isFinite(open) || !Double.isFinite(high) || !Double.isFinite(low) || !Double.isFinite(close)) {
            throw new IllegalArgumentException("bar prices must be finite");
        }
        if (high < low || open > high || open < low || close > high || close < low) {
            throw new IllegalArgumentException("inconsistent OHLC o=" + open + " h=" + high + " l=" + low + " c=" + close);
        }
        if (!(volume >= 0) || !(bidVolume >= 0) || !(askVolume >= 0) || trades < 0
                || Double.isInfinite(volume) || Double.isInfinite(bidVolume) || Double.isInfinite(askVolume)) {
            throw new IllegalArgumentException("bar volumes and trade count must be finite and >= 0");
        }
        footprint = List.copyOf(Objects.requireNonNull(footprint, "footprint"));
        for (int i = 1; i < footprint.size(); i++) {
            if (footprint.get(i).price() <= footprint.get(i - 1).price()) {
                throw new IllegalArgumentException("footprint must be strictly ascending by price");
            }
        }
        studies = Map.copyOf(Objects.requireNonNull(studies, "studies"));
    }

    /** A bar without footprint or studies (for example from a plain OHLCV source). */
    public static BarValue ohlcv(String instrument, int intervalSeconds, long startMicros,
                                 double open, double high, double low, double close, double volume) {
        return new BarValue(instrument, intervalSeconds, startMicros, startMicros + intervalSeconds * 1_000_000L,
                open, high, low, close, volume, 0, 0, 0, List.of(), Map.of());
    }

    /** The same bar with the given study values. */
    public BarValue withStudies(Map<String, Double> newStudies) {
        return new BarValue(instrument, intervalSeconds, startMicros, endMicros, open, high, low, close,
                volume, trades, bidVolume, askVolume, footprint, newStudies);
    }

    /** A study value, NaN when absent. */
    public double study(String name) {
        Double v = studies.get(name);
        return v == null ? Double.NaN : v;
    }
}
