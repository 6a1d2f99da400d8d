package io.liquidityengine.notifier.chart;

import io.liquidityengine.schemas.signals.BiasValue;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * Everything one chart shows, taken from the records only (event times), so a replay draws the same chart.
 *
 * @param instrument the symbol
 * @param zone       the instrument's session time zone: the chart's time axis and title
 * @param reason     {@link Reason#HOURLY} or {@link Reason#SESSION_CLOSE}
 * @param end        the chart's end: the end time of the last 1-minute bar in it
 * @param candles    the session's 1-minute candles up to {@code end}, ascending
 * @param levels     levels created before {@code end} and not filled by then
 * @param fills      fills of the session before {@code end}, ascending
 */
public record ChartData(String instrument, ZoneId zone, Reason reason, Instant end, List<Candle> candles, List<Level> levels, List<Fill> fills) {

    public enum Reason { HOURLY, SESSION_CLOSE }

    /**
     * One 1-minute bar with the bias at its end (the last sig.bias record inside the minute; HOLD when
     * none) and whether any base bar of the minute was extended.
     */
    public record Candle(Instant start, double open, double high, double low, double close, BiasValue bias, boolean extended) {
    }

    /** An unfilled level: its price and whether it was drawn above (LONG) or below (SHORT) its bar. */
    public record Level(String levelId, double price, boolean above) {
    }

    /** A fill: an entry (role ENTRY) or an exit (target, stop, flatten), buy or sell. */
    public record Fill(Instant time, double price, double quantity, boolean buy, boolean entry) {
    }

    public ChartData {
        candles = List.copyOf(candles);
        levels = List.copyOf(levels);
        fills = List.copyOf(fills);
    }
}
