package io.liquidityengine.backtest.input;

import io.liquidityengine.schemas.marketdata.AggressorSide;
import io.liquidityengine.schemas.marketdata.Bar;
import io.liquidityengine.schemas.marketdata.Tick;
import java.time.Instant;
import java.util.List;

/**
 * The trades a bar stands for when a run has bars but no ticks, so the paper broker can fill from
 * them: open, then the extreme nearer the open, the other extreme, the close, at the bar's start and
 * a quarter, a half and three quarters of its interval later (the usual open-extremes-close path).
 * All four lie inside the bar, so an order decided on its close fills from the next bar's path at
 * the earliest. A bar whose high and low are equally far from the open goes to the high first.
 * Each trade is for a quarter of the bar's volume (at least 1); the source says {@code bar-path}.
 */
public final class BarPath {

    private BarPath() {
    }

    public static List<Tick> trades(Bar bar) {
        double open = bar.getOpen();
        double high = bar.getHigh();
        double low = bar.getLow();
        boolean highFirst = high - open <= open - low;
        double[] prices = {open, highFirst ? high : low, highFirst ? low : high, bar.getClose()};
        Instant start = bar.getStartTime();
        long quarterMicros = bar.getIntervalSeconds() * 250_000L;
        double size = Math.max(1, Math.floor(bar.getVolume() / 4.0));
        Tick[] out = new Tick[4];
        for (int i = 0; i < 4; i++) {
            out[i] = Tick.newBuilder()
                    .setInstrument(bar.getInstrument())
                    .setEventTime(start.plusNanos(i * quarterMicros * 1_000L))
                    .setPrice(prices[i])
                    .setSize(size)
                    .setAggressor(AggressorSide.UNKNOWN)
                    .setSource("bar-path")
                    .build();
        }
        return List.of(out);
    }
}
