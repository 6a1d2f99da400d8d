package io.liquidityengine.exchangesim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.ServerWebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An exchange on loopback, for tests and the demo: one HTTP port serves the venue's websocket market
 * data (recorded frames replayed, on command or at N x their recorded pace) and its REST trade history
 * (every trade released so far, also those no client saw). The market goes on whether anyone listens:
 * a client that is disconnected misses what is released meanwhile and must fetch it over REST.
 *
 * <p>Faults on command: {@link #dropConnections()}, {@link #skipTrades} (trades printed but not sent
 * over the websocket), {@link #rateLimit} (the next REST requests answered 429). Venue rules: pings
 * every {@code pingInterval}, a connection without a pong for {@code pongTimeout} is closed, as is one
 * older than {@code maxConnectionAge} (the 24-hour limit). The venue subclasses know the wire formats;
 * everything else runs on one "market" thread, so state needs no locks and frames keep their order.
 * Order entry, when it comes, is one more set of REST routes in a venue subclass.
 */
public abstract class ExchangeSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ExchangeSimulator.class);
    protected static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Venue rules of the simulator.
     *
     * @param retryAfter the {@code Retry-After} of a 429 answer (whole seconds on the wire)
     */
    public record Settings(Duration pingInterval, Duration pongTimeout, Duration maxConnectionAge, Duration subscribeDeadline,
                           Duration retryAfter) {

        /** The venues' documented values: ping every 20 s, one minute to answer, 24 hours per connection, 5 s to subscribe. */
        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(20), Duration.ofMinutes(1), Duration.ofHours(24), Duration.ofSeconds(5),
                    Duration.ofSeconds(1));
        }

        public Settings withPings(Duration interval, Duration timeout) {
            return new Settings(interval, timeout, maxConnectionAge, subscribeDeadline, retryAfter);
        }

        public Settings withMaxConnectionAge(Duration age) {
            return new Settings(pingInterval, pongTimeout, age, subscribeDeadline, retryAfter);
        }
    }

    /** A trade in a frame: the symbol, its id and the form the REST history answers with. */
    protected record TradeRef(String symbol, long id, ObjectNode restForm) {
    }

    /** How the venue reads a recorded frame: the stream it belongs to (null: not replayed) and its trade, if any. */
    protected record Classified(String stream, String historyKey, TradeRef trade) {
    }

    /** A frame of the tape, classified once. */
    protected record TapeFrame(String text, long receivedMicros, JsonNode json, Classified kind) {
    }

    /** A client's websocket connection. */
    protected final class Connection {
        final long id;
        final ServerWebSocket ws;
        final String path;
        final String query;
        final Set<String> streams = new LinkedHashSet<>();
        final long openedNanos = System.nanoTime();
        boolean subscribed;
        boolean raw;
        long pingSentNanos;
        boolean pingOutstanding;
        boolean closed;

        Connection(long id, ServerWebSocket ws) {
            this.id = id;
            this.ws = ws;
            this.path = ws.path();
            this.query = ws.query();
        }

        public void send(String text) {
            if (!closed) {
                ws.writeTextMessage(text);
                framesSent++;
            }
        }

        public void close(short code, String reason) {
            if (!closed) {
                closed = true;
                connections.remove(id);
                ws.close(code, reason);
            }
        }
    }

    private final Settings settings;
    private final List<TapeFrame> tape = new ArrayList<>();
    private final ScheduledExecutorService market;
    private final Vertx vertx;
    private final HttpServer server;
    private final Map<Long, Connection> connections = new LinkedHashMap<>();
    private final Map<String, NavigableMap<Long, ObjectNode>> history = new HashMap<>();
    private final Map<String, Integer> skips = new HashMap<>();
    private ScheduledFuture<?> player;
    private int released;
    private int rateLimited;
    private long nextConnection = 1;
    // counters, read through market-thread calls
    private long connectionsOpened;
    private long subscriptions;
    private long restRequests;
    private long rateLimitedAnswers;
    private long pongs;
    private long framesSent;
    private long skippedTrades;

    protected ExchangeSimulator(RecordedFrames frames, Settings settings, int port) {
        this.settings = settings;
        for (RecordedFrames.Frame f : frames.frames()) {
            JsonNode json;
            try {
                json = JSON.readTree(f.text());
            } catch (Exception e) {
                throw new IllegalArgumentException("recorded frame is not JSON: " + f.text(), e);
            }
            tape.add(new TapeFrame(f.text(), f.receivedMicros(), json, classify(json)));
        }
        this.market = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, getClass().getSimpleName() + "-market");
            t.setDaemon(true);
            return t;
        });
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1).setInternalBlockingPoolSize(1));
        this.server = vertx.createHttpServer()
                .webSocketHandler(this::accept)
                .requestHandler(req -> market.execute(() -> serve(req)));
        try {
            server.listen(port, "127.0.0.1").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            vertx.close();
            market.shutdownNow();
            throw new IllegalStateException("cannot listen on 127.0.0.1:" + port, e);
        }
        long ping = settings.pingInterval().toMillis();
        market.scheduleAtFixedRate(this::keepAlive, ping, ping, TimeUnit.MILLISECONDS);
        LOG.info("{} on 127.0.0.1:{}: {} recorded frames", getClass().getSimpleName(), port(), tape.size());
    }

    // --- the venue's part ---

    /** The stream a recorded frame belongs to, and its trade. */
    protected abstract Classified classify(JsonNode frame);

    /** A websocket connection opened on {@code path}; false rejects it (404). */
    protected abstract boolean onOpen(Connection c);

    /** A text frame from a client. */
    protected abstract void onClientText(Connection c, String text);

    /** A REST request that is not rate-limited. */
    protected abstract void onRest(HttpServerRequest request);

    /** The venue's 429 answer. */
    protected abstract void tooManyRequests(HttpServerResponse response, Duration retryAfter);

    /** A trade frame was released (before it is sent): venues that remember the last trade do it here. */
    protected void onTradeReleased(TapeFrame frame) {
    }

    /** The text a connection gets for a frame (the recorded text unless the connection wants another form). */
    protected String render(Connection c, TapeFrame frame) {
        return frame.text();
    }

    /** Whether a new connection must subscribe within {@link Settings#subscribeDeadline()}. */
    protected boolean requiresSubscription() {
        return false;
    }

    // --- what venues use ---

    protected final void subscribed(Connection c, List<String> streams) {
        c.streams.addAll(streams);
        c.subscribed = true;
        subscriptions++;
    }

    protected final NavigableMap<Long, ObjectNode> history(String historyKey) {
        return history.get(historyKey);
    }

    /** REST requests so far (on the market thread). */
    protected final long requestsServed() {
        return restRequests;
    }

    protected final List<TapeFrame> tape() {
        return tape;
    }

    protected static void json(HttpServerResponse response, int status, JsonNode body) {
        response.setStatusCode(status).putHeader("Content-Type", "application/json").end(body.toString());
    }

    protected static ObjectNode object() {
        return JSON.createObjectNode();
    }

    protected static ArrayNode array() {
        return JSON.createArrayNode();
    }

    // --- commands ---

    public int port() {
        return server.actualPort();
    }

    /** Base of the REST API, {@code http://127.0.0.1:<port>}. */
    public String restUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** The websocket URL a client connects to. */
    public abstract String wsUrl();

    /** Releases the next {@code n} frames of the tape (fewer at its end); returns how many. */
    public int release(int n) {
        return call(() -> {
            int done = 0;
            while (done < n && released < tape.size()) {
                releaseNext();
                done++;
            }
            return done;
        });
    }

    public int releaseAll() {
        return release(Integer.MAX_VALUE);
    }

    /** Releases the rest of the tape at {@code speed} times its recorded pace (from now). */
    public void play(double speed) {
        call(() -> {
            if (released >= tape.size()) {
                return null;
            }
            long start = System.nanoTime();
            long first = tape.get(released).receivedMicros();
            Runnable[] step = new Runnable[1];
            step[0] = () -> {
                long now = System.nanoTime();
                while (released < tape.size()) {
                    long due = start + (long) ((tape.get(released).receivedMicros() - first) * 1000 / speed);
                    if (due > now) {
                        player = market.schedule(step[0], due - now, TimeUnit.NANOSECONDS);
                        return;
                    }
                    releaseNext();
                }
            };
            step[0].run();
            return null;
        });
    }

    /** Closes every websocket connection (close code 1001, going away); returns how many. */
    public int dropConnections() {
        return call(() -> {
            List<Connection> all = new ArrayList<>(connections.values());
            all.forEach(c -> c.close((short) 1001, "dropped by the simulator"));
            LOG.info("dropped {} connection(s)", all.size());
            return all.size();
        });
    }

    /** The next {@code n} trades of {@code symbol} are printed (in the REST history) but not sent over any websocket. */
    public void skipTrades(String symbol, int n) {
        call(() -> skips.merge(symbol, n, Integer::sum));
    }

    /** Sends {@code text} as it is (a malformed frame, say) to every connection subscribed to something; returns to how many. */
    public int inject(String text) {
        return call(() -> {
            int n = 0;
            for (Connection c : new ArrayList<>(connections.values())) {
                if (c.subscribed) {
                    c.send(text);
                    n++;
                }
            }
            return n;
        });
    }

    /** The next {@code n} REST requests are answered 429 with the venue's body and Retry-After. */
    public void rateLimit(int n) {
        call(() -> rateLimited += n);
    }

    public int released() {
        return call(() -> released);
    }

    public int tapeSize() {
        return tape.size();
    }

    public long connectionsOpened() {
        return call(() -> connectionsOpened);
    }

    public int openConnections() {
        return call(connections::size);
    }

    /** Subscriptions acknowledged (one per subscribe request, or per connection that named its streams in the URL). */
    public long subscriptions() {
        return call(() -> subscriptions);
    }

    public long restRequests() {
        return call(() -> restRequests);
    }

    public long rateLimitedAnswers() {
        return call(() -> rateLimitedAnswers);
    }

    /** Pong frames received from clients. */
    public long pongs() {
        return call(() -> pongs);
    }

    /** Text frames sent to clients (acks and errors included). */
    public long framesSent() {
        return call(() -> framesSent);
    }

    public long skippedTrades() {
        return call(() -> skippedTrades);
    }

    @Override
    public void close() {
        market.shutdownNow();
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("closing the simulator: {}", e.toString());
        }
    }

    // --- the market thread ---

    private void releaseNext() {
        TapeFrame frame = tape.get(released++);
        Classified kind = frame.kind();
        if (kind.trade() != null) {
            history.computeIfAbsent(kind.historyKey(), k -> new TreeMap<>()).put(kind.trade().id(), kind.trade().restForm());
            onTradeReleased(frame);
            Integer skip = skips.get(kind.trade().symbol());
            if (skip != null && skip > 0) {
                skips.put(kind.trade().symbol(), skip - 1);
                skippedTrades++;
                return;
            }
        }
        if (kind.stream() == null) {
            return;
        }
        for (Connection c : new ArrayList<>(connections.values())) {
            if (c.streams.contains(kind.stream())) {
                c.send(render(c, frame));
            }
        }
    }

    private void accept(ServerWebSocket ws) {
        // on the event loop: handlers now, state on the market thread
        Connection c = new Connection(nextConnectionId(), ws);
        ws.textMessageHandler(text -> market.execute(() -> {
            if (!c.closed) {
                onClientText(c, text);
            }
        }));
        ws.pongHandler(b -> market.execute(() -> {
            pongs++;
            c.pingOutstanding = false;
        }));
        ws.closeHandler(v -> market.execute(() -> {
            c.closed = true;
            connections.remove(c.id);
        }));
        ws.exceptionHandler(e -> LOG.debug("connection {}: {}", c.id, e.toString()));
        try {
            Boolean ok = market.submit(() -> {
                if (!onOpen(c)) {
                    return false;
                }
                connections.put(c.id, c);
                connectionsOpened++;
                if (requiresSubscription()) {
                    market.schedule(() -> {
                        if (!c.subscribed && !c.closed) {
                            c.close((short) 1008, "no subscribe message within " + settings.subscribeDeadline().toSeconds() + " s");
                        }
                    }, settings.subscribeDeadline().toMillis(), TimeUnit.MILLISECONDS);
                }
                return true;
            }).get(10, TimeUnit.SECONDS);
            if (!ok) {
                ws.reject(404);
            }
        } catch (Exception e) {
            ws.reject(500);
        }
    }

    private synchronized long nextConnectionId() {
        return nextConnection++;
    }

    private void serve(HttpServerRequest request) {
        restRequests++;
        if (rateLimited > 0) {
            rateLimited--;
            rateLimitedAnswers++;
            tooManyRequests(request.response(), settings.retryAfter());
            return;
        }
        try {
            onRest(request);
        } catch (RuntimeException e) {
            LOG.warn("REST {}: {}", request.uri(), e.toString());
            request.response().setStatusCode(500).end();
        }
    }

    private void keepAlive() {
        long now = System.nanoTime();
        for (Connection c : new ArrayList<>(connections.values())) {
            if (now - c.openedNanos > settings.maxConnectionAge().toNanos()) {
                c.close((short) 1001, "connection older than " + settings.maxConnectionAge());
            } else if (c.pingOutstanding && now - c.pingSentNanos > settings.pongTimeout().toNanos()) {
                c.close((short) 1008, "no pong within " + settings.pongTimeout());
            } else {
                if (!c.pingOutstanding) {
                    c.pingSentNanos = now;
                    c.pingOutstanding = true;
                }
                c.ws.writePing(Buffer.buffer("sim-" + c.id));
            }
        }
    }

    private <T> T call(Callable<T> task) {
        try {
            return market.submit(task).get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
