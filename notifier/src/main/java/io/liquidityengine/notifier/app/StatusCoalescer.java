package io.liquidityengine.notifier.app;

import io.liquidityengine.notifier.message.Notification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Coalesces statuses on wall time, so a fast replay does not flood a channel: per instrument, a status
 * is posted when at least {@code interval} of wall time has passed since the last one posted;
 * otherwise it replaces the instrument's pending status, which {@link #due(long)} releases once the
 * interval has passed. An interval of zero posts every status. Times are {@link System#nanoTime()} values.
 */
public final class StatusCoalescer {

    private final long intervalNanos;
    private final Map<String, Long> lastPosted = new LinkedHashMap<>();
    private final Map<String, Notification> pending = new LinkedHashMap<>();

    public StatusCoalescer(Duration interval) {
        this.intervalNanos = interval.toNanos();
    }

    /** What to post now for this status: itself, or nothing (it is then pending). */
    public synchronized List<Notification> offer(String instrument, Notification status, long now) {
        Long last = lastPosted.get(instrument);
        if (intervalNanos == 0 || last == null || now - last >= intervalNanos) {
            pending.remove(instrument);
            lastPosted.put(instrument, now);
            return List.of(status);
        }
        pending.put(instrument, status);
        return List.of();
    }

    /** The pending statuses whose interval has passed, removed from pending. */
    public synchronized List<Notification> due(long now) {
        List<Notification> out = new ArrayList<>();
        pending.entrySet().removeIf(e -> {
            if (now - lastPosted.get(e.getKey()) >= intervalNanos) {
                out.add(e.getValue());
                lastPosted.put(e.getKey(), now);
                return true;
            }
            return false;
        });
        return out;
    }
}
