package io.liquidityengine.notifier.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.time.Duration;

/**
 * A loopback HTTP server that behaves like Discord's Execute Webhook endpoint for one webhook
 * ({@code /api/webhooks/123456/<token>}): validates the body against the documented limits (400 with
 * code 50035 when invalid), answers 204 (200 with the message object when {@code wait=true}), sends
 * {@code X-RateLimit-*} headers for a bucket of {@link #LIMIT} requests per {@link #RESET_AFTER}
 * seconds, 404 with code 10015 for any other webhook, and answers scripted 429s and 5xx when told to.
 */
public final class FakeDiscord implements AutoCloseable {

    public static final String TOKEN = "SeCrEtToKeN-abc_123";
    static final int LIMIT = 5;
    static final String RESET_AFTER = "2.5";
    static final String BUCKET = "bucket-abc";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A scripted answer: status, JSON body, extra headers. */
    record Scripted(int status, String body, List<String[]> headers) {
    }

    private final HttpServer server;
    private final Deque<Scripted> script = new ArrayDeque<>();
    private final List<JsonNode> accepted = new ArrayList<>();
    private final BlockingQueue<JsonNode> arrivals = new LinkedBlockingQueue<>();
    private int requests;
    private int inWindow;
    private long nextId = 1000;

    public FakeDiscord() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/webhooks/", this::handle);
        server.start();
    }

    public URI webhookUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/webhooks/123456/" + TOKEN);
    }

    public synchronized void rateLimitNext(double retryAfter, boolean global) {
        List<String[]> headers = new ArrayList<>();
        headers.add(new String[] {"Retry-After", String.valueOf((long) Math.ceil(retryAfter))});
        headers.add(new String[] {"X-RateLimit-Scope", global ? "global" : "user"});
        if (global) {
            headers.add(new String[] {"X-RateLimit-Global", "true"});
        }
        script.add(new Scripted(429, "{\"message\": \"You are being rate limited.\", \"retry_after\": " + retryAfter
                + ", \"global\": " + global + "}", headers));
    }

    /** The next accepted message body, waiting at most {@code timeout}; null when none arrived in time. */
    public JsonNode nextAccepted(Duration timeout) throws InterruptedException {
        return arrivals.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next request is refused with 400 and Discord's "Invalid Form Body" error (code 50035), whatever it holds. */
    public synchronized void refuseNext() {
        script.add(new Scripted(400, "{\"code\": 50035, \"message\": \"Invalid Form Body\", \"errors\": {\"content\": "
                + "{\"_errors\": [{\"code\": \"BASE_TYPE_BAD_LENGTH\", \"message\": \"Must be 2000 or fewer in length.\"}]}}}", List.of()));
    }

    synchronized void failNext(int status, int times) {
        for (int i = 0; i < times; i++) {
            script.add(new Scripted(status, "{\"message\": \"Internal Server Error\", \"code\": 0}", List.of()));
        }
    }

    public synchronized List<JsonNode> accepted() {
        return List.copyOf(accepted);
    }

    public synchronized int requests() {
        return requests;
    }

    private void handle(HttpExchange ex) throws IOException {
        byte[] in = ex.getRequestBody().readAllBytes();
        Scripted answer;
        synchronized (this) {
            requests++;
            answer = answer(ex, in);
        }
        for (String[] h : answer.headers()) {
            ex.getResponseHeaders().add(h[0], h[1]);
        }
        byte[] out = answer.body() == null ? null : answer.body().getBytes(StandardCharsets.UTF_8);
        if (out != null) {
            ex.getResponseHeaders().add("Content-Type", "application/json");
        }
        ex.sendResponseHeaders(answer.status(), out == null ? -1 : out.length);
        if (out != null) {
            try (OutputStream os = ex.getResponseBody()) {
                os.write(out);
            }
        }
        ex.close();
    }

    private Scripted answer(HttpExchange ex, byte[] in) {
        String path = ex.getRequestURI().getPath();
        if (!"POST".equals(ex.getRequestMethod()) || !path.equals("/api/webhooks/123456/" + TOKEN)) {
            return new Scripted(404, "{\"message\": \"Unknown Webhook\", \"code\": 10015}", List.of());
        }
        if (!script.isEmpty()) {
            return script.poll();
        }
        JsonNode body;
        try {
            body = JSON.readTree(in);
        } catch (IOException e) {
            body = null;
        }
        String invalid = body == null ? "not JSON" : invalid(body);
        if (invalid != null) {
            return new Scripted(400, "{\"code\": 50035, \"message\": \"Invalid Form Body\", \"errors\": {\"_errors\": [{\"code\": "
                    + "\"BASE_TYPE_BAD\", \"message\": \"" + invalid + "\"}]}}", List.of());
        }
        accepted.add(body);
        arrivals.add(body);
        int remaining = LIMIT - 1 - inWindow;
        inWindow = remaining == 0 ? 0 : inWindow + 1;
        List<String[]> headers = List.of(new String[] {"X-RateLimit-Limit", String.valueOf(LIMIT)},
                new String[] {"X-RateLimit-Remaining", String.valueOf(remaining)},
                new String[] {"X-RateLimit-Reset-After", RESET_AFTER},
                new String[] {"X-RateLimit-Bucket", BUCKET});
        boolean wait = ex.getRequestURI().getQuery() != null && ex.getRequestURI().getQuery().contains("wait=true");
        if (!wait) {
            return new Scripted(204, null, headers);
        }
        String message = "{\"id\": \"" + (nextId++) + "\", \"type\": 0, \"content\": " + (body.has("content") ? body.get("content").toString() : "\"\"")
                + ", \"embeds\": " + (body.has("embeds") ? body.get("embeds").toString() : "[]") + "}";
        return new Scripted(200, message, headers);
    }

    /** Discord's documented limits; null when the body is valid. */
    static String invalid(JsonNode body) {
        String content = body.path("content").asText("");
        JsonNode embeds = body.path("embeds");
        if (content.isEmpty() && embeds.size() == 0) {
            return "Cannot send an empty message";
        }
        if (content.length() > 2000) {
            return "content: Must be 2000 or fewer in length.";
        }
        if (embeds.size() > 10) {
            return "embeds: Must be 10 or fewer in length.";
        }
        int total = 0;
        for (JsonNode e : embeds) {
            total += e.path("title").asText("").length() + e.path("description").asText("").length()
                    + e.path("footer").path("text").asText("").length();
            if (e.path("title").asText("").length() > 256 || e.path("description").asText("").length() > 4096
                    || e.path("footer").path("text").asText("").length() > 2048) {
                return "embed text too long";
            }
            if (e.has("color") && (e.get("color").asLong() < 0 || e.get("color").asLong() > 0xFFFFFF)) {
                return "embeds.0.color: int value should be less than or equal to 16777215.";
            }
            if (e.path("fields").size() > 25) {
                return "embeds.0.fields: Must be 25 or fewer in length.";
            }
            for (JsonNode f : e.path("fields")) {
                String name = f.path("name").asText("");
                String value = f.path("value").asText("");
                if (name.isEmpty() || value.isEmpty() || name.length() > 256 || value.length() > 1024) {
                    return "embeds.0.fields: invalid field";
                }
                total += name.length() + value.length();
            }
        }
        return total > 6000 ? "embeds: Embed size exceeds maximum size of 6000" : null;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
