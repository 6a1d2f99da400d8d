package io.liquidityengine.ingest.publish;

/**
 * Replay speed: {@code 0} publishes as fast as possible (backfill), {@code N > 0} paces records at
 * N times real time from their own timestamps (1 = real time).
 */
public record Pacing(double speed) {

    public static final Pacing AS_FAST_AS_POSSIBLE = new Pacing(0);

    public Pacing {
        if (speed < 0 || Double.isNaN(speed)) {
            throw new IllegalArgumentException("replay speed must be 0 (as fast as possible) or a positive multiple of real time, got " + speed);
        }
    }

    public boolean paced() {
        return speed > 0;
    }

    /** Wall-clock nanoseconds after the start at which a record {@code eventMicros - firstEventMicros} into the replay is due. */
    public long dueNanos(long firstEventMicros, long eventMicros) {
        return (long) ((eventMicros - firstEventMicros) * 1_000.0 / speed);
    }
}
