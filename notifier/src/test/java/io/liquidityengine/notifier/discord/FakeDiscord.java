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
    private final int limit;
    static final String RESET_AFTER = "2.5";
    static final String BUCKET = "bucket-abc";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Discord's upload limit per message (no boosts). */
    static final int MAX_UPLOAD = 10 * 1024 * 1024;

    /** A file of an accepted multipart message: the message's payload_json, the part name, file name, type and bytes. */
    public record Upload(JsonNode payload, String part, String filename, String contentType, byte[] bytes) {
    }

    /** One part of a multipart/form-data body. */
    record Part(String name, String filename, String contentType, byte[] bytes) {
    }

    /** A scripted answer: status, JSON body, extra headers. */
    record Scripted(int status, String body, List<String[]> headers) {
    }

    private final HttpServer server;
    private final Deque<Scripted> script = new ArrayDeque<>();
    private final List<JsonNode> accepted = new ArrayList<>();
    private final List<Upload> uploads = new ArrayList<>();
    private final BlockingQueue<JsonNode> arrivals = new LinkedBlockingQueue<>();
    private int requests;
    private int inWindow;
    private long nextId = 1000;

    public FakeDiscord() throws IOException {
        this(LIMIT);
    }

    /** With a bucket of {@code limit} requests per {@link #RESET_AFTER} s (a long replay need not take minutes). */
    public FakeDiscord(int limit) throws IOException {
        this.limit = limit;
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

    /** The files of accepted multipart messages, in arrival order. */
    public synchronized List<Upload> uploads() {
        return List.copyOf(uploads);
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
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        List<Part> files = new ArrayList<>();
        JsonNode body;
        String invalid;
        if (type != null && type.startsWith("multipart/form-data")) {
            if (in.length > MAX_UPLOAD) {
                return new Scripted(413, "{\"message\": \"Request entity too large\", \"code\": 40005}", List.of());
            }
            List<Part> parts = parseMultipart(type, in);
            body = null;
            for (Part p : parts == null ? List.<Part>of() : parts) {
                if (p.name().equals("payload_json")) {
                    try {
                        body = JSON.readTree(p.bytes());
                    } catch (IOException e) {
                        body = null;
                    }
                } else if (p.name().matches("files\\[\\d+]") && p.filename() != null) {
                    files.add(p);
                }
            }
            invalid = parts == null ? "not multipart" : body == null ? "payload_json: not JSON" : invalidWithFiles(body, files);
        } else {
            try {
                body = JSON.readTree(in);
            } catch (IOException e) {
                body = null;
            }
            invalid = body == null ? "not JSON" : invalid(body);
        }
        if (invalid != null) {
            return new Scripted(400, "{\"code\": 50035, \"message\": \"Invalid Form Body\", \"errors\": {\"_errors\": [{\"code\": "
                    + "\"BASE_TYPE_BAD\", \"message\": \"" + invalid + "\"}]}}", List.of());
        }
        accepted.add(body);
        arrivals.add(body);
        for (Part f : files) {
            uploads.add(new Upload(body, f.name(), f.filename(), f.contentType(), f.bytes()));
        }
        int remaining = limit - 1 - inWindow;
        inWindow = remaining == 0 ? 0 : inWindow + 1;
        List<String[]> headers = List.of(new String[] {"X-RateLimit-Limit", String.valueOf(limit)},
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

    /** A message with files may have no content or embeds; each attachment id must name a files[n] part. */
    static String invalidWithFiles(JsonNode body, List<Part> files) {
        if (files.isEmpty()) {
            return invalid(body);
        }
        for (JsonNode a : body.path("attachments")) {
            String name = "files[" + a.path("id").asText() + "]";
            if (files.stream().noneMatch(f -> f.name().equals(name))) {
                return "attachments: unknown file " + name;
            }
        }
        String content = body.path("content").asText("");
        return content.isEmpty() && body.path("embeds").size() == 0 ? null : invalid(body);
    }

    /** Parses a multipart/form-data body (CRLF line ends, as RFC 7578); null when it is not well-formed. */
    static List<Part> parseMultipart(String contentType, byte[] in) {
        int at = contentType.indexOf("boundary=");
        if (at < 0) {
            return null;
        }
        String boundary = contentType.substring(at + "boundary=".length()).replace("\"", "").trim();
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
        List<Part> parts = new ArrayList<>();
        int pos = indexOf(in, delimiter, 0);
        if (pos != 0) {
            return null;
        }
        while (true) {
            pos += delimiter.length;
            if (pos + 2 <= in.length && in[pos] == '-' && in[pos + 1] == '-') {
                return parts; // closing delimiter
            }
            pos += 2; // CRLF after the delimiter
            int headersEnd = indexOf(in, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), pos);
            if (headersEnd < 0) {
                return null;
            }
            String headers = new String(in, pos, headersEnd - pos, StandardCharsets.UTF_8);
            int next = indexOf(in, ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII), headersEnd + 4);
            if (next < 0) {
                return null;
            }
            byte[] content = java.util.Arrays.copyOfRange(in, headersEnd + 4, next);
            String name = null;
            String filename = null;
            String type = null;
            for (String line : headers.split("\r\n")) {
                String lower = line.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("content-disposition:")) {
                    name = param(line, "name");
                    filename = param(line, "filename");
                } else if (lower.startsWith("content-type:")) {
                    type = line.substring("content-type:".length()).trim();
                }
            }
            if (name == null) {
                return null;
            }
            parts.add(new Part(name, filename, type, content));
            pos = next + 2;
        }
    }

    private static String param(String header, String key) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:^|[;\\s])" + key + "=\"([^\"]*)\"").matcher(header);
        return m.find() ? m.group(1) : null;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
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
