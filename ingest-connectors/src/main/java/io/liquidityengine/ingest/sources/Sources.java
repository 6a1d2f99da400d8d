package io.liquidityengine.ingest.sources;

import io.liquidityengine.ingest.publish.RecordSource;
import io.liquidityengine.ingest.reference.InstrumentSpec;
import java.nio.file.Path;
import java.util.Optional;

/** Creates the record source for a configured source type. */
public final class Sources {

    private Sources() {
    }

    public static RecordSource create(String id, String type, Path path, InstrumentSpec instrument, boolean follow,
                                      int barIntervalSeconds, Optional<String> timeZone, Optional<String> date) {
        return switch (type) {
            case "scid" -> new ScidTickSource(id, path, instrument, !follow, barIntervalSeconds);
            default -> throw new IllegalArgumentException("source " + id + ": unknown type '" + type
                    + "'; expected scid, bar-export, zones or option-delta");
        };
    }
}
