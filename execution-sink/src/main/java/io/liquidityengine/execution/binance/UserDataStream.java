package io.liquidityengine.execution.binance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An account's user data stream: a listen key ({@code POST /api/v3/userDataStream}, kept alive with
 * {@code PUT} every {@code keepalive}), the websocket {@code <ws-url>/ws/<listenKey>}, and every event handed
 * to {@code onEvent} in the order received (on the websocket's thread). A closed or failed connection is
 * opened again (a new listen key, backoff 1, 2, 4 .. 30 s) and {@code onReconnected} runs, so the broker
 * reconciles what it missed. Closing deletes the listen key.
 */
final class UserDataStream implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UserDataStream.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BinanceRest rest;
    private final URI wsBase;
    private final Duration keepalive;
    private final String account;
    private final Consumer<JsonNode> onEvent;
    private final Runnable onReconnected;
    private final ScheduledExecutorService timer;
    private volatile WebSocket ws;
    private volatile String listenKey;
    private volatile boolean closed;
    private long received;
    private int failures;
    private volatile int reconnects;

    UserDataStream(BinanceRest rest, URI wsBase, Duration keepalive, String account, Consumer<JsonNode> onEvent, Runnable onReconnected) {
        this.rest = rest;
        this.wsBase = wsBase;
        this.keepalive = keepalive;
        this.account = account;
        this.onEvent = onEvent;
        this.onReconnected = onReconnected;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "binance-user-data-" + account);
            t.setDaemon(true);
            return t;
        });
    }

    /** Opens the stream; returns once the websocket is open (fails after the request timeout). */
    void start() {
        connect();
        long every = keepalive.toMillis();
        timer.scheduleAtFixedRate(this::keepAlive, every, every, TimeUnit.MILLISECONDS);
    }

    private void connect() {
        listenKey = rest.keyed("POST", "/api/v3/userDataStream", Map.of()).get("listenKey").asText();
        try {
            ws = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(wsBase + "/ws/" + listenKey), new Listener())
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Binance broker of account " + account + ": cannot open the user data stream at " + wsBase, e);
        }
        failures = 0;
    }

    private void keepAlive() {
        try {
            rest.keyed("PUT", "/api/v3/userDataStream", Map.of("listenKey", listenKey));
        } catch (RuntimeException e) {
            LOG.warn("Binance broker of account {}: listen key keepalive failed: {}", account, e.getMessage());
        }
    }

    private void reconnect() {
        if (closed) {
            return;
        }
        long delay = Math.min(30_000, 1000L << Math.min(failures++, 5));
        LOG.warn("Binance broker of account {}: user data stream closed; reconnecting in {} ms", account, delay);
        timer.schedule(() -> {
            try {
                connect();
                LOG.info("Binance broker of account {}: user data stream open again; reconciling", account);
                onReconnected.run();
                reconnects++;
            } catch (RuntimeException e) {
                LOG.warn("Binance broker of account {}: reconnect failed: {}", account, e.getMessage());
                reconnect();
            }
        }, delay, TimeUnit.MILLISECONDS);
    }

    /** Times the stream was opened again after a close, its reconciliation queued. */
    int reconnects() {
        return reconnects;
    }

    /** The current listen key. */
    String listenKey() {
        return listenKey;
    }

    /** Events handed on so far. */
    synchronized long received() {
        return received;
    }

    /** Waits until {@code n} events have been handed on, at most {@code timeout}; returns whether they were. */
    synchronized boolean awaitReceived(long n, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (received < n) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    private synchronized void handed() {
        received++;
        notifyAll();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String frame = text.toString();
                text.setLength(0);
                try {
                    onEvent.accept(JSON.readTree(frame));
                } catch (Exception e) {
                    LOG.warn("Binance broker of account {}: unreadable user data event ({}): {}", account, e.getMessage(),
                            frame.length() > 200 ? frame.substring(0, 200) : frame);
                }
                handed();
            }
            w.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket w, ByteBuffer message) {
            w.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket w, int code, String reason) {
            if (w == ws) {
                reconnect();
            }
            return null;
        }

        @Override
        public void onError(WebSocket w, Throwable error) {
            LOG.warn("Binance broker of account {}: user data stream error: {}", account, error.toString());
            if (w == ws) {
                reconnect();
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
        WebSocket w = ws;
        if (w != null) {
            w.abort();
        }
        if (listenKey != null) {
            try {
                rest.keyed("DELETE", "/api/v3/userDataStream", Map.of("listenKey", listenKey));   // best effort: it expires anyway
            } catch (RuntimeException e) {
                LOG.debug("Binance broker of account {}: closing the listen key: {}", account, e.getMessage());
            }
        }
    }
}
