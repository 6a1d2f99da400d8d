package io.liquidityengine.schemas;

import java.time.Instant;

/**
 * UTC microseconds since the epoch: the unit of every {@code timestamp-micros} field in the contracts,
 * and of event time in the domain code that adapters map those fields to.
 */
public final class Micros {

    private Micros() {
    }

    public static long of(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
    }

    public static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }
}
