package io.liquidityengine.exchangesim;

import com.fasterxml.jackson.databind.JsonNode;
import io.liquidityengine.exchangesim.MarketTape.Classified;
import io.liquidityengine.exchangesim.MarketTape.TapeFrame;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
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
 * The websocket connections themselves are {@link SimConnections}; the REST fault policy {@link RestFaults}.
 * Order entry, when it comes, is one more set of REST routes in a venue subclass.
 */
public abstract class ExchangeSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ExchangeSimulator.class);

    private final SimulatorSettings settings;
    private final MarketTape tape;
    private final ScheduledExecutorService market;
    private final Vertx vertx;
    private final HttpServer server;
    private final SimConnections connections;
    private final RestFaults faults;
    // read through market-thread calls
    private long restRequests;

    protected ExchangeSimulator(RecordedFrames frames, SimulatorSettings settings, int port) {
        this.settings = settings;
        this.faults = new RestFaults(settings.retryAfter());
        this.tape = MarketTape.of(frames, this::classify);
        this.market = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, getClass().getSimpleName() + "-market");
            t.setDaemon(true);
            return t;
        });
        this.connections = new SimConnections(new SimConnections.Venue() {
            @Override
            public boolean onOpen(Connection c) {
                return ExchangeSimulator.this.onOpen(c);
            }

            @Override
            public void onClientText(Connection c, String text) {
                ExchangeSimulator.this.onClientText(c, text);
            }

            @Override
            public boolean requiresSubscription() {
                return ExchangeSimulator.this.requiresSubscription();
            }
        }, settings, market);
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1).setInternalBlockingPoolSize(1));
        this.server = vertx.createHttpServer()
                .webSocketHandler(connections::accept)
                .requestHandler(req -> req.body().onComplete(body -> connections.onMarket(() -> serve(req, body.succeeded() ? body.result().toString() : ""))));
        try {
            server.listen(port, "127.0.0.1").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            vertx.close();
            market.shutdownNow();
            throw new IllegalStateException("cannot listen on 127.0.0.1:" + port, e);
        }
        long ping = settings.pingInterval().toMillis();
        market.scheduleAtFixedRate(connections::keepAlive, ping, ping, TimeUnit.MILLISECONDS);
        Duration every = heartbeatInterval();
        if (every != null) {
            market.scheduleAtFixedRate(this::heartbeat, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        }
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

    /** A REST request that is not rate-limited, with its body (empty for none); by default {@link #onRest(HttpServerRequest)}. */
    protected void onRest(HttpServerRequest request, String body) {
        onRest(request);
    }

    /** The venue's answer to a request that came before the last 429's {@code Retry-After} had passed (see {@link #banIfRetryAfterIgnored}). */
    protected void retryAfterIgnored(HttpServerResponse response, Duration retryAfter) {
        tooManyRequests(response, retryAfter);
    }

    /** The venue's 429 answer. */
    protected abstract void tooManyRequests(HttpServerResponse response, Duration retryAfter);

    /** A trade frame was released (before it is sent): venues that remember the last trade do it here. */
    protected void onTradeReleased(TapeFrame frame) {
    }

    /** The text a connection gets for a frame (the recorded text unless the connection wants another form). */
    protected String render(Connection c, TapeFrame frame) {
        return frame.text();
    }

    /** How often {@link #heartbeat()} runs (null: never), for venues with a heartbeat channel. */
    protected Duration heartbeatInterval() {
        return null;
    }

    /** The venue's periodic messages (Coinbase's heartbeat channel), on the market thread. */
    protected void heartbeat() {
    }

    /** The open connections, on the market thread. */
    protected final List<Connection> connections() {
        return connections.list();
    }

    /** Whether a new connection must subscribe within {@link SimulatorSettings#subscribeDeadline()}. */
    protected boolean requiresSubscription() {
        return false;
    }

    // --- what venues use ---

    protected final void subscribed(Connection c, List<String> streams) {
        connections.subscribed(c, streams);
    }

    protected final NavigableMap<Long, ObjectNode> history(String historyKey) {
        return tape.history(historyKey);
    }

    /** REST requests so far (on the market thread). */
    protected final long requestsServed() {
        return restRequests;
    }

    protected final List<TapeFrame> tape() {
        return tape.frames();
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
            while (done < n && tape.hasNext()) {
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
            if (!tape.hasNext()) {
                return null;
            }
            long start = System.nanoTime();
            long first = tape.nextReceivedMicros();
            Runnable[] step = new Runnable[1];
            step[0] = () -> {
                long now = System.nanoTime();
                while (tape.hasNext()) {
                    long due = start + (long) ((tape.nextReceivedMicros() - first) * 1000 / speed);
                    if (due > now) {
                        market.schedule(step[0], due - now, TimeUnit.NANOSECONDS);
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
        return call(connections::dropAll);
    }

    /** The next {@code n} trades of {@code symbol} are printed (in the REST history) but not sent over any websocket. */
    public void skipTrades(String symbol, int n) {
        call(() -> {
            tape.skip(symbol, n);
            return null;
        });
    }

    /** Sends {@code text} as it is (a malformed frame, say) to every connection subscribed to something; returns to how many. */
    public int inject(String text) {
        return call(() -> connections.inject(text));
    }

    /** The next {@code n} REST requests are answered 429 with the venue's body and Retry-After. */
    public void rateLimit(int n) {
        call(() -> {
            faults.rateLimit(n);
            return null;
        });
    }

    /**
     * From now on a REST request that arrives before the last 429's {@code Retry-After} has passed is
     * answered with the venue's ban ({@link #retryAfterIgnored}: Binance's 418), which starts the wait again.
     */
    public void banIfRetryAfterIgnored() {
        call(() -> {
            faults.banIfRetryAfterIgnored();
            return null;
        });
    }

    /** Answers given because a client ignored a {@code Retry-After} (see {@link #banIfRetryAfterIgnored}). */
    public long bannedAnswers() {
        return call(faults::bannedAnswers);
    }

    public int released() {
        return call(tape::released);
    }

    public int tapeSize() {
        return tape.size();
    }

    public long connectionsOpened() {
        return call(connections::opened);
    }

    public int openConnections() {
        return call(connections::openCount);
    }

    /** Subscriptions acknowledged (one per subscribe request, or per connection that named its streams in the URL). */
    public long subscriptions() {
        return call(connections::subscriptions);
    }

    public long restRequests() {
        return call(() -> restRequests);
    }

    public long rateLimitedAnswers() {
        return call(faults::rateLimitedAnswers);
    }

    /** Pong frames received from clients. */
    public long pongs() {
        return call(connections::pongs);
    }

    /** Text frames sent to clients (acks and errors included). */
    public long framesSent() {
        return call(connections::framesSent);
    }

    public long skippedTrades() {
        return call(tape::skippedTrades);
    }

    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("closing the simulator: {}", e.toString());
        }
        market.shutdownNow();
    }

    // --- the market thread ---

    private void releaseNext() {
        boolean send = tape.releaseNext();
        TapeFrame frame = tape.last();
        if (frame.kind().trade() != null) {
            onTradeReleased(frame);
        }
        if (!send) {
            return;
        }
        connections.send(frame, this::render);
    }

    private void serve(HttpServerRequest request, String body) {
        restRequests++;
        switch (faults.next(System.nanoTime())) {
            case BANNED -> {
                retryAfterIgnored(request.response(), settings.retryAfter());
                return;
            }
            case TOO_MANY_REQUESTS -> {
                tooManyRequests(request.response(), settings.retryAfter());
                return;
            }
            case SERVE -> { }
        }
        try {
            onRest(request, body);
        } catch (RuntimeException e) {
            LOG.warn("REST {}: {}", request.uri(), e.toString());
            request.response().setStatusCode(500).end();
        }
    }

    /** Runs {@code task} on the market thread and returns its result (commands of venue subclasses). */
    protected final <T> T call(Callable<T> task) {
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
