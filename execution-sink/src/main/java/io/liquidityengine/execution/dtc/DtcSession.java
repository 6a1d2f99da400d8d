package io.liquidityengine.execution.dtc;

import io.liquidityengine.dtc.message.CurrentPositionsReject;
import io.liquidityengine.dtc.message.DtcMessage;
import io.liquidityengine.dtc.message.HistoricalOrderFillResponse;
import io.liquidityengine.dtc.message.HistoricalOrderFillsReject;
import io.liquidityengine.dtc.message.LogonResponse;
import io.liquidityengine.dtc.message.MatchThroughResponse;
import io.liquidityengine.dtc.message.OpenOrdersReject;
import io.liquidityengine.dtc.message.OpenOrdersRequest;
import io.liquidityengine.dtc.message.OrderUpdate;
import io.liquidityengine.dtc.message.PositionUpdate;
import io.liquidityengine.dtc.message.TradeAccountResponse;
import io.liquidityengine.dtc.message.TradeAccountsRequest;
import io.liquidityengine.dtc.session.ClientSettings;
import io.liquidityengine.dtc.session.DtcClient;
import io.liquidityengine.dtc.session.DtcCredentials;
import io.liquidityengine.dtc.session.SessionListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.net.ssl.SSLSocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DTC broker's transport: one {@link DtcClient} session of an account, its logon, and requests
 * answered by request id. Unsolicited {@link OrderUpdate}s and re-logons go to the {@link Handler} on the
 * session's thread; answers to requests are collected by request id,, and either awaited on the caller's
 * thread ({@link #request}) or handed to a callback when complete ({@link #submit}).
 */
final class DtcSession {

    private static final Logger LOG = LoggerFactory.getLogger(DtcBroker.class); // the broker's log category, as before the split

    /** What the session's thread hands on. */
    interface Handler {
        /** An order update that answers no request (a live change of an order). */
        void orderUpdate(OrderUpdate update);

        /** Logged on again after the link was lost (connection > 1). */
        void loggedOnAgain(long connection);
    }

    private final String account;
    private final DtcBrokerConfig config;
    private final DtcCredentials credentials;
    private final Handler handler;
    private DtcClient client;
    private final CompletableFuture<Void> loggedOn = new CompletableFuture<>();
    private final AtomicInteger requestIds = new AtomicInteger();
    private final Map<Integer, Request> requests = new ConcurrentHashMap<>();
    private long sent;

    private static final class Request {
        final List<DtcMessage> messages = new ArrayList<>();
        final CompletableFuture<List<DtcMessage>> done = new CompletableFuture<>();

        synchronized void add(DtcMessage m, boolean last) {
            messages.add(m);
            if (last) {
                done.complete(List.copyOf(messages));
            }
        }
    }

    DtcSession(String account, DtcBrokerConfig config, DtcCredentials credentials, Handler handler) {
        this.account = account;
        this.config = config;
        this.credentials = credentials;
        this.handler = handler;
    }

    /** Connects and waits for the logon (at most {@code request-timeout-seconds}). */
    void start() {
        ClientSettings settings = ClientSettings.of("orders-" + account, config.host(), config.port())
                .withHeartbeat(config.heartbeat()).withTradeAccount(config.tradeAccount());
        if (config.tls()) {
            settings = settings.withTls((SSLSocketFactory) SSLSocketFactory.getDefault());
        }
        client = new DtcClient(settings, credentials, new Listener()).start();
        try {
            loggedOn.get(config.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new IllegalStateException("DTC broker of account " + account + ": no logon at " + settings.address()
                    + " within " + config.requestTimeout().toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while logging on", e);
        }
        LOG.info("DTC broker of account {}: logged on at {} (trade account {})", account, settings.address(), config.tradeAccount());
    }

    void close() {
        if (client != null) {
            client.close();
        }
    }

    /** Whether the session is logged on now (false while it reconnects). */
    boolean loggedOn() {
        return client != null && client.loggedOn();
    }

    /** Connections made so far (1 after the first logon; each reconnect adds one). */
    long connections() {
        return client == null ? 0 : client.connections();
    }

    /**
     * Whether a request sent on {@code connection} (a {@link #connections()} value) failed because the link went: the
     * session is down now, or has reconnected since. The callers then wait for the re-logon instead of failing the sink.
     */
    boolean lostSince(long connection) {
        return !loggedOn() || connections() != connection;
    }

    /** Messages sent to the server so far. */
    long sent() {
        return sent;
    }

    int nextRequestId() {
        return requestIds.incrementAndGet();
    }

    /** Sends one message; false if the session is down (the message is lost). */
    boolean send(DtcMessage message) {
        sent++;
        return client != null && client.send(message);
    }

    /** Sends a request (built with {@code id}) and waits for its whole answer (at most {@code request-timeout-seconds}). */
    List<DtcMessage> request(int id, DtcMessage message) {
        Request r = new Request();
        requests.put(id, r);
        try {
            if (!client.send(message)) {
                throw new IllegalStateException("DTC broker of account " + account + ": not connected, cannot send " + message.getClass().getSimpleName());
            }
            return r.done.get(config.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new IllegalStateException("DTC broker of account " + account + ": no answer to request " + id + " ("
                    + message.getClass().getSimpleName() + ") within " + config.requestTimeout().toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            requests.remove(id);
        }
    }

    /**
     * Sends a request (built with {@code id}) without waiting: {@code answer} gets its whole answer, or
     * {@code failure} an exception when the session is down or no answer came within
     * {@code request-timeout-seconds}. Both are called on the session's (or the timer's) thread, the answer
     * as soon as its last message arrived, so before any message the server sent after it is handed on.
     */
    void submit(int id, DtcMessage message, Consumer<List<DtcMessage>> answer, Consumer<IllegalStateException> failure) {
        Request r = new Request();
        requests.put(id, r);
        r.done.orTimeout(config.requestTimeout().toMillis(), TimeUnit.MILLISECONDS).whenComplete((messages, error) -> {
            requests.remove(id);
            if (error == null) {
                answer.accept(messages);
            } else {
                Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null ? error.getCause() : error;
                failure.accept(new IllegalStateException("DTC broker of account " + account + ": " + (cause instanceof TimeoutException
                        ? "no answer to request " + id + " (" + message.getClass().getSimpleName() + ") within " + config.requestTimeout().toSeconds() + " s"
                        : cause.getMessage()), error));
            }
        });
        if (client == null || !client.send(message)) {
            r.done.completeExceptionally(new IllegalStateException("not connected, cannot send " + message.getClass().getSimpleName()));
        }
    }

    /** The request for one order by its server order id, whatever its status. */
    OpenOrdersRequest byServerIdRequest(int id, String serverId) {
        return OpenOrdersRequest.builder().requestId(id).requestAllOrders(0).serverOrderId(serverId).tradeAccount(config.tradeAccount()).build();
    }

    /** The order an answer to {@link #byServerIdRequest} names, or null if the server does not know it. */
    static OrderUpdate answeredOrder(List<DtcMessage> answer) {
        return answer.get(0) instanceof OrderUpdate u && u.noOrders() == 0 ? u : null;
    }

    /**
     * Sends a request and returns once the server answered it: everything the server sent before has
     * been handed on by then (the server answers in order).
     */
    void roundTrip() {
        int id = nextRequestId();
        request(id, TradeAccountsRequest.builder().requestId(id).build());
    }

    private class Listener implements SessionListener {
        @Override
        public void onLoggedOn(long connection, LogonResponse response) {
            if (connection > 1) {
                handler.loggedOnAgain(connection);
            }
            loggedOn.complete(null);
        }

        @Override
        public void onMessage(long connection, DtcMessage m) {
            if (m instanceof OrderUpdate u && u.requestId() == 0) {
                handler.orderUpdate(u);
                return;
            }
            int id;
            boolean last;
            if (m instanceof OrderUpdate u) {
                id = u.requestId();
                last = u.noOrders() != 0 || u.messageNumber() >= u.totalNumMessages();
            } else if (m instanceof PositionUpdate p && p.requestId() != 0) {
                id = p.requestId();
                last = p.noPositions() != 0 || p.messageNumber() >= p.totalNumberMessages();
            } else if (m instanceof HistoricalOrderFillResponse f) {
                id = f.requestId();
                last = f.noOrderFills() != 0 || f.messageNumber() >= f.totalNumberMessages();
            } else if (m instanceof TradeAccountResponse a) {
                id = a.requestId();
                last = a.messageNumber() >= a.totalNumberMessages();
            } else if (m instanceof OpenOrdersReject r) {
                id = r.requestId();
                last = true;
            } else if (m instanceof CurrentPositionsReject r) {
                id = r.requestId();
                last = true;
            } else if (m instanceof HistoricalOrderFillsReject r) {
                id = r.requestId();
                last = true;
            } else if (m instanceof MatchThroughResponse r) {
                id = r.requestId();
                last = true;
            } else {
                return;
            }
            Request r = requests.get(id);
            if (r != null) {
                r.add(m, last);
            }
        }

        @Override
        public void onProtocolError(long connection, long offset, String detail, byte[] bytes) {
            LOG.warn("DTC broker of account {}: protocol error at {}: {}", account, offset, detail);
        }

        @Override
        public void onDisconnected(long connection, String reason) {
            LOG.warn("DTC broker of account {}: disconnected ({})", account, reason);
        }
    }
}
