package io.liquidityengine.ingest.optiondelta;

import java.time.Instant;

/**
 * The first option-delta value of one minute.
 *
 * @param eventEpochMicros  start of the minute, microseconds since the Unix epoch (the event time)
 * @param value             the series value
 * @param sourceEpochMicros the row's own time (within that minute)
 */
public record OptionDeltaPoint(long eventEpochMicros, double value, long sourceEpochMicros) {

    public Instant eventTime() {
        return Instant.ofEpochSecond(Math.floorDiv(eventEpochMicros, 1_000_000L), Math.floorMod(eventEpochMicros, 1_000_000L) * 1_000L);
    }
}
