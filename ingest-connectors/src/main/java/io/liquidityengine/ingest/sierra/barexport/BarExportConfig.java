package io.liquidityengine.ingest.sierra.barexport;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * How to read a bar/study export.
 *
 * @param zone            time zone of the export's Date/Time columns (Sierra Chart exports in the chart's zone)
 * @param intervalSeconds bar length; the export does not state it
 * @param tickSize        price grid for validation; 0 disables the grid check
 */
public record BarExportConfig(ZoneId zone, int intervalSeconds, double tickSize) {

    public BarExportConfig {
        Objects.requireNonNull(zone, "zone");
        if (intervalSeconds <= 0) {
            throw new IllegalArgumentException("intervalSeconds must be > 0: " + intervalSeconds);
        }
        if (!(tickSize >= 0) || Double.isInfinite(tickSize)) {
            throw new IllegalArgumentException("tickSize must be finite and >= 0: " + tickSize);
        }
    }

    /** UTC, 5-second bars, no grid check. */
    public static BarExportConfig defaults() {
        return new BarExportConfig(ZoneOffset.UTC, 5, 0.0);
    }

    public BarExportConfig withZone(ZoneId z) {
        return new BarExportConfig(z, intervalSeconds, tickSize);
    }

    public BarExportConfig withIntervalSeconds(int seconds) {
        return new BarExportConfig(zone, seconds, tickSize);
    }

    public BarExportConfig withTickSize(double size) {
        return new BarExportConfig(zone, intervalSeconds, size);
    }
}
