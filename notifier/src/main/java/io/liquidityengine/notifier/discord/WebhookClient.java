package io.liquidityengine.notifier.discord;

import com.fasterxml.jackson.databind.JsonNode;
import io.liquidityengine.notifier.message.Notification;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Posts messages to Discord webhooks like a well-behaved client:
 * <ul>
 *   <li>every message is first fitted to Discord's limits ({@link Limits});</li>
 *   <li>per-bucket rate limits from {@code X-RateLimit-Bucket}, {@code -Remaining} and {@code -Reset-After}:
 *       when a bucket is exhausted the next request to it waits for its reset;</li>
 *   <li>a 429 waits the body's {@code retry_after} (or {@code Retry-After}), for every route when
 *       {@code global} is true (or {@code X-RateLimit-Global} is set), else for its route, then retries;
 *       after {@link Settings#maxRateLimited()} 429s in a row the message is dead-lettered;</li>
 *   <li>5xx, timeouts and I/O errors are retried with exponential backoff capped at
 *       {@link Settings#maxBackoff()}, at most {@link Settings#maxAttempts()} attempts, then dead-lettered;</li>
 *   <li>any other 4xx is logged with Discord's error body, counted and dead-lettered at once, never retried.</li>
 * </ul>
 * Webhook URLs are never logged: everything logged passes through {@link Redaction}. One thread at a time.
 */
public final class WebhookClient {

    private static final Logger LOG = Logger.getLogger(WebhookClient.class.getName());

    /** Retry settings. */
    public record Settings(Duration requestTimeout, int maxAttempts, Duration initialBackoff, Duration maxBackoff,
                           int maxRateLimited, boolean waitForMessage) {

        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(10), 6, Duration.ofMillis(500), Duration.ofSeconds(30), 20, false);
        }
    }

    /** Waits; real time in the service, simulated time in tests. */
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    /** The outcome of one message part. */
    public enum Outcome { DELIVERED, DEAD_LETTERED }

    /** The outcome of a message: one entry per part Discord received (or that was dead-lettered), plus ids with wait=true. */
    public record Result(List<Outcome> parts, List<String> messageIds) {
        public boolean delivered() {
            return parts.stream().allMatch(o -> o == Outcome.DELIVERED);
        }
    }

    private final HttpClient http;
    private final Settings settings;
    private final Sleeper sleeper;
    private final LongSupplier nanos;
    private final DeadLetterSink deadLetters;
    private final String username;

    private final Map<String, String> bucketByRoute = new HashMap<>();
    private final Map<String, Bucket> buckets = new HashMap<>();
    private long globalUntil = Long.MIN_VALUE;
    private volatile DeliveryListener listener = DeliveryListener.NONE;

    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong rateLimited = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();

    private static final class Bucket {
        long remaining = 1;
        long resetAt = Long.MIN_VALUE;
    }

    public WebhookClient(HttpClient http, Settings settings, Sleeper sleeper, LongSupplier nanos, DeadLetterSink deadLetters,
                         String username) {
        this.http = http;
        this.settings = settings;
        this.sleeper = sleeper;
        this.nanos = nanos;
        this.deadLetters = deadLetters;
        this.username = username;
    }

    /** A client on real time. */
    public static WebhookClient create(Settings settings, DeadLetterSink deadLetters, String username) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(settings.requestTimeout()).build();
        return new WebhookClient(http, settings, d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000),
                System::nanoTime, deadLetters, username);
    }

    /** Tells {@code listener} how every part ends, every 429 and every retry (metrics). */
    public WebhookClient listener(DeliveryListener listener) {
        this.listener = listener;
        return this;
    }

    /** Posts {@code n} (split as {@link Limits} says) and returns once each part was delivered or dead-lettered. */
    public Result post(Webhook webhook, Notification n) throws InterruptedException {
        List<Notification> parts = Limits.fit(n);
        java.util.ArrayList<Outcome> outcomes = new java.util.ArrayList<>();
        java.util.ArrayList<String> ids = new java.util.ArrayList<>();
        for (Notification part : parts) {
            Optional<String> id = send(webhook, part);
            if (id == null) {
                outcomes.add(Outcome.DEAD_LETTERED);
            } else {
                outcomes.add(Outcome.DELIVERED);
                id.ifPresent(ids::add);
            }
        }
        return new Result(List.copyOf(outcomes), List.copyOf(ids));
    }

    /**
     * Posts one part that is already within the limits (from {@link Limits#fit}); returns when it was
     * delivered or dead-lettered: the message id (empty without wait=true) when delivered, null when dead-lettered.
     */
    public Optional<String> send(Webhook webhook, Notification part) throws InterruptedException {
        String body = DiscordJson.body(part, username);
        String route = webhook.url().getPath();
        URI uri = settings.waitForMessage() ? withWait(webhook.url()) : webhook.url();
        String contentType = "application/json";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (part.attachment() != null) {
            String boundary = Multipart.boundary(part.attachment().bytes());
            contentType = "multipart/form-data; boundary=" + boundary;
            bytes = Multipart.body(boundary, body, part.attachment());
        }
        int failures = 0;
        int limited = 0;
        while (true) {
            waitForLimits(route);
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(settings.requestTimeout())
                    .header("Content-Type", contentType)
                    .header("User-Agent", "DiscordBot (https://github.com/liquidity-engine, 0.1) liquidity-engine-notifier")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                failures++;
                String reason = "I/O error " + e.getClass().getSimpleName() + ": " + Redaction.redact(String.valueOf(e.getMessage()));
                if (failures >= settings.maxAttempts()) {
                    return drop(webhook, part, body, reason + " after " + failures + " attempts", DeliveryListener.Outcome.FAILED);
                }
                backoff(webhook, failures, reason);
                continue;
            }
            int status = response.statusCode();
            updateBucket(route, response);
            if (status >= 200 && status < 300) {
                delivered.incrementAndGet();
                listener.posted(webhook, part.kind(), DeliveryListener.Outcome.DELIVERED);
                return status == 200 ? messageId(response.body()) : Optional.empty();
            }
            if (status == 429) {
                rateLimited.incrementAndGet();
                listener.rateLimited(webhook, global(response));
                limited++;
                if (limited > settings.maxRateLimited()) {
                    return drop(webhook, part, body, "HTTP 429 " + limited + " times in a row: " + Redaction.redact(response.body()),
                            DeliveryListener.Outcome.FAILED);
                }
                onRateLimited(webhook, route, response);
                continue;
            }
            if (status >= 500) {
                failures++;
                String reason = "HTTP " + status + " " + Redaction.redact(response.body());
                if (failures >= settings.maxAttempts()) {
                    return drop(webhook, part, body, reason + " after " + failures + " attempts", DeliveryListener.Outcome.FAILED);
                }
                backoff(webhook, failures, reason);
                continue;
            }
            rejected.incrementAndGet();
            String reason = "HTTP " + status + " " + Redaction.redact(response.body());
            LOG.log(Level.WARNING, () -> "Discord rejected a " + part.kind() + " message for webhook " + webhook + ": " + reason);
            return drop(webhook, part, body, reason, DeliveryListener.Outcome.REJECTED);
        }
    }

    private Optional<String> drop(Webhook webhook, Notification part, String body, String reason, DeliveryListener.Outcome outcome) {
        deadLettered.incrementAndGet();
        listener.posted(webhook, part.kind(), outcome);
        LOG.log(Level.WARNING, () -> "dead-lettering a " + part.kind() + " message for webhook " + webhook + ": " + reason);
        deadLetters.deadLetter(webhook, part, body, reason);
        return null;
    }

    private void backoff(Webhook webhook, int failures, String reason) throws InterruptedException {
        retried.incrementAndGet();
        listener.retried(webhook);
        long initial = settings.initialBackoff().toNanos();
        long max = settings.maxBackoff().toNanos();
        long wait = failures - 1 >= 62 || initial << (failures - 1) <= 0 ? max : Math.min(max, initial << (failures - 1));
        Duration d = Duration.ofNanos(wait);
        LOG.log(Level.INFO, () -> "webhook " + webhook + ": " + reason + "; retry " + failures + " in " + d.toMillis() + " ms");
        sleeper.sleep(d);
    }

    private void onRateLimited(Webhook webhook, String route, HttpResponse<String> response) throws InterruptedException {
        double retryAfter = -1;
        boolean global = response.headers().firstValue("X-RateLimit-Global").map(Boolean::parseBoolean).orElse(false);
        try {
            JsonNode json = DiscordJson.MAPPER.readTree(response.body());
            if (json != null && json.has("retry_after")) {
                retryAfter = json.get("retry_after").asDouble();
            }
            if (json != null && json.path("global").asBoolean(false)) {
                global = true;
            }
        } catch (IOException | RuntimeException e) {
            // not JSON: fall back to the header
        }
        if (retryAfter < 0) {
            retryAfter = response.headers().firstValue("Retry-After").map(Double::parseDouble).orElse(1.0);
        }
        long until = nanos.getAsLong() + (long) Math.ceil(retryAfter * 1e9);
        if (global) {
            globalUntil = Math.max(globalUntil, until);
        } else {
            Bucket b = buckets.computeIfAbsent(bucketByRoute.getOrDefault(route, route), k -> new Bucket());
            b.remaining = 0;
            b.resetAt = Math.max(b.resetAt, until);
        }
        boolean g = global;
        double r = retryAfter;
        LOG.log(Level.INFO, () -> "webhook " + webhook + " rate limited (" + (g ? "global" : "route") + "), retry after " + r + " s");
        sleeper.sleep(Duration.ofNanos(Math.max(0, until - nanos.getAsLong())));
    }

    /** Whether a 429 is global: {@code X-RateLimit-Global} or the body's {@code global}. */
    private static boolean global(HttpResponse<String> response) {
        if (response.headers().firstValue("X-RateLimit-Global").map(Boolean::parseBoolean).orElse(false)) {
            return true;
        }
        try {
            JsonNode json = DiscordJson.MAPPER.readTree(response.body());
            return json != null && json.path("global").asBoolean(false);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private void waitForLimits(String route) throws InterruptedException {
        long now = nanos.getAsLong();
        long until = globalUntil;
        Bucket b = buckets.get(bucketByRoute.getOrDefault(route, route));
        if (b != null && b.remaining <= 0) {
            until = Math.max(until, b.resetAt);
        }
        if (until > now) {
            sleeper.sleep(Duration.ofNanos(until - now));
        }
        if (b != null && b.remaining <= 0 && nanos.getAsLong() >= b.resetAt) {
            b.remaining = 1;
        }
    }

    private void updateBucket(String route, HttpResponse<?> response) {
        Optional<String> id = response.headers().firstValue("X-RateLimit-Bucket");
        Optional<String> remaining = response.headers().firstValue("X-RateLimit-Remaining");
        Optional<String> resetAfter = response.headers().firstValue("X-RateLimit-Reset-After");
        if (id.isEmpty() || remaining.isEmpty() || resetAfter.isEmpty()) {
            return;
        }
        try {
            String key = id.get();
            bucketByRoute.put(route, key);
            Bucket b = buckets.computeIfAbsent(key, k -> new Bucket());
            b.remaining = Long.parseLong(remaining.get().trim());
            b.resetAt = nanos.getAsLong() + (long) Math.ceil(Double.parseDouble(resetAfter.get().trim()) * 1e9);
        } catch (NumberFormatException e) {
            LOG.log(Level.FINE, () -> "ignoring unreadable rate-limit headers: " + e.getMessage());
        }
    }

    private static Optional<String> messageId(String body) {
        try {
            JsonNode json = DiscordJson.MAPPER.readTree(body);
            return json != null && json.hasNonNull("id") ? Optional.of(json.get("id").asText()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static URI withWait(URI url) {
        String s = url.toString();
        return URI.create(s + (url.getQuery() == null ? "?" : "&") + "wait=true");
    }

    public long delivered() {
        return delivered.get();
    }

    public long rateLimited() {
        return rateLimited.get();
    }

    public long retried() {
        return retried.get();
    }

    public long rejected() {
        return rejected.get();
    }

    public long deadLettered() {
        return deadLettered.get();
    }
}
