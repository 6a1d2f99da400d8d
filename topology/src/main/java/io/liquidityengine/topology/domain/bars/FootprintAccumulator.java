package io.liquidityengine.topology.domain.bars;

import io.liquidityengine.topology.domain.TickGrid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Bid/ask/total volume per tick index in primitive arrays (no boxing on the per-trade path).
 * The arrays cover a window of tick indices that grows on demand around the first price seen.
 */
public final class FootprintAccumulator {

    private static final int INITIAL_CAPACITY = 64;

    private long baseTick;
    private double[] bid = new double[INITIAL_CAPACITY];
    private double[] ask = new double[INITIAL_CAPACITY];
    private double[] total = new double[INITIAL_CAPACITY];
    private boolean[] traded = new boolean[INITIAL_CAPACITY];
    private long minTick = Long.MAX_VALUE;
    private long maxTick = Long.MIN_VALUE;

    /** Adds volume at a tick index; {@code aggressor} decides whether it counts as bid or ask. */
    public void add(long tick, double size, Aggressor aggressor) {
        int i = slot(tick);
        traded[i] = true;
        total[i] += size;
        if (aggressor == Aggressor.BUY) {
            ask[i] += size;
        } else if (aggressor == Aggressor.SELL) {
            bid[i] += size;
        }
    }

    /** Adds explicit bid and ask volume at a tick index (roll-ups, imported footprints). */
    public void add(long tick, double bidVolume, double askVolume, double totalVolume) {
        int i = slot(tick);
        traded[i] = true;
        bid[i] += bidVolume;
        ask[i] += askVolume;
        total[i] += totalVolume;
    }

    public boolean isEmpty() {
        return minTick > maxTick;
    }

    /** Levels with traded volume, ascending by price. */
    public List<FootprintLevel> levels(TickGrid grid) {
        if (isEmpty()) {
            return List.of();
        }
        List<FootprintLevel> out = new ArrayList<>((int) (maxTick - minTick + 1));
        for (long t = minTick; t <= maxTick; t++) {
            int i = (int) (t - baseTick);
            if (traded[i]) {
                out.add(new FootprintLevel(grid.price(t), bid[i], ask[i]));
            }
        }
        return out;
    }

    public void reset() {
        if (!isEmpty()) {
            int from = (int) (minTick - baseTick);
            int to = (int) (maxTick - baseTick) + 1;
            Arrays.fill(bid, from, to, 0);
            Arrays.fill(ask, from, to, 0);
            Arrays.fill(total, from, to, 0);
            Arrays.fill(traded, from, to, false);
        }
        minTick = Long.MAX_VALUE;
        maxTick = Long.MIN_VALUE;
    }

    private int slot(long tick) {
        if (isEmpty()) {
            baseTick = tick - bid.length / 2;
        } else if (tick < baseTick || tick >= baseTick + bid.length) {
            grow(tick);
        }
        if (tick < minTick) {
            minTick = tick;
        }
        if (tick > maxTick) {
            maxTick = tick;
        }
        return (int) (tick - baseTick);
    }

    private void grow(long tick) {
        long lo = Math.min(minTick, tick);
        long hi = Math.max(maxTick, tick);
        long span = hi - lo + 1;
        if (span > Integer.MAX_VALUE / 4) {
            throw new IllegalArgumentException("footprint price range too wide: " + span + " ticks");
        }
        int capacity = bid.length;
        while (capacity < span * 2) {
            capacity *= 2;
        }
        long newBase = lo - (capacity - span) / 2;
        bid = move(bid, capacity, newBase);
        ask = move(ask, capacity, newBase);
        total = move(total, capacity, newBase);
        boolean[] freshTraded = new boolean[capacity];
        System.arraycopy(traded, (int) (minTick - baseTick), freshTraded, (int) (minTick - newBase),
                (int) (maxTick - minTick + 1));
        traded = freshTraded;
        baseTick = newBase;
    }

    private double[] move(double[] old, int capacity, long newBase) {
        double[] fresh = new double[capacity];
        int from = (int) (minTick - baseTick);
        int len = (int) (maxTick - minTick + 1);
        System.arraycopy(old, from, fresh, (int) (minTick - newBase), len);
        return fresh;
    }
}
