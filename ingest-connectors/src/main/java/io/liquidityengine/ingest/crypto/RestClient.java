package io.liquidityengine.ingest.crypto;

import io.liquidityengine.dtc.session.Backoff;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Random;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GETs of a venue's public REST API over the JDK's HTTP client, with the venues' rate-limit rules:
 * a 429 (or Binance's 418, an IP ban) waits the {@code Retry-After} it names (capped), else a capped
 * backoff, before one more try; 5xx and I/O errors retry with backoff; other answers fail at once.
 * Never more than {@code maxAttempts} requests for one call, one at a time: no retry storm.
 */
public final class RestClient {

    private static final Logger LOG = LoggerFactory.getLogger(RestClient.class);

    /** A successful answer. */
    public record Answer(String body, java.net.http.HttpHeaders headers) {
    }

    /** An answer that no retry would change (4xx other than 429). */
    public static final class Refused extends IOException {
        Refused(String message) {
            super(message);
        }
    }

    private final HttpClient http;
    private final Duration timeout;
    private final Duration maxWait;
    private final int maxAttempts;
    private final Consumer<Integer> onRateLimited;

    /**
     * @param maxWait       the longest wait before a retry (a Retry-After above it waits this long)
     * @param onRateLimited called with the status of every 429/418 answer (metrics)
     */
    public RestClient(Duration timeout, Duration maxWait, int maxAttempts, Consumer<Integer> onRateLimited) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.timeout = timeout;
        this.maxWait = maxWait;
        this.maxAttempts = maxAttempts;
        this.onRateLimited = onRateLimited;
    }

    public Answer get(URI uri) throws IOException {
        Backoff backoff = new Backoff(Duration.ofMillis(200), maxWait, new Random());
        String last = "";
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json").GET().build();
            Duration wait;
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    return new Answer(response.body(), response.headers());
                }
                last = "HTTP " + status + ": " + abbreviate(response.body());
                if (status == 429 || status == 418) {
                    onRateLimited.accept(status);
                    wait = retryAfter(response).orElseGet(backoff::next);
                    LOG.warn("{} answered {}; waiting {} ms before trying again", uri.getPath(), status, wait.toMillis());
                } else if (status >= 500) {
                    wait = backoff.next();
                } else {
                    throw new Refused(uri.getPath() + ": " + last);
                }
            } catch (IOException e) {
                if (e instanceof Refused) {
                    throw e;
                }
                last = e.toString();
                wait = backoff.next();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            if (attempt < maxAttempts) {
                sleep(wait.compareTo(maxWait) > 0 ? maxWait : wait);
            }
        }
        throw new IOException(uri.getPath() + ": no answer after " + maxAttempts + " attempts; last: " + last);
    }

    private static java.util.Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(v -> {
            try {
                return java.util.Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v.trim()))));
            } catch (NumberFormatException e) {
                return java.util.Optional.empty(); // an HTTP date: use the backoff
            }
        });
    }

    private static void sleep(Duration d) throws IOException {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
