package io.liquidityengine.topology.domain.levels;

import java.util.Objects;

/**
 * A level from a Sierra Chart zone export row.
 *
 * @param sourceId      the export's LineID (not unique)
 * @param createdMicros Open_time, UTC micros
 * @param price         Value, on the tick grid
 * @param filledMicros  Close_time, or {@link LiquidityLevel#NOT_FILLED} for "Not Filled"
 */
public record ImportedLevel(String sourceId, long createdMicros, double price, long filledMicros) {

    public ImportedLevel {
        Objects.requireNonNull(sourceId, "sourceId");
        if (!Double.isFinite(price)) {
            throw new IllegalArgumentException("imported level price must be finite, was " + price);
        }
        if (filledMicros != LiquidityLevel.NOT_FILLED && filledMicros < createdMicros) {
            throw new IllegalArgumentException("imported level " + sourceId + " closes before it opens");
        }
    }

    /** An imported level that was not filled in the export. */
    public static ImportedLevel unfilled(String sourceId, long createdMicros, double price) {
        return new ImportedLevel(sourceId, createdMicros, price, LiquidityLevel.NOT_FILLED);
    }
}
