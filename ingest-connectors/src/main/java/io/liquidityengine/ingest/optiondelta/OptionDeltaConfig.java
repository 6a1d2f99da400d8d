package io.liquidityengine.ingest.optiondelta;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * How to read an option-delta file.
 *
 * @param tradingDate the date of the rows, or null to take it from the file name
 * @param zone        time zone of the HH:MM:SS times
 */
public record OptionDeltaConfig(LocalDate tradingDate, ZoneId zone) {

    public static final ZoneId DEFAULT_ZONE = ZoneId.of("America/New_York");

    public OptionDeltaConfig {
        Objects.requireNonNull(zone, "zone");
    }

    /** Date from the file name, America/New_York. */
    public static OptionDeltaConfig defaults() {
        return new OptionDeltaConfig(null, DEFAULT_ZONE);
    }

    public OptionDeltaConfig withTradingDate(LocalDate date) {
        return new OptionDeltaConfig(date, zone);
    }

    public OptionDeltaConfig withZone(ZoneId z) {
        return new OptionDeltaConfig(tradingDate, z);
    }
}
