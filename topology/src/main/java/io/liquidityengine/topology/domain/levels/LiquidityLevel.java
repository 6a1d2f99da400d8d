package io.liquidityengine.topology.domain.levels;

import java.util.Objects;

/**
 * A liquidity level: a price drawn at a bar that extends right until a later bar trades through it.
 *
 * @param id             stable identifier across CREATED and FILLED
 * @param price          level price, on the tick grid
 * @param direction      LONG when created above the creating bar's close, SHORT below
 * @param origin         footprint imbalance or imported
 * @param createdMicros  start of the creating bar (imported: the export's open time), UTC micros
 * @param createdPeriod  chop period current when the level was created
 * @param filledMicros   start of the filling bar (imported: the export's close time), or
 *                       {@link #NOT_FILLED}
 * @param referencePrice close of the creating bar, NaN when unknown
 * @param sourceId       identifier in the source (Sierra LineID), null for own levels
 */
public record LiquidityLevel(String id, double price, LevelDirection direction, LevelOrigin origin,
                             long createdMicros, int createdPeriod, long filledMicros,
                             double referencePrice, String sourceId) {

    /** Marker of an unfilled level's fill time. */
    public static final long NOT_FILLED = Long.MIN_VALUE;

    public LiquidityLevel {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(origin, "origin");
        if (!Double.isFinite(price)) {
            throw new IllegalArgumentException("level price must be finite, was " + price);
        }
        if (filledMicros != NOT_FILLED && filledMicros < createdMicros) {
            throw new IllegalArgumentException("level " + id + " filled at " + filledMicros + " before created " + createdMicros);
        }
    }

    public boolean isFilled() {
        return filledMicros != NOT_FILLED;
    }

    /** This level, filled at {@code timeMicros}. */
    public LiquidityLevel filledAt(long timeMicros) {
        return new LiquidityLevel(id, price, direction, origin, createdMicros, createdPeriod, timeMicros,
                referencePrice, sourceId);
    }
}
