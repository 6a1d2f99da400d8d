package io.liquidityengine.ingest.sierra.barexport;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One bar of a Sierra Chart bar/study export.
 *
 * @param startEpochMicros bar start, microseconds since the Unix epoch (UTC)
 * @param intervalSeconds  bar length (from configuration)
 * @param open             open
 * @param high             high
 * @param low              low
 * @param close            close (the export's "Last")
 * @param volume           volume
 * @param trades           number of trades
 * @param bidVolume        volume traded at the bid
 * @param askVolume        volume traded at the ask
 * @param studies          every numeric study column of the row by header name, in column order (unmodifiable)
 */
public record ExportedBar(
        long startEpochMicros,
        int intervalSeconds,
        double open,
        double high,
        double low,
        double close,
        long volume,
        long trades,
        long bidVolume,
        long askVolume,
        Map<String, Double> studies) {

    public ExportedBar {
        Objects.requireNonNull(studies, "studies");
        studies = Collections.unmodifiableMap(new LinkedHashMap<>(studies));
    }

    public Instant start() {
        return Instant.ofEpochSecond(Math.floorDiv(startEpochMicros, 1_000_000L), Math.floorMod(startEpochMicros, 1_000_000L) * 1_000L);
    }

    /** A study column's value for this bar, empty when the column is absent or the cell was not numeric. */
    public OptionalDouble study(String name) {
        Double v = studies.get(name);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }
}
