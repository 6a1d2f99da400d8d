package io.liquidityengine.notifier.message;

import io.liquidityengine.schemas.deadletter.DeadLetter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Rate-limits dead-letter alerts by count, so a replay gives the same alerts: per dead-letter topic
 * and reason, the 1st, 10th, 100th, 1,000th ... dead letter is posted (with its count), the others
 * only counted. A burst of a million bad ticks gives seven messages, not a million. Not thread-safe.
 */
public final class DeadLetterAlerts {

    private final Map<String, Long> counts = new HashMap<>();

    public Optional<Notification> onDeadLetter(String topic, DeadLetter d) {
        long n = counts.merge(topic + "/" + d.getReason(), 1L, Long::sum);
        if (!isPowerOfTen(n)) {
            return Optional.empty();
        }
        Notification alert = Messages.deadLetter(topic, d);
        return Optional.of(n == 1 ? alert : Notification.text(alert.kind(),
                alert.content() + " [" + n + " " + d.getReason() + " dead letters on " + topic + " so far]"));
    }

    static boolean isPowerOfTen(long n) {
        while (n >= 10 && n % 10 == 0) {
            n /= 10;
        }
        return n == 1;
    }
}
