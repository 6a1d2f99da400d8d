package io.liquidityengine.notifier.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness of the chart feed (its own consumer, not a SmallRye channel, so the Kafka connector's checks
 * do not cover it): DOWN once its thread has stopped on a failure. The channels' readiness and liveness
 * come from SmallRye Reactive Messaging's Kafka connector.
 */
@Liveness
@ApplicationScoped
public class ChartFeedHealth implements HealthCheck {

    @Inject
    NotifierService service;

    @Override
    public HealthCheckResponse call() {
        var feed = service.chartFeed();
        if (feed == null) {
            return HealthCheckResponse.named("notifier-charts").up().withData("charts", "off").build();
        }
        Throwable failure = feed.failure();
        if (failure != null) {
            return HealthCheckResponse.named("notifier-charts").down().withData("failure", String.valueOf(failure)).build();
        }
        return HealthCheckResponse.named("notifier-charts").up().withData("records", feed.records()).build();
    }
}
