package io.liquidityengine.notifier.app;

import io.liquidityengine.notifier.message.Notification;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code notifier.*}: webhooks (URL from the environment or a file) with the event kinds each receives. */
@ConfigMapping(prefix = "notifier")
public interface NotifierConfig {

    /** Webhooks by name; e.g. {@code notifier.webhooks.fills.url} or {@code NOTIFIER_WEBHOOKS_FILLS_URL}. */
    Map<String, WebhookConfig> webhooks();

    /** Prefix of the consumer groups, one per channel: {@code <group-id>-<channel>} (used in application.properties). */
    @WithDefault("notifier")
    String groupId();

    /**
     * The delivery log ({@link DeliveryLog}): what was posted per topic-partition, so a restart after a
     * SIGKILL re-posts at most the post in flight. Unset: kept in memory only.
     */
    Optional<String> stateFile();

    /** Print every notification as one console line too. */
    @WithDefault("true")
    boolean console();

    /** Seconds per base bar, to turn the bias's bars since extension into seconds. */
    @WithDefault("5")
    int baseBarSeconds();

    /**
     * Wall time between two posted statuses of one instrument; statuses in between are coalesced to the
     * last one. 0 posts every minutely status (live trading); set e.g. 5m for replays and backtests.
     */
    @WithDefault("0s")
    Duration statusInterval();

    /**
     * Append every minutely status (uncoalesced) to this file as one line with its event time; unset: no
     * file. With {@link #statusPost()} false, statuses go to the file and the console only.
     */
    Optional<String> statusFile();

    /** Post statuses to the webhooks whose events include STATUS (coalesced by {@link #statusInterval()}). */
    @WithDefault("true")
    boolean statusPost();

    @WithDefault("liquidity-engine")
    String username();

    Delivery delivery();

    Charts charts();

    /** The hourly and session-close charts ({@code notifier.charts.*}, {@code notifier.charts-dir}). */
    interface Charts {
        /** Draw charts at all. */
        @WithDefault("true")
        boolean enabled();

        /** The daily session close, local time in {@link #zone()}, of instruments without a ref.instruments record. */
        @WithDefault("16:00")
        java.time.LocalTime sessionClose();

        /** The zone of {@link #sessionClose()} and of the time axis for instruments without a ref.instruments record. */
        @WithDefault("America/New_York")
        java.time.ZoneId zone();

        /**
         * Hold each chart until every account's exec.market-clock has reached its end (the execution sink
         * in lockstep publishes fills after the signals); off when the sink runs live (no market clock).
         */
        @WithDefault("false")
        boolean waitForMarketClock();

        /**
         * Wall time every chart input must stay consumed to its end, with nothing new, before a session
         * whose last bar ends within {@link #idleCloseWindow()} of its close gets its session-close chart
         * (data that stops short of the close). 0s: only when a bar reaches the close.
         */
        @WithDefault("60s")
        java.time.Duration idleClose();

        /** See {@link #idleClose()}. */
        @WithDefault("15m")
        java.time.Duration idleCloseWindow();
    }

    /** A directory the chart PNGs are written to (console mode; e.g. target/demo/charts); unset: not written. */
    Optional<String> chartsDir();

    interface WebhookConfig {
        /** The webhook URL; secret (it carries the token). */
        Optional<String> url();

        /** A file holding the webhook URL (first line), instead of {@link #url()}. */
        Optional<String> urlFile();

        /** Event kinds posted to this webhook. */
        @WithDefault("BIAS_FLIP,STATUS,PLAN,REJECTED_DECISION,FILL,POSITION_CLOSED,DEAD_LETTER,CHART")
        Set<Notification.Kind> events();
    }

    interface Delivery {
        @WithDefault("10s")
        Duration requestTimeout();

        @WithDefault("6")
        int maxAttempts();

        @WithDefault("500ms")
        Duration initialBackoff();

        @WithDefault("30s")
        Duration maxBackoff();

        @WithDefault("20")
        int maxRateLimited();
    }
}
