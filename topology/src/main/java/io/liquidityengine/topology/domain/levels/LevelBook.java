package io.liquidityengine.topology.domain.levels;

import io.liquidityengine.topology.domain.TickGrid;
import io.liquidityengine.topology.domain.bars.BarValue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The liquidity levels of one instrument: creation, fills, and queries over the unfilled ones.
 *
 * <p>Fill rule: a LONG level (created above its bar's close) is filled by the first later bar with
 * high >= level, a SHORT level by the first later bar with low <= level, an UNKNOWN one by the first
 * later bar whose range contains it. "Later" means the bar starts after the level's creation time,
 * so a bar never fills the levels it created. An imported level that carries a fill time is
 * filled at that time (the export is authoritative), at the first bar starting at or after it.
 * The fill time stamped on a level is the start of the filling bar.
 *
 * <p>The most recently filled level (largest fill time; ties as in {@link #applyFills})
 * is kept for the liquidity trend. Filled levels are otherwise dropped, so state stays bounded by
 * the unfilled levels.
 */
public final class LevelBook implements LevelView {

    private static final Comparator<LiquidityLevel> FILL_ORDER = Comparator
            .comparingLong(LiquidityLevel::createdMicros)
            .thenComparingDouble(LiquidityLevel::price)
            .thenComparing(LiquidityLevel::id);

    private final String instrument;
    private final TickGrid grid;

    /** Unfilled levels filled by price, per direction, keyed by tick index, in insertion order per tick. */
    private final NavigableMap<Long, List<LiquidityLevel>> longLevels = new TreeMap<>();
    private final NavigableMap<Long, List<LiquidityLevel>> shortLevels = new TreeMap<>();
    private final NavigableMap<Long, List<LiquidityLevel>> unknownLevels = new TreeMap<>();
    /** Imported unfilled levels whose fill time is known, in insertion order. */
    private final List<LiquidityLevel> scheduled = new ArrayList<>();
    /** Number of unfilled levels per tick index (all kinds), for queries. */
    private final NavigableMap<Long, Integer> unfilledCount = new TreeMap<>();
    private LiquidityLevel lastFilled;

    public LevelBook(String instrument, TickGrid grid) {
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        this.grid = Objects.requireNonNull(grid, "grid");
    }

    /**
     * Applies a bar's fills and returns the FILLED events ordered by the levels' creation time,
     * then price, then id; among levels filled by the same bar the last of that order becomes the
     * most recently filled one.
     */
    public List<LevelEvent> applyFills(BarValue bar) {
        List<LiquidityLevel> filled = new ArrayList<>();
        long barTime = bar.startMicros();
        for (Iterator<LiquidityLevel> it = scheduled.iterator(); it.hasNext(); ) {
            LiquidityLevel level = it.next();
            if (level.filledMicros() <= barTime) {
                it.remove();
                decrementCount(grid.ticks(level.price()));
                filled.add(level);
            }
        }
        long highTick = grid.ticks(bar.high());
        long lowTick = grid.ticks(bar.low());
        fillRange(longLevels.headMap(highTick, true), barTime, filled);
        fillRange(shortLevels.tailMap(lowTick, true), barTime, filled);
        fillRange(unknownLevels.subMap(lowTick, true, highTick, true), barTime, filled);
        filled.sort(FILL_ORDER);
        List<LevelEvent> events = new ArrayList<>(filled.size());
        for (LiquidityLevel level : filled) {
            rememberFilled(level);
            events.add(LevelEvent.filled(level));
        }
        return events;
    }

    /**
     * Creates a level drawn by {@code creatingBar} (its direction from the bar's close, its
     * creation time the bar's start) and returns the CREATED event.
     */
    public LevelEvent create(double price, BarValue creatingBar, int period, LevelOrigin origin, String id) {
        long tick = grid.ticks(price);
        LiquidityLevel level = new LiquidityLevel(id, grid.price(tick), LevelDirection.of(price, creatingBar.close()),
                origin, creatingBar.startMicros(), period, LiquidityLevel.NOT_FILLED, creatingBar.close(), null);
        add(level, tick);
        return LevelEvent.created(level);
    }

    /**
     * Accepts an imported level. {@code referenceClose} is the close of the bar it was drawn on
     * (NaN when unknown), {@code nowMicros} the current event time: when the import already carries
     * a fill time at or before now, it is returned CREATED and FILLED at once; a later fill time
     * is applied by the first bar starting at or after it; without a fill time the price rule applies.
     */
    public List<LevelEvent> importLevel(ImportedLevel imported, double referenceClose, int period, long nowMicros) {
        long tick = grid.ticks(imported.price());
        String id = importedId(imported);
        LiquidityLevel level = new LiquidityLevel(id, grid.price(tick), LevelDirection.of(imported.price(), referenceClose),
                LevelOrigin.IMPORTED, imported.createdMicros(), period, LiquidityLevel.NOT_FILLED, referenceClose,
                imported.sourceId());
        List<LevelEvent> events = new ArrayList<>(2);
        events.add(LevelEvent.created(level));
        if (imported.filledMicros() == LiquidityLevel.NOT_FILLED) {
            add(level, tick);
        } else if (imported.filledMicros() <= nowMicros) {
            LiquidityLevel filled = level.filledAt(imported.filledMicros());
            rememberFilled(filled);
            events.add(LevelEvent.filled(filled));
        } else {
            scheduled.add(level.filledAt(imported.filledMicros()));
            unfilledCount.merge(tick, 1, Integer::sum);
        }
        return events;
    }

    /** The id an imported level gets in this book. */
    public String importedId(ImportedLevel imported) {
        return instrument + ":sierra:" + imported.sourceId() + ":" + imported.createdMicros() + ":" + grid.ticks(imported.price());
    }

    /**
     * A later FILLED event of an imported level that is still unfilled here: the export is
     * authoritative, so the level is filled by the first bar starting at or after {@code filledMicros}
     * (and no longer by the price rule). Returns false when no such unfilled level is in the book
     * (never imported, or already filled).
     */
    public boolean scheduleImportedFill(ImportedLevel imported, long filledMicros) {
        String id = importedId(imported);
        long tick = grid.ticks(imported.price());
        for (NavigableMap<Long, List<LiquidityLevel>> map : List.of(longLevels, shortLevels, unknownLevels)) {
            List<LiquidityLevel> atTick = map.get(tick);
            if (atTick == null) {
                continue;
            }
            for (Iterator<LiquidityLevel> it = atTick.iterator(); it.hasNext(); ) {
                LiquidityLevel level = it.next();
                if (level.id().equals(id)) {
                    it.remove();
                    if (atTick.isEmpty()) {
                        map.remove(tick);
                    }
                    scheduled.add(level.filledAt(Math.max(filledMicros, level.createdMicros())));
                    return true;
                }
            }
        }
        return false;
    }

    /** The most recently filled level, or null before any fill. */
    public LiquidityLevel lastFilled() {
        return lastFilled;
    }

    /** All unfilled levels (price-filled ones ascending by price per direction, then scheduled ones). */
    public List<LiquidityLevel> unfilledLevels() {
        List<LiquidityLevel> out = new ArrayList<>();
        longLevels.values().forEach(out::addAll);
        shortLevels.values().forEach(out::addAll);
        unknownLevels.values().forEach(out::addAll);
        for (LiquidityLevel level : scheduled) {
            out.add(new LiquidityLevel(level.id(), level.price(), level.direction(), level.origin(),
                    level.createdMicros(), level.createdPeriod(), LiquidityLevel.NOT_FILLED, level.referencePrice(),
                    level.sourceId()));
        }
        return out;
    }

    public int unfilledCount() {
        int n = 0;
        for (int c : unfilledCount.values()) {
            n += c;
        }
        return n;
    }

    @Override
    public double nearestUnfilledAbove(double price) {
        Long tick = unfilledCount.higherKey(grid.floorTicks(price));
        return tick == null ? Double.NaN : grid.price(tick);
    }

    @Override
    public double nearestUnfilledBelow(double price) {
        Long tick = unfilledCount.lowerKey(grid.ceilTicks(price));
        return tick == null ? Double.NaN : grid.price(tick);
    }

    @Override
    public double[] gapsAbove(double price, int max) {
        return gaps(unfilledCount.tailMap(grid.floorTicks(price), false).keySet().iterator(), max, 1);
    }

    @Override
    public double[] gapsBelow(double price, int max) {
        return gaps(unfilledCount.headMap(grid.ceilTicks(price), false).descendingKeySet().iterator(), max, -1);
    }

    public void reset() {
        longLevels.clear();
        shortLevels.clear();
        unknownLevels.clear();
        scheduled.clear();
        unfilledCount.clear();
        lastFilled = null;
    }

    /**
     * The unfilled levels filled by the price rule, for a state codec: LONG, then SHORT, then UNKNOWN
     * ones, each ascending by price and in insertion order per price, so restoring them in this
     * order rebuilds the same book.
     */
    public List<LiquidityLevel> priceRuleLevels() {
        List<LiquidityLevel> out = new ArrayList<>();
        longLevels.values().forEach(out::addAll);
        shortLevels.values().forEach(out::addAll);
        unknownLevels.values().forEach(out::addAll);
        return out;
    }

    /** Imported levels waiting for their known fill time (carrying it), in insertion order, for a state codec. */
    public List<LiquidityLevel> scheduledLevels() {
        return List.copyOf(scheduled);
    }

    /** Restores a level from {@link #scheduledLevels()}: it is filled by the first bar starting at or after its fill time. */
    public void restoreScheduled(LiquidityLevel level) {
        if (!level.isFilled()) {
            throw new IllegalArgumentException("a scheduled level carries its fill time: " + level.id());
        }
        scheduled.add(level);
        unfilledCount.merge(grid.ticks(level.price()), 1, Integer::sum);
    }

    /** Restores one level captured by a codec: unfilled levels go back into the book, a filled one becomes the last fill. */
    public void restore(LiquidityLevel level) {
        if (level.isFilled()) {
            rememberFilled(level);
        } else {
            add(level, grid.ticks(level.price()));
        }
    }

    private double[] gaps(Iterator<Long> ticks, int max, int step) {
        double[] out = new double[Math.max(0, max)];
        int found = 0;
        if (!ticks.hasNext() || max <= 0) {
            return new double[0];
        }
        long current = ticks.next();
        while (ticks.hasNext() && found < max) {
            long next = ticks.next();
            if ((next - current) * step > 1) {
                out[found++] = grid.price(current);
            }
            current = next;
        }
        return found == out.length ? out : Arrays.copyOf(out, found);
    }

    private void fillRange(Map<Long, List<LiquidityLevel>> range, long barTime, List<LiquidityLevel> filled) {
        for (Iterator<Map.Entry<Long, List<LiquidityLevel>>> it = range.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Long, List<LiquidityLevel>> entry = it.next();
            List<LiquidityLevel> atTick = entry.getValue();
            for (Iterator<LiquidityLevel> li = atTick.iterator(); li.hasNext(); ) {
                LiquidityLevel level = li.next();
                if (level.createdMicros() < barTime) {
                    li.remove();
                    decrementCount(entry.getKey());
                    filled.add(level.filledAt(barTime));
                }
            }
            if (atTick.isEmpty()) {
                it.remove();
            }
        }
    }

    private void rememberFilled(LiquidityLevel filled) {
        if (lastFilled == null || filled.filledMicros() >= lastFilled.filledMicros()) {
            lastFilled = filled;
        }
    }

    private void add(LiquidityLevel level, long tick) {
        NavigableMap<Long, List<LiquidityLevel>> map = switch (level.direction()) {
            case LONG -> longLevels;
            case SHORT -> shortLevels;
            case UNKNOWN -> unknownLevels;
        };
        map.computeIfAbsent(tick, t -> new ArrayList<>(1)).add(level);
        unfilledCount.merge(tick, 1, Integer::sum);
    }

    private void decrementCount(long tick) {
        unfilledCount.computeIfPresent(tick, (t, c) -> c == 1 ? null : c - 1);
    }
}
