package io.liquidityengine.notifier.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidityengine.notifier.app.NotifierMetrics;
import io.liquidityengine.notifier.message.Notification;
import io.liquidityengine.notifier.message.Notification.Kind;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client's outcomes, 429s and retries, dead letters and delivery lag as Prometheus series (simulated waits). */
class DeliveryMetricsTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final NotifierMetrics metrics = new NotifierMetrics(registry);
    private FakeDiscord discord;
    private Webhook webhook;
    private WebhookClient client;

    @BeforeEach
    void start() throws Exception {
        discord = new FakeDiscord();
        webhook = new Webhook("trading", discord.webhookUrl());
        client = new WebhookClient(HttpClient.newHttpClient(), new WebhookClient.Settings(Duration.ofSeconds(5), 2, Duration.ofMillis(500),
                Duration.ofSeconds(30), 20, false), d -> now.addAndGet(d.toNanos()), now::get, (w, n, body, reason) -> metrics.deadLettered(n.kind()),
                "le-test").listener(metrics);
    }

    @AfterEach
    void stop() {
        discord.close();
    }

    @Test
    void postsByWebhookKindAndOutcome429sRetriesDeadLettersAndLagWithPrometheusNames() throws Exception {
        discord.rateLimitNext(0.5, false);
        discord.rateLimitNext(0.25, true);
        client.send(webhook, Notification.text(Kind.FILL, "fill a")); // 429, 429, 204
        discord.refuseNext();
        client.send(webhook, Notification.text(Kind.FILL, "fill b")); // 400: rejected
        discord.failNext(500, 2);
        client.send(webhook, Notification.text(Kind.STATUS, "status")); // 500, retried, 500: failed
        metrics.delivered("exec.reports", Duration.ofMillis(1500));
        metrics.delivered("exec.reports", Duration.ofMillis(500));

        // the simpleclient text format (0.0.4) ends label sets with a comma
        List<String> series = Arrays.stream(registry.scrape().split("\n")).filter(l -> l.startsWith("notifier_")).sorted().toList();

        assertThat(series).containsExactly(
                "notifier_dead_letters_total{kind=\"fill\",} 1.0",
                "notifier_dead_letters_total{kind=\"status\",} 1.0",
                "notifier_delivery_lag_seconds_count{topic=\"exec.reports\",} 2.0",
                "notifier_delivery_lag_seconds_max{topic=\"exec.reports\",} 1.5",
                "notifier_delivery_lag_seconds_sum{topic=\"exec.reports\",} 2.0",
                "notifier_webhook_posts_total{kind=\"fill\",outcome=\"delivered\",webhook=\"trading\",} 1.0",
                "notifier_webhook_posts_total{kind=\"fill\",outcome=\"rejected\",webhook=\"trading\",} 1.0",
                "notifier_webhook_posts_total{kind=\"status\",outcome=\"failed\",webhook=\"trading\",} 1.0",
                "notifier_webhook_rate_limited_total{scope=\"global\",webhook=\"trading\",} 1.0",
                "notifier_webhook_rate_limited_total{scope=\"route\",webhook=\"trading\",} 1.0",
                "notifier_webhook_retries_total{webhook=\"trading\",} 1.0");
        assertThat(registry.scrape()).contains("# TYPE notifier_webhook_posts_total counter", "# TYPE notifier_delivery_lag_seconds summary",
                "# TYPE notifier_delivery_lag_seconds_max gauge");
    }
}
