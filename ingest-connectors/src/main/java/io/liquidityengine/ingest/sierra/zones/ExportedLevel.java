package io.liquidityengine.ingest.sierra.zones;

import java.time.Instant;
import java.util.Objects;

/**
 * One level (zone line) of a Sierra Chart zone export.
 *
 * @param levelId            unique id: {@code <lineId>@<created ISO instant>@<price>}, e.g.
 *                           {@code 10017@2024-12-06T08:00:05Z@6088.25}
 * @param lineId             Sierra Chart's LineID (not unique)
 * @param createdEpochMicros Open_time, microseconds since the Unix epoch (UTC)
 * @param price              Value
 * @param filledEpochMicros  Close_time in epoch microseconds, or null when "Not Filled"
 */
public record ExportedLevel(String levelId, long lineId, long createdEpochMicros, double price, Long filledEpochMicros) {

    public ExportedLevel {
        Objects.requireNonNull(levelId, "levelId");
    }

    public boolean isFilled() {
        return filledEpochMicros != null;
    }

    public Instant created() {
        return toInstant(createdEpochMicros);
    }

    /** Fill time, or null while the level is open. */
    public Instant filled() {
        return filledEpochMicros == null ? null : toInstant(filledEpochMicros);
    }

    private static Instant toInstant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }
}
