package io.liquidityengine.exchangesim;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A client's websocket connection to a simulator: the streams it subscribed to and the venue rules
 * kept on it (pings answered in time, its age). Used on the simulator's market thread only.
 */
final class Connection {

    /** What a connection reports to its simulator. */
    interface Owner {
        void sent();

        void closed(Connection c);
    }

    final long id;
    final ServerWebSocket ws;
    final String path;
    final String query;
    final Set<String> streams = new LinkedHashSet<>();
    final long openedNanos = System.nanoTime();
    private final Owner owner;
    boolean subscribed;
    /** Binance {@code /ws}: payloads without the combined-stream wrapper. */
    boolean raw;
    boolean closed;
    /** Binance user data stream: the listen key this connection follows (null for market data). */
    String listenKey;
    private long pingSentNanos;
    private boolean pingOutstanding;

    Connection(long id, ServerWebSocket ws, Owner owner) {
        this.id = id;
        this.ws = ws;
        this.path = ws.path();
        this.query = ws.query();
        this.owner = owner;
    }

    void send(String text) {
        if (!closed) {
            ws.writeTextMessage(text);
            owner.sent();
        }
    }

    void close(short code, String reason) {
        if (!closed) {
            closed = true;
            owner.closed(this);
            ws.close(code, reason);
        }
    }

    void ponged() {
        pingOutstanding = false;
    }

    /** The periodic check: closes a connection past its age or without a pong in time, else pings it. */
    void keepAlive(long now, SimulatorSettings settings) {
        if (now - openedNanos > settings.maxConnectionAge().toNanos()) {
            close((short) 1001, "connection older than " + settings.maxConnectionAge());
        } else if (pingOutstanding && now - pingSentNanos > settings.pongTimeout().toNanos()) {
            close((short) 1008, "no pong within " + settings.pongTimeout());
        } else {
            if (!pingOutstanding) {
                pingSentNanos = now;
                pingOutstanding = true;
            }
            ws.writePing(Buffer.buffer("sim-" + id));
        }
    }
}
