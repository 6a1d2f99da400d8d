package io.liquidityengine.exchangesim;

import io.liquidityengine.exchangesim.MarketTape.TapeFrame;
import io.vertx.core.http.ServerWebSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulator's websocket connections, confined to its market thread: accepting them (the venue says
 * yes or no), the subscribe deadline, pings and the venue's age and pong limits, sending released
 * frames to the connections subscribed to their stream, and the drop and inject commands, with their
 * counters. The venue's wire formats stay in the {@link ExchangeSimulator} subclass.
 */
final class SimConnections {

    /** What the venue decides about its connections. */
    interface Venue {
        /** A connection opened; false rejects it (404). */
        boolean onOpen(Connection c);

        /** A text frame from a client. */
        void onClientText(Connection c, String text);

        /** Whether a new connection must subscribe within the settings' subscribe deadline. */
        boolean requiresSubscription();
    }

    private static final Logger LOG = LoggerFactory.getLogger(SimConnections.class);

    private final Venue venue;
    private final SimulatorSettings settings;
    private final ScheduledExecutorService market;
    private final Map<Long, Connection> open = new LinkedHashMap<>();
    private final Connection.Owner owner = new Connection.Owner() {
        @Override
        public void sent() {
            framesSent++;
        }

        @Override
        public void closed(Connection c) {
            open.remove(c.id);
        }
    };
    private long nextId = 1;
    private long opened;
    private long subscriptions;
    private long pongs;
    private long framesSent;

    SimConnections(Venue venue, SimulatorSettings settings, ScheduledExecutorService market) {
        this.venue = venue;
        this.settings = settings;
        this.market = market;
    }

    /** A websocket handshake, on the Vert.x event loop: handlers now, state on the market thread. */
    void accept(ServerWebSocket ws) {
        Connection c = new Connection(nextId(), ws, owner);
        ws.textMessageHandler(text -> onMarket(() -> {
            if (!c.closed) {
                venue.onClientText(c, text);
            }
        }));
        ws.pongHandler(b -> onMarket(() -> {
            pongs++;
            c.ponged();
        }));
        ws.closeHandler(v -> onMarket(() -> {
            c.closed = true;
            open.remove(c.id);
        }));
        ws.exceptionHandler(e -> LOG.debug("connection {}: {}", c.id, e.toString()));
        try {
            Boolean ok = market.submit(() -> {
                if (!venue.onOpen(c)) {
                    return false;
                }
                open.put(c.id, c);
                opened++;
                if (venue.requiresSubscription()) {
                    market.schedule(() -> {
                        if (!c.subscribed && !c.closed) {
                            c.close((short) 1008, "no subscribe message within " + settings.subscribeDeadline().toMillis() + " ms");
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

    /** Hands work from Vert.x to the market thread; after the simulator closed there is none to do. */
    void onMarket(Runnable task) {
        try {
            market.execute(task);
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    private synchronized long nextId() {
        return nextId++;
    }

    /** A client subscribed to {@code streams}. */
    void subscribed(Connection c, List<String> streams) {
        c.streams.addAll(streams);
        c.subscribed = true;
        subscriptions++;
    }

    /** Sends a released frame, as {@code render} gives it, to every connection subscribed to its stream. */
    void send(TapeFrame frame, BiFunction<Connection, TapeFrame, String> render) {
        for (Connection c : list()) {
            if (c.streams.contains(frame.kind().stream())) {
                c.send(render.apply(c, frame));
            }
        }
    }

    /** Pings, and closes connections past their pong timeout or maximum age. */
    void keepAlive() {
        long now = System.nanoTime();
        for (Connection c : list()) {
            c.keepAlive(now, settings);
        }
    }

    /** Closes every connection (1001, going away); returns how many. */
    int dropAll() {
        List<Connection> all = list();
        all.forEach(c -> c.close((short) 1001, "dropped by the simulator"));
        LOG.info("dropped {} connection(s)", all.size());
        return all.size();
    }

    /** Sends {@code text} as it is to every subscribed connection; returns to how many. */
    int inject(String text) {
        int n = 0;
        for (Connection c : list()) {
            if (c.subscribed) {
                c.send(text);
                n++;
            }
        }
        return n;
    }

    List<Connection> list() {
        return new ArrayList<>(open.values());
    }

    int openCount() {
        return open.size();
    }

    long opened() {
        return opened;
    }

    long subscriptions() {
        return subscriptions;
    }

    long pongs() {
        return pongs;
    }

    long framesSent() {
        return framesSent;
    }
}
