package io.liquidityengine.ingest.sources;

import io.liquidityengine.ingest.publish.RecordSource;
import io.liquidityengine.ingest.reference.InstrumentSpec;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/** Creates the record source for a configured source type. */
public final class Sources {

    private Sources() {
    }

    /**
     * @param timeZone zone of the times in text exports and option-delta files; the instrument's zone when absent
     * @param date     trading date of an option-delta file (yyyy-MM-dd); from the file name when absent
     */
    public static RecordSource create(String id, String type, Path path, InstrumentSpec instrument, boolean follow,
                                      int barIntervalSeconds, Optional<String> timeZone, Optional<String> date) {
        ZoneId zone = timeZone.map(ZoneId::of).orElse(instrument.timeZone());
        return switch (type) {
            case "scid" -> new ScidTickSource(id, path, instrument, !follow, barIntervalSeconds);
            case "bar-export" -> new BarExportSource(id, path, instrument, zone, barIntervalSeconds);
            case "zones" -> new ZoneExportSource(id, path, instrument, zone);
            case "option-delta" -> new OptionDeltaSource(id, path, instrument.symbol(), zone, date.map(LocalDate::parse).orElse(null));
            default -> throw new IllegalArgumentException("source " + id + ": unknown type '" + type
                    + "'; expected scid, bar-export, zones or option-delta");
        };
    }
}
