package io.liquidityengine.dtc.session;

import java.time.Duration;
import java.util.Random;

/**
 * Capped exponential backoff with jitter for reconnects: the n-th consecutive failure waits a random
 * time between half and all of {@code min(max, initial * 2^n)}, so clients that lost the same server
 * do not all come back at once. A successful logon resets it.
 */
public final class Backoff {

    private final Duration initial;
    private final Duration max;
    private final Random random;
    private int failures;

    public Backoff(Duration initial, Duration max, Random random) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max, got " + initial + " and " + max);
        }
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    /** The wait before the next attempt; each call counts one more failure. */
    public Duration next() {
        long ceiling = ceilingMillis(failures);
        failures = Math.min(failures + 1, 62);
        long half = ceiling / 2;
        return Duration.ofMillis(half + (long) (random.nextDouble() * (ceiling - half + 1)));
    }

    /** The upper bound of the wait after {@code failures} consecutive failures. */
    long ceilingMillis(int failures) {
        long millis = initial.toMillis();
        for (int i = 0; i < failures && millis < max.toMillis(); i++) {
            millis *= 2;
        }
        return Math.min(millis, max.toMillis());
    }

    public void reset() {
        failures = 0;
    }

    public int failures() {
        return failures;
    }
}
