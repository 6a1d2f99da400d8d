package io.liquidityengine.exchangesim;

import java.time.Duration;

/**
 * The REST faults a simulator answers with on command: the next requests rate-limited (the venue's 429
 * with Retry-After), and, once asked, the ban for a client that comes back before a Retry-After has
 * passed (Binance's 418), which starts the wait again. Market thread only.
 */
final class RestFaults {

    /** How to answer a request. */
    enum Answer { SERVE, TOO_MANY_REQUESTS, BANNED }

    private final Duration retryAfter;
    private int rateLimited;
    private boolean banIfIgnored;
    private long retryAllowedNanos;
    private long bannedAnswers;
    private long rateLimitedAnswers;

    RestFaults(Duration retryAfter) {
        this.retryAfter = retryAfter;
    }

    void rateLimit(int n) {
        rateLimited += n;
    }

    void banIfRetryAfterIgnored() {
        banIfIgnored = true;
    }

    /** The answer to a request arriving at {@code nowNanos} ({@link System#nanoTime()}). */
    Answer next(long nowNanos) {
        if (banIfIgnored && nowNanos < retryAllowedNanos) {
            bannedAnswers++;
            retryAllowedNanos = nowNanos + retryAfter.toNanos();
            return Answer.BANNED;
        }
        if (rateLimited > 0) {
            rateLimited--;
            rateLimitedAnswers++;
            retryAllowedNanos = nowNanos + retryAfter.toNanos();
            return Answer.TOO_MANY_REQUESTS;
        }
        return Answer.SERVE;
    }

    long bannedAnswers() {
        return bannedAnswers;
    }

    long rateLimitedAnswers() {
        return rateLimitedAnswers;
    }
}
