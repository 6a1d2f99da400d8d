package io.liquidityengine.execution.binance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binance spot REST over {@code java.net.http}, one request at a time. SIGNED requests carry
 * {@code recvWindow}, {@code timestamp} (this machine's clock corrected by the offset learnt from
 * {@code GET /api/v3/time}) and the signature; parameters go in the query string for GET and DELETE and in
 * a form body for POST and PUT, as Binance documents. Limits: after every answer {@code X-MBX-USED-WEIGHT-1M}
 * is read, and once it reaches the configured limit the next request waits for the next minute; a 429 or 418
 * is waited out for its {@code Retry-After} and the request sent again (a 429/418 request was not processed,
 * so this never doubles an order), at most {@code maxTries} times; {@code -1021} (timestamp outside the
 * recvWindow) resynchronises the clock and sends again. Other errors are {@link ApiException}s with Binance's
 * code and message; no answer at all (timeout, connection lost) is an {@link UnknownOutcome}: the request may
 * or may not have been processed.
 */
final class BinanceRest {

    private static final Logger LOG = LoggerFactory.getLogger(BinanceRest.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How the transport waits (a test records the waits). */
    interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    /** An error answer: HTTP status, Binance code and message. */
    static final class ApiException extends RuntimeException {
        final int status;
        final int code;

        ApiException(int status, int code, String msg) {
            super("Binance " + code + ": " + msg);
            this.status = status;
            this.code = code;
        }
    }

    /** No answer: the request may have been processed or not. */
    static final class UnknownOutcome extends RuntimeException {
        UnknownOutcome(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final HttpClient http;
    private final URI base;
    private final String apiKey;
    private final BinanceSigner signer;
    private final BinanceBrokerConfig config;
    private final Pause pause;
    private long offsetMillis;
    private int usedWeight;
    private long requests;

    BinanceRest(BinanceBrokerConfig config, BinanceBrokerConfig.Credentials credentials, Pause pause) {
        this.config = config;
        this.base = config.restUrl();
        this.apiKey = credentials.apiKey();
        this.signer = new BinanceSigner(credentials.secret());
        this.pause = pause;
        this.http = HttpClient.newBuilder().connectTimeout(config.requestTimeout()).build();
    }

    /** Learns the offset of the venue's clock from this machine's (the midpoint of the request). */
    synchronized void syncTime() {
        long before = System.currentTimeMillis();
        JsonNode time = send("GET", "/api/v3/time", new LinkedHashMap<>(), false, false);
        long after = System.currentTimeMillis();
        offsetMillis = time.get("serverTime").asLong() - (before + after) / 2;
        LOG.debug("Binance clock offset {} ms", offsetMillis);
    }

    long offsetMillis() {
        return offsetMillis;
    }

    /** Requests sent so far (every try counts). */
    synchronized long requests() {
        return requests;
    }

    synchronized JsonNode signed(String method, String path, Map<String, String> params) {
        return send(method, path, params, true, true);
    }

    /** A request with the API key but no signature (the listen key's endpoints). */
    synchronized JsonNode keyed(String method, String path, Map<String, String> params) {
        return send(method, path, params, true, false);
    }

    private JsonNode send(String method, String path, Map<String, String> params, boolean withKey, boolean signed) {
        for (int attempt = 1; ; attempt++) {
            waitForWeight();
            String total = encode(params);
            if (signed) {
                total += (total.isEmpty() ? "" : "&") + "recvWindow=" + config.recvWindowMillis() + "&timestamp="
                        + (System.currentTimeMillis() + offsetMillis);
                total += "&signature=" + signer.sign(total);
            }
            boolean inBody = method.equals("POST") || method.equals("PUT");
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path + (inBody || total.isEmpty() ? "" : "?" + total)))
                    .timeout(config.requestTimeout())
                    .method(method, inBody ? HttpRequest.BodyPublishers.ofString(total) : HttpRequest.BodyPublishers.noBody());
            if (inBody) {
                b.header("Content-Type", "application/x-www-form-urlencoded");
            }
            if (withKey) {
                b.header("X-MBX-APIKEY", apiKey);
            }
            HttpResponse<String> response;
            requests++;
            try {
                response = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UnknownOutcome(method + " " + path + ": no answer (" + e + ")", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UnknownOutcome(method + " " + path + ": interrupted", e);
            }
            response.headers().firstValue("X-MBX-USED-WEIGHT-1M").ifPresent(w -> usedWeight = Integer.parseInt(w.trim()));
            int status = response.statusCode();
            JsonNode body = parse(response.body());
            if (status / 100 == 2) {
                return body;
            }
            int code = body.path("code").asInt(0);
            String msg = body.path("msg").asText(response.body());
            boolean limited = status == 429 || status == 418;
            if ((limited || code == -1021) && attempt < config.maxTries()) {
                if (limited) {
                    Duration wait = Duration.ofSeconds(response.headers().firstValue("Retry-After").map(v -> Long.parseLong(v.trim())).orElse(1L));
                    LOG.warn("Binance answered {} to {} {} ({}): waiting {} s as Retry-After says, then try {} of {}", status, method, path, msg,
                            wait.toSeconds(), attempt + 1, config.maxTries());
                    pauseFor(wait);
                } else {
                    LOG.warn("Binance: {} on {} {}; resynchronising the clock", msg, method, path);
                    syncTime();
                }
                continue;
            }
            throw new ApiException(status, code, msg);
        }
    }

    /** Once the minute's weight is used up, waits for the next minute of the venue's clock. */
    private void waitForWeight() {
        if (usedWeight < config.weightLimit()) {
            return;
        }
        long now = System.currentTimeMillis() + offsetMillis;
        Duration wait = Duration.ofMillis(60_000 - now % 60_000);
        LOG.warn("Binance request weight {} of {} used this minute: waiting {} ms", usedWeight, config.weightLimit(), wait.toMillis());
        pauseFor(wait);
        usedWeight = 0;
    }

    private void pauseFor(Duration wait) {
        try {
            pause.pause(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnknownOutcome("interrupted while waiting", e);
        }
    }

    private static JsonNode parse(String text) {
        try {
            return text == null || text.isEmpty() ? JSON.createObjectNode() : JSON.readTree(text);
        } catch (IOException e) {
            return JSON.createObjectNode().put("msg", text);
        }
    }

    static String encode(Map<String, String> params) {
        StringJoiner j = new StringJoiner("&");
        params.forEach((k, v) -> j.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return j.toString();
    }

    @Override
    public String toString() {
        return "BinanceRest[" + base + "]";
    }
}
