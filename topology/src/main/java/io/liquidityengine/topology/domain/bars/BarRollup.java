package io.liquidityengine.topology.domain.bars;

import io.liquidityengine.topology.domain.TickGrid;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Base bars -> longer bars (1m, 5m, 15m, 1h): merges consecutive bars of one target window,
 * footprints merged by price. Fed in event-time order; {@link #onBar} returns the completed
 * roll-up when a bar of a later window arrives, {@link #flush()} closes the open one.
 */
public final class BarRollup {

    private final String instrument;
    private final int intervalSeconds;
    private final long windowMicros;
    private final TickGrid grid;
    private final FootprintAccumulator footprint = new FootprintAccumulator();

    private long startMicros = Long.MIN_VALUE;
    private double open;
    private double high;
    private double low;
    private double close;
    private double volume;
    private long trades;
    private double bidVolume;
    private double askVolume;

    public BarRollup(String instrument, int intervalSeconds, TickGrid grid) {
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        this.windowMicros = BarWindows.windowSize(intervalSeconds);
        this.intervalSeconds = intervalSeconds;
        this.grid = Objects.requireNonNull(grid, "grid");
    }

    /** Merges a list of consecutive bars that lie in one target window into a single bar. */
    public static BarValue merge(List<BarValue> bars, int intervalSeconds, TickGrid grid) {
        if (bars.isEmpty()) {
            throw new IllegalArgumentException("nothing to merge");
        }
        BarRollup rollup = new BarRollup(bars.get(0).instrument(), intervalSeconds, grid);
        for (BarValue bar : bars) {
            if (rollup.onBar(bar) != null) {
                throw new IllegalArgumentException("bars span more than one " + intervalSeconds + " s window");
            }
        }
        return rollup.flush();
    }

    /**
     * Adds a base bar; returns the completed roll-up when the bar belongs to a later window.
     *
     * @throws IllegalArgumentException for another instrument, a base interval that does not divide
     *                                  the target interval, or a bar earlier than the open window
     */
    public BarValue onBar(BarValue bar) {
        if (!instrument.equals(bar.instrument())) {
            throw new IllegalArgumentException("bar for " + bar.instrument() + " fed to roll-up of " + instrument);
        }
        if (intervalSeconds % bar.intervalSeconds() != 0) {
            throw new IllegalArgumentException(bar.intervalSeconds() + " s bars do not divide " + intervalSeconds + " s");
        }
        long windowStart = Math.floorDiv(bar.startMicros(), windowMicros) * windowMicros;
        BarValue completed = null;
        if (isEmpty()) {
            open(windowStart, bar);
        } else if (windowStart > startMicros) {
            completed = flush();
            open(windowStart, bar);
        } else if (windowStart < startMicros) {
            throw new IllegalArgumentException("late bar at " + bar.startMicros() + " before the open window " + startMicros);
        }
        high = Math.max(high, bar.high());
        low = Math.min(low, bar.low());
        close = bar.close();
        volume += bar.volume();
        trades += bar.trades();
        bidVolume += bar.bidVolume();
        askVolume += bar.askVolume();
        for (FootprintLevel level : bar.footprint()) {
            footprint.add(grid.ticks(level.price()), level.bidVolume(), level.askVolume(),
                    level.bidVolume() + level.askVolume());
        }
        return completed;
    }

    /** Closes and returns the open roll-up, or null when empty. */
    public BarValue flush() {
        if (isEmpty()) {
            return null;
        }
        BarValue bar = new BarValue(instrument, intervalSeconds, startMicros, startMicros + windowMicros,
                open, high, low, close, volume, trades, bidVolume, askVolume, footprint.levels(grid), Map.of());
        reset();
        return bar;
    }

    public boolean isEmpty() {
        return startMicros == Long.MIN_VALUE;
    }

    public void reset() {
        startMicros = Long.MIN_VALUE;
        volume = 0;
        trades = 0;
        bidVolume = 0;
        askVolume = 0;
        footprint.reset();
    }

    private void open(long windowStart, BarValue bar) {
        startMicros = windowStart;
        open = bar.open();
        high = bar.high();
        low = bar.low();
    }
}
