package io.liquidityengine.topology.domain.bars;

import io.liquidityengine.topology.domain.TickGrid;

import java.util.Map;
import java.util.Objects;

/**
 * Ticks -> bars of one interval for one instrument, window by window in event-time order.
 *
 * <p>{@link #onTick} adds a trade to the open window and returns {@code null}, or, when the trade
 * belongs to a later window, closes the open bar, returns it and opens the new window with the
 * trade. {@link #flush()} closes the open bar when the window ends without a further trade.
 * The per-trade path works in tick indices and primitive fields and does not allocate.
 */
public final class BarBuilder {

    private final String instrument;
    private final int intervalSeconds;
    private final long windowMicros;
    private final TickGrid grid;
    private final FootprintAccumulator footprint = new FootprintAccumulator();

    private long startMicros = Long.MIN_VALUE;
    private long openTick;
    private long highTick;
    private long lowTick;
    private long closeTick;
    private double volume;
    private long trades;
    private double bidVolume;
    private double askVolume;

    public BarBuilder(String instrument, int intervalSeconds, TickGrid grid) {
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        this.windowMicros = BarWindows.windowSize(intervalSeconds);
        this.intervalSeconds = intervalSeconds;
        this.grid = Objects.requireNonNull(grid, "grid");
    }

    /**
     * Adds a trade. Returns the completed bar when the trade opens a later window, else null.
     *
     * @throws IllegalArgumentException when the trade is for another instrument, is off the tick
     *                                  grid or is earlier than the open window (late)
     */
    public BarValue onTick(TradeEvent trade) {
        if (!instrument.equals(trade.instrument())) {
            throw new IllegalArgumentException("trade for " + trade.instrument() + " fed to builder of " + instrument);
        }
        long tick = grid.ticks(trade.price());
        long time = trade.timeMicros();
        BarValue completed = null;
        if (isEmpty()) {
            open(time, tick);
        } else if (time >= startMicros + windowMicros) {
            completed = build();
            reset();
            open(time, tick);
        } else if (time < startMicros) {
            throw new IllegalArgumentException("late trade at " + time + " before the open window " + startMicros);
        }
        accumulate(tick, trade);
        return completed;
    }

    /** Closes and returns the open bar, or null when no trade arrived in the window. */
    public BarValue flush() {
        if (isEmpty()) {
            return null;
        }
        BarValue bar = build();
        reset();
        return bar;
    }

    /** True when no window is open. */
    public boolean isEmpty() {
        return startMicros == Long.MIN_VALUE;
    }

    /** Start of the open window, or {@code Long.MIN_VALUE} when none is open. */
    public long windowStartMicros() {
        return startMicros;
    }

    /** The open bar so far, without closing it; null when empty. */
    public BarValue build() {
        if (isEmpty()) {
            return null;
        }
        return new BarValue(instrument, intervalSeconds, startMicros, startMicros + windowMicros,
                grid.price(openTick), grid.price(highTick), grid.price(lowTick), grid.price(closeTick),
                volume, trades, bidVolume, askVolume, footprint.levels(grid), Map.of());
    }

    public void reset() {
        startMicros = Long.MIN_VALUE;
        volume = 0;
        trades = 0;
        bidVolume = 0;
        askVolume = 0;
        footprint.reset();
    }

    private void open(long time, long tick) {
        startMicros = Math.floorDiv(time, windowMicros) * windowMicros;
        openTick = tick;
        highTick = tick;
        lowTick = tick;
    }

    private void accumulate(long tick, TradeEvent trade) {
        if (tick > highTick) {
            highTick = tick;
        }
        if (tick < lowTick) {
            lowTick = tick;
        }
        closeTick = tick;
        double size = trade.size();
        volume += size;
        trades += trade.tradeCount();
        Aggressor side = trade.effectiveAggressor();
        if (side == Aggressor.BUY) {
            askVolume += size;
        } else if (side == Aggressor.SELL) {
            bidVolume += size;
        }
        footprint.add(tick, size, side);
    }
}
