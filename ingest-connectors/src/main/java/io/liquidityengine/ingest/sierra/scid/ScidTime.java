package io.liquidityengine.ingest.sierra.scid;

import java.time.Instant;

/** Conversions between Sierra Chart SCDateTimeMS (microseconds since 1899-12-30 00:00 UTC) and Unix time. */
public final class ScidTime {

    /** Microseconds from 1899-12-30 00:00 UTC to 1970-01-01 00:00 UTC (25,569 days). */
    public static final long SC_EPOCH_OFFSET_MICROS = 25_569L * 86_400L * 1_000_000L;

    private ScidTime() {
    }

    public static long toEpochMicros(long scDateTimeMicros) {
        return scDateTimeMicros - SC_EPOCH_OFFSET_MICROS;
    }

    public static long fromEpochMicros(long epochMicros) {
        return epochMicros + SC_EPOCH_OFFSET_MICROS;
    }

    public static Instant toInstant(long scDateTimeMicros) {
        long epochMicros = toEpochMicros(scDateTimeMicros);
        return Instant.ofEpochSecond(Math.floorDiv(epochMicros, 1_000_000L), Math.floorMod(epochMicros, 1_000_000L) * 1_000L);
    }

    public static long fromInstant(Instant instant) {
        return fromEpochMicros(Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000L));
    }
}
