package io.liquidityengine.dtc.server;

import io.liquidityengine.dtc.codec.DtcCodec;
import io.liquidityengine.dtc.session.DtcCredentials;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ServerSocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The project's own DTC server for tests and the demo, on loopback: binary encoding, logon with
 * optional credentials, heartbeats, market data replayed from {@link MarketTape}s (a snapshot, then
 * bid/ask updates and trades as the tape is printed), and historical tick data of what has been
 * printed, and order entry filled against the tapes' prints (see {@link OrderMatcher}; orders,
 * fills and positions per trade account outlive connections). For fault tests it drops connections, stalls its heartbeats and sends malformed frames
 * on command.
 */
public final class DtcServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DtcServer.class);

    /**
     * @param name           the ServerName in logon responses
     * @param credentials    the user and password a client must log on with; {@link DtcCredentials#none()} accepts anyone
     * @param logoffAtEnd    when a subscription has sent the last trade of its tape, log the client off with
     *                       DoNotReconnect (a finished replay); false: keep the session open
     * @param tradeAccounts  the trade accounts orders can be placed in (TradeAccountsRequest lists them); an order
     *                       without an account goes to the session's logon account, else to the first one
     * @param orderRules     how orders fill against the tapes (slippage, limit at or through)
     * @param matching       when orders are matched: as the tapes print ({@link Matching#TAPE}), or as far as a client's
     *                       {@code MatchThroughRequest} says ({@link Matching#EXTERNAL}: a replay in the client's lockstep)
     */
    public record Settings(String name, DtcCredentials credentials, boolean logoffAtEnd, int maxFrameSize, List<String> tradeAccounts,
                           OrderMatcher.Rules orderRules, Matching matching) {
        public Settings {
            tradeAccounts = List.copyOf(tradeAccounts);
            matching = matching == null ? Matching.TAPE : matching;
            if (tradeAccounts.isEmpty()) {
                throw new IllegalArgumentException("the DTC server needs at least one trade account");
            }
        }

        /** Anyone may log on, no logoff at the end, one trade account {@code Sim1}, the paper broker's frictionless rules. */
        public static Settings defaults() {
            return new Settings("Liquidity Engine DTC server", DtcCredentials.none(), false, DtcCodec.MAX_FRAME_SIZE_LIMIT,
                    List.of("Sim1"), OrderMatcher.Rules.defaults(), Matching.TAPE);
        }

        public Settings withCredentials(DtcCredentials c) {
            return new Settings(name, c, logoffAtEnd, maxFrameSize, tradeAccounts, orderRules, matching);
        }

        public Settings withLogoffAtEnd(boolean logoff) {
            return new Settings(name, credentials, logoff, maxFrameSize, tradeAccounts, orderRules, matching);
        }

        public Settings withTradeAccounts(List<String> accounts) {
            return new Settings(name, credentials, logoffAtEnd, maxFrameSize, accounts, orderRules, matching);
        }

        public Settings withMatching(Matching m) {
            return new Settings(name, credentials, logoffAtEnd, maxFrameSize, tradeAccounts, orderRules, m);
        }

        public Settings withOrderRules(OrderMatcher.Rules rules) {
            return new Settings(name, credentials, logoffAtEnd, maxFrameSize, tradeAccounts, rules, matching);
        }
    }

    /**
     * When working orders are matched against a tape: as it prints (a market, live or paced), or only through the
     * event time a client's {@code MatchThroughRequest} names, per trade account and symbol (a replay whose fills must
     * follow the client's own event-time clock, as the engine's demo needs; market data still goes out as printed).
     */
    public enum Matching { TAPE, EXTERNAL }

    private final Settings settings;
    private final ServerSocket serverSocket;
    private final Map<String, MarketTape> tapes = new ConcurrentHashMap<>();
    private final List<ServerSession> sessions = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService heartbeats;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong logons = new AtomicLong();
    private final AtomicLong historyRequests = new AtomicLong();
    private final AtomicLong subscriptions = new AtomicLong();
    private final Thread acceptor;
    private final OrderBook orders;
    private volatile Runnable onFirstSubscription = () -> { };
    private volatile boolean closed;

    private DtcServer(Settings settings, ServerSocket socket) {
        this.settings = settings;
        this.serverSocket = socket;
        this.heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "dtc-server-heartbeats");
            t.setDaemon(true);
            return t;
        });
        this.acceptor = new Thread(this::acceptLoop, "dtc-server-accept");
        this.acceptor.setDaemon(true);
        this.orders = new OrderBook(settings.tradeAccounts(), settings.orderRules(), settings.matching(), () -> sessions);
    }

    /** Starts a plain-TCP server on 127.0.0.1; port 0 takes a free one. */
    public static DtcServer start(Settings settings, int port) throws IOException {
        return start(settings, ServerSocketFactory.getDefault(), port);
    }

    /** Starts a server with the given socket factory (an SSLServerSocketFactory for TLS) on 127.0.0.1. */
    public static DtcServer start(Settings settings, ServerSocketFactory factory, int port) throws IOException {
        ServerSocket socket = factory.createServerSocket(port, 50, InetAddress.getLoopbackAddress());
        DtcServer server = new DtcServer(settings, socket);
        server.heartbeats.scheduleAtFixedRate(server::sendHeartbeats, 200, 200, TimeUnit.MILLISECONDS);
        server.acceptor.start();
        LOG.info("DTC server listening on 127.0.0.1:{}", socket.getLocalPort());
        return server;
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    /** Serves a symbol's tape (market data, historical ticks, and orders filled against its prints from now on). */
    public DtcServer addTape(MarketTape tape) {
        orders.addTape(tape);
        tapes.put(tape.symbol(), tape);
        return this;
    }

    MarketTape tape(String symbol) {
        return tapes.get(symbol);
    }

    Settings settings() {
        return settings;
    }

    OrderBook orders() {
        return orders;
    }

    /** Runs once, when a client first subscribes to market data (a pacer starting the replay). */
    public void onFirstSubscription(Runnable action) {
        this.onFirstSubscription = action;
    }

    void subscribed() {
        subscriptions.incrementAndGet();
        Runnable action = onFirstSubscription;
        onFirstSubscription = () -> { };
        action.run();
    }

    // ---- faults, on command ----

    /** Closes every client connection at once (the clients see a reset, as when a network path dies). */
    public int dropConnections() {
        int n = 0;
        for (ServerSession s : sessions) {
            s.close("dropped on command");
            n++;
        }
        LOG.info("DTC server: dropped {} connections on command", n);
        return n;
    }

    /** Stops sending heartbeats on the connections open now (market data goes on); new connections are not affected. */
    public void stallHeartbeats() {
        sessions.forEach(ServerSession::stallHeartbeats);
    }

    /** Sends a frame whose Size (2, less than its own header) breaks the stream to every logged-on client. */
    public int sendMalformedFrame() {
        return sendRaw(new byte[] {2, 0, 107, 0, 0x55, 0x55, 0x55, 0x55});
    }

    /** Sends raw bytes to every logged-on client, between two messages. */
    public int sendRaw(byte[] bytes) {
        int n = 0;
        for (ServerSession s : sessions) {
            if (s.sendRaw(bytes)) {
                n++;
            }
        }
        return n;
    }

    // ---- counters for tests and logs ----

    public long connectionsAccepted() {
        return accepted.get();
    }

    public long logons() {
        return logons.get();
    }

    /** Market-data subscriptions accepted so far. */
    public long subscriptions() {
        return subscriptions.get();
    }

    public long historyRequests() {
        return historyRequests.get();
    }

    void countLogon() {
        logons.incrementAndGet();
    }

    void countHistoryRequest() {
        historyRequests.incrementAndGet();
    }

    void ended(ServerSession session) {
        sessions.remove(session);
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = serverSocket.accept();
                long number = accepted.incrementAndGet();
                ServerSession session = new ServerSession(this, socket, number);
                sessions.add(session);
                session.start();
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("DTC server: accept failed: {}", e.getMessage());
                }
            }
        }
    }

    private void sendHeartbeats() {
        for (ServerSession s : sessions) {
            s.heartbeatIfDue();
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            serverSocket.close();
        } catch (IOException ignored) {
            // closing
        }
        sessions.forEach(s -> s.close("server closing"));
        heartbeats.shutdownNow();
    }
}
