package io.liquidityengine.notifier.app;

import io.liquidityengine.notifier.discord.DeliveryListener;
import io.liquidityengine.notifier.discord.Webhook;
import io.liquidityengine.notifier.message.Notification;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;

/**
 * The notifier's meters (Micrometer; Prometheus names on {@code /q/metrics}). Labels are bounded: the
 * webhook's configured name, the notification kind, the outcome, the 429's scope, the source topic.
 * <ul>
 *   <li>{@code notifier_webhook_posts_total{webhook,kind,outcome}}: message parts by how they ended
 *       (delivered, rejected = a 4xx other than 429, failed = retries or 429s exhausted);</li>
 *   <li>{@code notifier_webhook_rate_limited_total{webhook,scope}}: 429s, scope route or global;</li>
 *   <li>{@code notifier_webhook_retries_total{webhook}}: 5xx, timeouts and I/O errors retried;</li>
 *   <li>{@code notifier_dead_letters_total{kind}}: messages written to dlq.notifier;</li>
 *   <li>{@code notifier_delivery_lag_seconds{topic}} (count, sum, max): from a record's timestamp (its
 *       event time) to the end of its last post; a replay of old data shows the data's age.</li>
 * </ul>
 */
public final class NotifierMetrics implements DeliveryListener {

    private final MeterRegistry registry;

    public NotifierMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    private static String label(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public void posted(Webhook webhook, Notification.Kind kind, Outcome outcome) {
        Counter.builder("notifier.webhook.posts").description("Message parts posted to a webhook, by how they ended")
                .tag("webhook", webhook.name()).tag("kind", label(kind)).tag("outcome", label(outcome))
                .register(registry).increment();
    }

    @Override
    public void rateLimited(Webhook webhook, boolean global) {
        Counter.builder("notifier.webhook.rate.limited").description("HTTP 429 answers")
                .tag("webhook", webhook.name()).tag("scope", global ? "global" : "route").register(registry).increment();
    }

    @Override
    public void retried(Webhook webhook) {
        Counter.builder("notifier.webhook.retries").description("5xx, timeouts and I/O errors retried")
                .tag("webhook", webhook.name()).register(registry).increment();
    }

    /** A message written to dlq.notifier. */
    public void deadLettered(Notification.Kind kind) {
        Counter.builder("notifier.dead.letters").description("Messages written to dlq.notifier")
                .tag("kind", label(kind)).register(registry).increment();
    }

    /** The records of {@code topic} whose posts ended {@code lag} after their timestamp. */
    public void delivered(String topic, Duration lag) {
        Timer.builder("notifier.delivery.lag").description("From a record's timestamp to the end of its last webhook post")
                .tag("topic", topic).register(registry).record(lag.isNegative() ? Duration.ZERO : lag);
    }
}
