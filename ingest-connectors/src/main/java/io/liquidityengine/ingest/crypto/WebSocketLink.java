package io.liquidityengine.ingest.crypto;

import io.liquidityengine.dtc.session.Backoff;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One websocket to a venue, kept up: connects (JDK {@link java.net.http.WebSocket}), hands every text
 * frame to a {@link Listener}, and on any loss (the server closes, an error, no frame at all for
 * {@code idleTimeout}, the connection reaching {@code maxConnectionAge} before the venue's 24-hour cut)
 * reconnects after a capped exponential backoff with jitter (the DTC session's {@link Backoff}).
 * Pings every {@code pingInterval}; the JDK answers the server's pings with pongs of the same payload.
 * Each connection has a number; what is sent and received names it, so nothing of an old connection
 * is mistaken for the new one's.
 */
public final class WebSocketLink implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebSocketLink.class);

    /** What the link reports, on its own threads. */
    public interface Listener {
        void onOpen(long connection);

        void onText(long connection, String text);

        void onClosed(long connection, String reason);
    }

    /**
     * @param idleTimeout      a connection without any frame (data, ping, pong) for this long is dead
     * @param maxConnectionAge reconnect when a connection is this old (the venues cut at 24 hours)
     */
    public record Settings(URI uri, Duration pingInterval, Duration idleTimeout, Duration maxConnectionAge, Duration backoffInitial,
                           Duration backoffMax, Duration connectTimeout) {
    }

    private final String name;
    private final Settings settings;
    private final Listener listener;
    private final HttpClient http;
    private final Backoff backoff;
    private final Thread thread;
    private volatile boolean closed;
    private volatile Connection current;

    /** One open websocket and what the supervisor watches of it. */
    private static final class Connection {
        final long id;
        final long openedNanos = System.nanoTime();
        final CompletableFuture<String> lost = new CompletableFuture<>();
        volatile long lastReceivedNanos = System.nanoTime();
        volatile boolean receivedText;
        volatile WebSocket ws;
        CompletableFuture<?> sending = CompletableFuture.completedFuture(null);

        Connection(long id) {
            this.id = id;
        }
    }

    public WebSocketLink(String name, Settings settings, Listener listener) {
        this.name = name;
        this.settings = settings;
        this.listener = listener;
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build();
        this.backoff = new Backoff(settings.backoffInitial(), settings.backoffMax(), new Random());
        this.thread = new Thread(this::run, "ws-" + name);
        this.thread.setDaemon(true);
    }

    public WebSocketLink start() {
        thread.start();
        return this;
    }

    /** Sends a text frame on {@code connection} if it is still the current one; false when it is gone. */
    public boolean send(long connection, String text) {
        Connection c = current;
        if (c == null || c.id != connection || c.ws == null) {
            return false;
        }
        synchronized (c) {
            // the JDK allows one outstanding send at a time
            c.sending = c.sending.thenCompose(x -> c.ws.sendText(text, true)).exceptionally(e -> null);
        }
        return true;
    }

    /** Drops {@code connection} (if current) and reconnects after the backoff. */
    public void reconnect(long connection, String reason) {
        Connection c = current;
        if (c != null && c.id == connection) {
            c.lost.complete(reason);
        }
    }

    @Override
    public void close() {
        closed = true;
        Connection c = current;
        if (c != null) {
            c.lost.complete("closing");
        }
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        long next = 1;
        while (!closed) {
            Connection c = new Connection(next++);
            try {
                // Frames.onOpen makes it current and tells the listener, before any frame can arrive
                http.newWebSocketBuilder().connectTimeout(settings.connectTimeout())
                        .buildAsync(settings.uri(), new Frames(c)).get(settings.connectTimeout().toMillis() + 1_000, TimeUnit.MILLISECONDS);
                String reason = supervise(c);
                current = null;
                c.ws.abort();
                LOG.info("{}: connection {} lost: {}", name, c.id, reason);
                listener.onClosed(c.id, reason);
            } catch (InterruptedException e) {
                break;
            } catch (Exception e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                LOG.warn("{}: cannot connect to {}: {}", name, settings.uri(), cause.toString());
            }
            if (c.receivedText) {
                backoff.reset(); // the connection worked; a reconnect is not a repeated failure
            }
            if (closed) {
                break;
            }
            Duration wait = backoff.next();
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                break;
            }
        }
        Connection c = current;
        if (c != null && c.ws != null) {
            c.ws.abort();
        }
    }

    /** Watches a connection until it is lost; returns why. */
    private String supervise(Connection c) throws InterruptedException {
        long pingNanos = settings.pingInterval().toNanos();
        // checks at least every second, and often enough for short limits (found by CryptoSourceFaultsTest: with
        // one-hour ping and idle settings a 300 ms age limit was checked every 15 minutes)
        long shortest = Math.min(settings.pingInterval().toMillis(), Math.min(settings.idleTimeout().toMillis(),
                settings.maxConnectionAge().toMillis()));
        long tick = Math.max(10, Math.min(1_000, shortest / 4));
        long nextPing = System.nanoTime() + pingNanos;
        while (true) {
            try {
                return c.lost.get(tick, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // checks below
            } catch (java.util.concurrent.ExecutionException e) {
                return e.getCause().toString();
            }
            long now = System.nanoTime();
            if (now - c.lastReceivedNanos > settings.idleTimeout().toNanos()) {
                return "nothing received for " + settings.idleTimeout();
            }
            if (now - c.openedNanos > settings.maxConnectionAge().toNanos()) {
                c.ws.sendClose(WebSocket.NORMAL_CLOSURE, "reconnecting");
                return "connection older than " + settings.maxConnectionAge() + " (the venue's connection limit)";
            }
            if (now >= nextPing) {
                nextPing = now + pingNanos;
                synchronized (c) {
                    c.sending = c.sending.thenCompose(x -> c.ws.sendPing(ByteBuffer.wrap("le".getBytes(StandardCharsets.US_ASCII))))
                            .exceptionally(x -> null);
                }
            }
        }
    }

    /** The JDK listener of one connection. */
    private final class Frames implements WebSocket.Listener {
        private final Connection c;
        private final StringBuilder text = new StringBuilder();

        Frames(Connection c) {
            this.c = c;
        }

        @Override
        public void onOpen(WebSocket ws) {
            c.ws = ws;
            current = c;
            LOG.info("{}: connected to {} (connection {})", name, settings.uri(), c.id);
            listener.onOpen(c.id);
            ws.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            c.lastReceivedNanos = System.nanoTime();
            text.append(data);
            if (last) {
                String frame = text.toString();
                text.setLength(0);
                c.receivedText = true;
                if (!c.lost.isDone()) {
                    listener.onText(c.id, frame);
                }
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            c.lastReceivedNanos = System.nanoTime();
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket ws, ByteBuffer message) {
            // the JDK sends the pong with the same payload itself
            c.lastReceivedNanos = System.nanoTime();
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket ws, ByteBuffer message) {
            c.lastReceivedNanos = System.nanoTime();
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            c.lost.complete("closed by the server (" + statusCode + (reason.isEmpty() ? "" : " " + reason) + ")");
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            c.lost.complete("error: " + error);
        }
    }
}
