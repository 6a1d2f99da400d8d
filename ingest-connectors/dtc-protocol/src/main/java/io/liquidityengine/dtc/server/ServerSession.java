package io.liquidityengine.dtc.server;

import io.liquidityengine.dtc.codec.DtcProtocolException;
import io.liquidityengine.dtc.message.DtcMessage;
import io.liquidityengine.dtc.message.Encoding;
import io.liquidityengine.dtc.message.EncodingRequest;
import io.liquidityengine.dtc.message.EncodingResponse;
import io.liquidityengine.dtc.message.Heartbeat;
import io.liquidityengine.dtc.message.HistoricalDataInterval;
import io.liquidityengine.dtc.message.HistoricalPriceDataReject;
import io.liquidityengine.dtc.message.HistoricalPriceDataRejectReason;
import io.liquidityengine.dtc.message.HistoricalPriceDataRequest;
import io.liquidityengine.dtc.message.HistoricalPriceDataResponseHeader;
import io.liquidityengine.dtc.message.HistoricalPriceDataTickRecordResponse;
import io.liquidityengine.dtc.message.Logoff;
import io.liquidityengine.dtc.message.LogonRequest;
import io.liquidityengine.dtc.message.LogonResponse;
import io.liquidityengine.dtc.message.LogonStatus;
import io.liquidityengine.dtc.message.MarketDataReject;
import io.liquidityengine.dtc.message.MarketDataRequest;
import io.liquidityengine.dtc.message.RequestAction;
import io.liquidityengine.dtc.message.SecurityDefinitionForSymbolRequest;
import io.liquidityengine.dtc.message.SecurityDefinitionResponse;
import io.liquidityengine.dtc.session.DtcConnection;
import java.io.IOException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One client connection of the {@link DtcServer}: handshake, logon, requests, heartbeats, subscriptions. */
final class ServerSession {

    private static final Logger LOG = LoggerFactory.getLogger(ServerSession.class);

    private final DtcServer server;
    private final Socket socket;
    private final long number;
    private final Map<Integer, MarketDataStream> streams = new ConcurrentHashMap<>();
    private DtcConnection connection;
    private volatile boolean loggedOn;
    private volatile boolean heartbeatsStalled;
    private volatile long heartbeatIntervalNanos;
    private volatile long lastHeartbeatNanos;
    private volatile boolean closed;
    private volatile String tradeAccount = "";

    ServerSession(DtcServer server, Socket socket, long number) {
        this.server = server;
        this.socket = socket;
        this.number = number;
    }

    void start() throws IOException {
        connection = new DtcConnection(socket, server.settings().maxFrameSize());
        Thread reader = new Thread(this::readLoop, "dtc-server-session-" + number);
        reader.setDaemon(true);
        reader.start();
    }

    private void readLoop() {
        String reason = "client closed the connection";
        try {
            DtcMessage m;
            while ((m = connection.read()) != null) {
                handle(m);
                if (closed) {
                    break;
                }
            }
        } catch (DtcProtocolException e) {
            reason = "protocol error from the client: " + e.getMessage();
            LOG.warn("DTC server session {}: {}", number, reason);
        } catch (IOException e) {
            reason = closed ? "closed" : e.getMessage();
        } finally {
            close(reason);
        }
    }

    private void handle(DtcMessage m) throws IOException {
        if (m instanceof EncodingRequest request) {
            // only binary is spoken here; the client sees which encoding it gets
            connection.send(EncodingResponse.builder().protocolVersion(request.protocolVersion()).encoding(Encoding.BINARY).build());
        } else if (m instanceof LogonRequest logon) {
            logon(logon);
        } else if (m instanceof Heartbeat) {
            // the client is alive; nothing to answer
        } else if (m instanceof io.liquidityengine.dtc.message.Logoff) {
            close("client logged off");
        } else if (!loggedOn) {
            connection.send(Logoff.builder().reason("log on first").build());
            close("request before logon");
        } else if (m instanceof MarketDataRequest request) {
            marketData(request);
        } else if (m instanceof HistoricalPriceDataRequest request) {
            history(request);
        } else if (server.orders().handle(this, m)) {
            // order entry, open orders, positions, fills, trade accounts: see OrderBook
        } else if (m instanceof SecurityDefinitionForSymbolRequest request) {
            MarketTape tape = server.tape(request.symbol());
            connection.send(SecurityDefinitionResponse.builder().requestId(request.requestId()).symbol(request.symbol())
                    .exchange(tape == null ? request.exchange() : tape.exchange()).isFinalMessage(1)
                    .description(tape == null ? "unknown symbol" : "replayed by " + server.settings().name()).build());
        }
        // anything else (including types this server does not model) is ignored, as DTC servers do
    }

    private void logon(LogonRequest request) throws IOException {
        String user = server.settings().credentials().username();
        String password = server.settings().credentials().password();
        boolean ok = (user.isEmpty() && password.isEmpty())
                || (user.equals(request.username()) && password.equals(request.password()));
        if (!ok) {
            LOG.warn("DTC server session {}: logon refused for user '{}'", number, request.username());
            connection.send(LogonResponse.builder().result(LogonStatus.ERROR).resultText("bad user name or password")
                    .serverName(server.settings().name()).build());
            close("logon refused");
            return;
        }
        int interval = Math.max(1, request.heartbeatIntervalInSeconds());
        heartbeatIntervalNanos = interval * 1_000_000_000L;
        lastHeartbeatNanos = System.nanoTime();
        LogonResponse response = LogonResponse.builder().result(LogonStatus.SUCCESS).resultText("logged on")
                .serverName(server.settings().name()).marketDataSupported(1).historicalPriceDataSupported(1)
                .securityDefinitionsSupported(1).symbolExchangeDelimiter("-").tradingIsSupported(1).ocoOrdersSupported(1)
                .orderCancelReplaceSupported(1).bracketOrdersSupported(1).build();
        // logged on and counted before the response goes out (whatever the client does once it sees the
        // response finds this session logged on), and atomically with the order book's sends: no order
        // update reaches this client before its logon response, none published after it can miss this session
        server.orders().atomically(() -> {
            tradeAccount = request.tradeAccount();
            loggedOn = true;
            server.countLogon();
            if (!send(response)) {
                loggedOn = false;
            }
        });
    }

    private void marketData(MarketDataRequest request) throws IOException {
        int id = request.symbolId();
        if (request.requestAction() == RequestAction.UNSUBSCRIBE) {
            MarketDataStream old = streams.remove(id);
            if (old != null) {
                old.stop();
            }
            return;
        }
        MarketTape tape = server.tape(request.symbol());
        if (tape == null) {
            connection.send(MarketDataReject.builder().symbolId(id)
                    .rejectText("unknown symbol " + request.symbol() + "-" + request.exchange()).build());
            return;
        }
        MarketDataStream stream = new MarketDataStream(this, tape, id);
        MarketDataStream old = streams.put(id, stream);
        if (old != null) {
            old.stop();
        }
        stream.start();
        server.subscribed();
    }

    private void history(HistoricalPriceDataRequest request) throws IOException {
        server.countHistoryRequest();
        MarketTape tape = server.tape(request.symbol());
        if (tape == null || request.recordInterval() != HistoricalDataInterval.TICK) {
            connection.send(HistoricalPriceDataReject.builder().requestId(request.requestId())
                    .rejectReasonCode(HistoricalPriceDataRejectReason.UNABLE_TO_SERVE_DATA_DO_NOT_RETRY)
                    .rejectText(tape == null ? "unknown symbol " + request.symbol() : "only tick data (interval 0) is served")
                    .build());
            return;
        }
        int printed = tape.released();
        int from = tape.firstAtOrAfter(request.startDateTime() * 1_000_000L);
        int to = request.endDateTime() == 0 ? printed : Math.min(printed, tape.firstAtOrAfter((request.endDateTime() + 1) * 1_000_000L));
        List<DtcMessage> out = new ArrayList<>(Math.max(1, to - from) + 1);
        out.add(HistoricalPriceDataResponseHeader.builder().requestId(request.requestId()).recordInterval(HistoricalDataInterval.TICK)
                .noRecordsToReturn(from >= to ? 1 : 0).intToFloatPriceDivisor(1f).build());
        for (int i = from; i < to; i++) {
            TapeTrade t = tape.trade(i);
            out.add(HistoricalPriceDataTickRecordResponse.builder().requestId(request.requestId())
                    .dateTime(t.timeMicros() / 1_000_000d).atBidOrAsk(t.atBidOrAsk()).price(t.price()).volume(t.volume())
                    .isFinalRecord(i == to - 1 ? 1 : 0).build());
        }
        LOG.info("DTC server session {}: {} historical ticks of {} from {}", number, Math.max(0, to - from), request.symbol(),
                request.startDateTime());
        connection.sendAll(out);
    }

    void heartbeatIfDue() {
        if (!loggedOn || heartbeatsStalled || closed) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastHeartbeatNanos >= heartbeatIntervalNanos) {
            lastHeartbeatNanos = now;
            send(Heartbeat.builder().currentDateTime(System.currentTimeMillis() / 1000).build());
        }
    }

    void stallHeartbeats() {
        heartbeatsStalled = true;
    }

    boolean send(DtcMessage m) {
        try {
            connection.send(m);
            return true;
        } catch (IOException e) {
            close("send failed: " + e.getMessage());
            return false;
        }
    }

    boolean sendAll(List<DtcMessage> messages) {
        try {
            connection.sendAll(messages);
            return true;
        } catch (IOException e) {
            close("send failed: " + e.getMessage());
            return false;
        }
    }

    boolean sendRaw(byte[] bytes) {
        if (!loggedOn || closed) {
            return false;
        }
        try {
            connection.sendRaw(bytes);
            return true;
        } catch (IOException e) {
            close("send failed: " + e.getMessage());
            return false;
        }
    }

    /** The TradeAccount the client logged on with ("" = all accounts). */
    String tradeAccount() {
        return tradeAccount;
    }

    /** Whether this session gets the unsolicited order updates of {@code account}: logged on, with that account or none. */
    boolean follows(String account) {
        return loggedOn && !closed && (tradeAccount.isEmpty() || tradeAccount.equals(account));
    }

    boolean logoffAtEnd() {
        return server.settings().logoffAtEnd();
    }

    /** A subscription printed the last trade of its tape and the server ends replays with a logoff. */
    void replayFinished(String symbol) {
        send(Logoff.builder().reason("replay of " + symbol + " finished").doNotReconnect(1).build());
        close("replay finished");
    }

    boolean closed() {
        return closed;
    }

    long number() {
        return number;
    }

    void close(String reason) {
        if (closed) {
            return;
        }
        closed = true;
        streams.values().forEach(MarketDataStream::stop);
        connection.close();
        server.ended(this);
        LOG.info("DTC server session {} ended: {}", number, reason);
    }
}
