package io.liquidityengine.topology.domain.trend;

import io.liquidityengine.topology.domain.TickGrid;

import java.util.Objects;

/**
 * Chop periods: a band from the first bar's low - N ticks to its high + N ticks. On each later bar,
 * if the previous bar's low broke below the band the band shifts down by N ticks and a new period
 * starts; else if the previous bar's high broke above it the band shifts up by N ticks and a new
 * period starts; otherwise the band and period stay. "Broke" is strict (low < band low, high > band
 * high); one shift per bar.
 */
public final class ChopPeriodTracker {

    public static final int DEFAULT_BAND_TICKS = 24;

    private final TickGrid grid;
    private final long bandTicks;

    private boolean started;
    private long bandLowTick;
    private long bandHighTick;
    private long previousHighTick;
    private long previousLowTick;
    private int period;

    public ChopPeriodTracker(TickGrid grid, int bandTicks) {
        this.grid = Objects.requireNonNull(grid, "grid");
        if (bandTicks < 1) {
            throw new IllegalArgumentException("band ticks must be >= 1, was " + bandTicks);
        }
        this.bandTicks = bandTicks;
    }

    /** Feeds a bar's high and low and returns the period current at this bar (0 for the first band). */
    public int onBar(double high, double low) {
        long highTick = grid.ticks(high);
        long lowTick = grid.ticks(low);
        if (!started) {
            started = true;
            bandLowTick = lowTick - bandTicks;
            bandHighTick = highTick + bandTicks;
        } else if (previousLowTick < bandLowTick) {
            bandLowTick -= bandTicks;
            bandHighTick -= bandTicks;
            period++;
        } else if (previousHighTick > bandHighTick) {
            bandLowTick += bandTicks;
            bandHighTick += bandTicks;
            period++;
        }
        previousHighTick = highTick;
        previousLowTick = lowTick;
        return period;
    }

    public int period() {
        return period;
    }

    /** Current band low, NaN before the first bar. */
    public double bandLow() {
        return started ? grid.price(bandLowTick) : Double.NaN;
    }

    /** Current band high, NaN before the first bar. */
    public double bandHigh() {
        return started ? grid.price(bandHighTick) : Double.NaN;
    }

    /** Captured state: started (0/1), band low tick, band high tick, previous high tick, previous low tick, period. */
    public long[] capture() {
        return new long[] {started ? 1 : 0, bandLowTick, bandHighTick, previousHighTick, previousLowTick, period};
    }

    public void restore(long[] state) {
        started = state[0] != 0;
        bandLowTick = state[1];
        bandHighTick = state[2];
        previousHighTick = state[3];
        previousLowTick = state[4];
        period = (int) state[5];
    }

    public void reset() {
        started = false;
        period = 0;
    }
}
