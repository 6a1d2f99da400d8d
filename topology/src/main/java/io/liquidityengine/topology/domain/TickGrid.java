package io.liquidityengine.topology.domain;

import java.math.BigDecimal;

/**
 * The price grid of an instrument: converts prices to whole ticks and back.
 *
 * <p>Prices are doubles in instrument units but always on the grid; internally everything that
 * compares or keys prices uses {@code long} tick indices. {@link #price(long)} returns the double
 * nearest to the decimal price, so grid prices round-trip exactly.
 */
public final class TickGrid {

    /** Tolerance, in ticks, for a price to count as on the grid (absorbs binary floating error). */
    private static final double ON_GRID_TOLERANCE_TICKS = 1e-6;

    private final double tickSize;
    private final long tickUnits;
    private final double unitsPerPoint;

    /**
     * @param tickSize the minimum price increment, positive and finite, with at most 9 decimals
     *                 (ES: 0.25)
     */
    public TickGrid(double tickSize) {
        if (!Double.isFinite(tickSize) || tickSize <= 0) {
            throw new IllegalArgumentException("tick size must be positive and finite, was " + tickSize);
        }
        BigDecimal decimal = BigDecimal.valueOf(tickSize).stripTrailingZeros();
        int scale = Math.max(0, decimal.scale());
        if (scale > 9) {
            throw new IllegalArgumentException("tick size has more than 9 decimals: " + tickSize);
        }
        this.tickSize = tickSize;
        this.tickUnits = decimal.movePointRight(scale).longValueExact();
        this.unitsPerPoint = Math.pow(10, scale);
    }

    public double tickSize() {
        return tickSize;
    }

    /** Whole ticks of an on-grid price; throws if the price is NaN, infinite or off the grid. */
    public long ticks(double price) {
        if (!Double.isFinite(price)) {
            throw new IllegalArgumentException("price must be finite, was " + price);
        }
        double exact = price / tickSize;
        long rounded = Math.round(exact);
        if (Math.abs(exact - rounded) > ON_GRID_TOLERANCE_TICKS) {
            throw new IllegalArgumentException("price " + price + " is off the tick grid of " + tickSize);
        }
        return rounded;
    }

    /** Whole ticks of the grid price nearest to {@code price} (half a tick rounds up). */
    public long nearestTicks(double price) {
        if (!Double.isFinite(price)) {
            throw new IllegalArgumentException("price must be finite, was " + price);
        }
        return Math.round(price / tickSize);
    }

    /** Tick index at or below {@code price} (exact for on-grid prices). */
    public long floorTicks(double price) {
        if (!Double.isFinite(price)) {
            throw new IllegalArgumentException("price must be finite, was " + price);
        }
        if (isOnGrid(price)) {
            return Math.round(price / tickSize);
        }
        return (long) Math.floor(price / tickSize);
    }

    /** Tick index at or above {@code price} (exact for on-grid prices). */
    public long ceilTicks(double price) {
        if (!Double.isFinite(price)) {
            throw new IllegalArgumentException("price must be finite, was " + price);
        }
        if (isOnGrid(price)) {
            return Math.round(price / tickSize);
        }
        return (long) Math.ceil(price / tickSize);
    }

    /** The grid price of a tick index. */
    public double price(long ticks) {
        return (ticks * tickUnits) / unitsPerPoint;
    }

    /** The grid price nearest to {@code price}. */
    public double round(double price) {
        return price(nearestTicks(price));
    }

    /** True when {@code price} is finite and on the grid. */
    public boolean isOnGrid(double price) {
        if (!Double.isFinite(price)) {
            return false;
        }
        double exact = price / tickSize;
        return Math.abs(exact - Math.round(exact)) <= ON_GRID_TOLERANCE_TICKS;
    }

    /** Returns {@code price} unchanged after checking it is on the grid. */
    public double requireOnGrid(double price) {
        ticks(price);
        return price;
    }

    /** A distance in points expressed in whole ticks (rounded to the nearest tick). */
    public long ticksOf(double points) {
        return nearestTicks(points);
    }

    @Override
    public String toString() {
        return "TickGrid[" + tickSize + "]";
    }
}
