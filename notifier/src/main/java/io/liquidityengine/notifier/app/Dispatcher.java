package io.liquidityengine.notifier.app;

import io.liquidityengine.notifier.app.DeliveryLog.RecordPosition;
import io.liquidityengine.notifier.discord.Limits;
import io.liquidityengine.notifier.discord.Webhook;
import io.liquidityengine.notifier.discord.WebhookClient;
import io.liquidityengine.notifier.message.Notification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Routes notifications to the console and to every webhook configured for their kind, in order, one
 * post at a time. With a record position, each post (a message part to a webhook) is a numbered step
 * of that record in the {@link DeliveryLog}: steps posted before a restart are skipped.
 */
public final class Dispatcher {

    private final WebhookClient client;
    private final Map<Webhook, Set<Notification.Kind>> routes;
    private final Consumer<String> console;
    private final DeliveryLog log;
    private volatile NotifierMetrics metrics;

    /** {@code console} may be null (off). */
    public Dispatcher(WebhookClient client, Map<Webhook, Set<Notification.Kind>> routes, Consumer<String> console, DeliveryLog log) {
        this.client = client;
        this.routes = routes;
        this.console = console;
        this.log = log;
    }

    /** True when every step of the record at {@code pos} was done before (a restart re-reads it). */
    public boolean isFinished(RecordPosition pos) {
        return log.isFinished(pos);
    }

    /** Records the delivery lag of every record whose notifications were posted (null: none). */
    public Dispatcher metrics(NotifierMetrics metrics) {
        this.metrics = metrics;
        return this;
    }

    /** Posts notifications built from the record at {@code pos}; {@code pos} null: not logged (timer-driven statuses). */
    public void dispatch(RecordPosition pos, List<Notification> notifications) throws InterruptedException {
        dispatch(pos, null, notifications);
    }

    /**
     * As {@link #dispatch(RecordPosition, List)}; {@code recordTime} (the record's timestamp, may be null)
     * gives the delivery lag once anything was posted.
     */
    public synchronized void dispatch(RecordPosition pos, Instant recordTime, List<Notification> notifications) throws InterruptedException {
        boolean posted = false;
        int step = 0;
        for (Notification n : notifications) {
            if (console != null && (pos == null || !log.done(pos, step))) {
                console.accept(n.consoleLine());
            }
            for (Map.Entry<Webhook, Set<Notification.Kind>> route : routes.entrySet()) {
                if (!route.getValue().contains(n.kind())) {
                    continue;
                }
                for (Notification part : Limits.fit(n)) {
                    if (pos == null || !log.done(pos, step)) {
                        client.send(route.getKey(), part);
                        posted = true;
                        if (pos != null) {
                            log.posted(pos, step);
                        }
                    }
                    step++;
                }
            }
        }
        if (pos != null) {
            log.finished(pos);
        }
        if (posted && recordTime != null && metrics != null && pos != null) {
            metrics.delivered(pos.topic().startsWith("charts.") ? "charts" : pos.topic(), Duration.between(recordTime, Instant.now()));
        }
    }
}
