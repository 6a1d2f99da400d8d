package io.liquidityengine.ingest.dtc;

import io.liquidityengine.dtc.codec.DtcCodec;
import io.liquidityengine.dtc.message.DtcMessage;
import io.liquidityengine.dtc.message.HistoricalDataInterval;
import io.liquidityengine.dtc.message.HistoricalPriceDataReject;
import io.liquidityengine.dtc.message.HistoricalPriceDataRequest;
import io.liquidityengine.dtc.message.HistoricalPriceDataResponseHeader;
import io.liquidityengine.dtc.message.HistoricalPriceDataTickRecordResponse;
import io.liquidityengine.dtc.message.LogonResponse;
import io.liquidityengine.dtc.message.MarketDataReject;
import io.liquidityengine.dtc.message.MarketDataRequest;
import io.liquidityengine.dtc.message.MarketDataSnapshot;
import io.liquidityengine.dtc.session.ClientSettings;
import io.liquidityengine.dtc.session.DtcClient;
import io.liquidityengine.dtc.session.SessionListener;
import io.liquidityengine.ingest.parse.ParseProblem;
import io.liquidityengine.ingest.parse.ProblemReason;
import io.liquidityengine.ingest.publish.OutRecord;
import io.liquidityengine.ingest.publish.RecordSource;
import io.liquidityengine.ingest.publish.SourceBatch;
import io.liquidityengine.ingest.reference.InstrumentSpec;
import io.liquidityengine.schemas.control.StreamPosition;
import io.liquidityengine.schemas.deadletter.PositionKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code type=dtc}: trades of one instrument from a DTC server (Sierra Chart's, or any other) to
 * {@code md.ticks}, live. The session runs on the DTC client's thread and hands what it receives to
 * this source through a queue; everything else happens on the runner's thread in {@link #poll}:
 * subscribing, asking for the history that fills a gap after a reconnect or restart, merging it
 * with live trades ({@link TradeStream}), turning trades into ticks ({@link DtcTicks}).
 *
 * <p>Positions: {@code nextPosition} counts the trades taken from the stream; the checkpoint's one
 * stream entry holds the time of the last one and how many trades had that time.
 */
public final class DtcMarketDataSource implements RecordSource {

    private static final Logger LOG = LoggerFactory.getLogger(DtcMarketDataSource.class);
    private static final int SYMBOL_ID = 1;

    /** What the session thread hands over. */
    private sealed interface Event permits LoggedOn, Received, ProtocolError, Disconnected { }

    private record LoggedOn(long connection) implements Event { }

    private record Received(long connection, DtcMessage message) implements Event { }

    private record ProtocolError(long connection, long offset, String detail, byte[] bytes) implements Event { }

    private record Disconnected(long connection, String reason) implements Event { }

    private final String id;
    private final DtcSettings settings;
    private final ClientSettings clientSettings;
    private final DtcTicks ticks;
    private final LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Counter connectionsCounter;
    private final Counter gapsCounter;
    private final DtcCodec codec = new DtcCodec();
    private TradeStream stream;
    private DtcClient client;
    private long connection;
    private boolean awaitingSnapshot;
    private int historyRequestId;
    private boolean finished;

    public DtcMarketDataSource(String id, DtcSettings settings, InstrumentSpec instrument, MeterRegistry metrics) {
        this.id = id;
        this.settings = settings;
        this.clientSettings = settings.client(id);
        this.ticks = new DtcTicks(instrument, "dtc:" + settings.host() + ":" + settings.port() + "/" + settings.symbol());
        this.connectionsCounter = Counter.builder("ingest.dtc.connections").tag("source", id)
                .description("DTC sessions logged on (1 + reconnects)").register(metrics);
        this.gapsCounter = Counter.builder("ingest.dtc.unfilled.gaps").tag("source", id)
                .description("reconnects whose gap the server could not fill from historical data").register(metrics);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String origin() {
        return clientSettings.address() + "/" + settings.symbol() + (settings.exchange().isEmpty() ? "" : "-" + settings.exchange());
    }

    @Override
    public PositionKind positionKind() {
        return PositionKind.RECORD_INDEX;
    }

    @Override
    public void open(long position) throws IOException {
        open(position, List.of());
    }

    @Override
    public void open(long position, List<StreamPosition> streams) {
        stream = streams.stream().filter(s -> s.getStream().equals(settings.symbol())).findFirst()
                .map(TradeStream::resume).orElseGet(() -> new TradeStream(settings.symbol()));
        LOG.info("Source {}: {} from {} as {}; {}", id, settings.symbol(), clientSettings.address(), settings.credentials(),
                stream.hasPosition() ? "filling from history after the trade at " + stream.position().getLastEventTime()
                        : "no position yet, starting with live trades");
        client = new DtcClient(clientSettings, settings.credentials(), new Listener()).start();
    }

    @Override
    public SourceBatch poll(int maxUnits) throws IOException {
        List<OutRecord<?>> records = new ArrayList<>();
        List<ParseProblem> problems = new ArrayList<>();
        long lastEvent = Long.MIN_VALUE;
        try {
            Event event = events.poll(100, TimeUnit.MILLISECONDS);
            for (int n = 0; event != null; n++) {
                List<DtcTrade> trades = handle(event, problems);
                long sequence = stream.published() - trades.size();
                for (DtcTrade trade : trades) {
                    OutRecord<?> record = ticks.toRecord(trade, sequence++, problems, origin(), () -> encoded(trade));
                    if (record != null) {
                        records.add(record);
                        lastEvent = trade.timeMicros();
                    }
                }
                event = n + 1 < maxUnits ? events.poll() : null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new SourceBatch(records, problems, stream.published(), lastEvent, finished, List.of(stream.position()));
    }

    /** Trades to publish because of one event, in order. */
    private List<DtcTrade> handle(Event event, List<ParseProblem> problems) {
        if (event instanceof LoggedOn logon) {
            connection = logon.connection();
            connectionsCounter.increment();
            stream.connected();
            awaitingSnapshot = stream.resyncing();
            client.send(MarketDataRequest.builder().symbolId(SYMBOL_ID).symbol(settings.symbol()).exchange(settings.exchange()).build());
            return List.of();
        }
        if (event instanceof Disconnected lost) {
            if (lost.connection() == connection) {
                stream.disconnected();
                connection = 0;
            }
            if (settings.stopOnLogoff() && client.finishedReason() != null) {
                LOG.info("Source {}: {}; the source is finished", id, client.finishedReason());
                finished = true;
            }
            return List.of();
        }
        if (event instanceof ProtocolError error) {
            problems.add(ParseProblem.atOffset(ProblemReason.PROTOCOL_ERROR, "connection " + error.connection() + ": " + error.detail(),
                    origin(), error.offset(), error.bytes()));
            return List.of();
        }
        Received received = (Received) event;
        if (received.connection() != connection) {
            return List.of(); // left over from a connection that is gone
        }
        return onMessage(received.message(), problems);
    }

    private List<DtcTrade> onMessage(DtcMessage m, List<ParseProblem> problems) {
        if (m instanceof MarketDataSnapshot) {
            if (awaitingSnapshot) {
                // subscribed: what the live stream does not have is in the history up to now
                awaitingSnapshot = false;
                stream.subscribed(lastTrade((MarketDataSnapshot) m));
                historyRequestId++;
                long fromSecond = Math.floorDiv(stream.lastMicros(), 1_000_000L);
                client.send(HistoricalPriceDataRequest.builder().requestId(historyRequestId).symbol(settings.symbol())
                        .exchange(settings.exchange()).recordInterval(HistoricalDataInterval.TICK).startDateTime(fromSecond).build());
            }
            ticks.onSnapshot((MarketDataSnapshot) m);
            return List.of();
        }
        if (m instanceof HistoricalPriceDataResponseHeader header) {
            return header.requestId() == historyRequestId && header.noRecordsToReturn() != 0 ? historyEnd() : List.of();
        }
        if (m instanceof HistoricalPriceDataTickRecordResponse record) {
            if (record.requestId() != historyRequestId) {
                return List.of();
            }
            stream.onHistory(new DtcTrade(DtcTrade.micros(record.dateTime()), record.price(), record.volume(), record.atBidOrAsk()));
            return record.isFinalRecord() != 0 ? historyEnd() : List.of();
        }
        if (m instanceof HistoricalPriceDataReject reject) {
            gapsCounter.increment();
            LOG.error("Source {}: the server cannot fill the gap after {} ({}); live trades go on from here, trades in between are missing",
                    id, stream.position().getLastEventTime(), reject.rejectText());
            return historyEnd();
        }
        if (m instanceof MarketDataReject reject) {
            LOG.error("Source {}: subscription to {} rejected: {}; reconnecting", id, settings.symbol(), reject.rejectText());
            client.drop("market data rejected: " + reject.rejectText());
            return List.of();
        }
        DtcTrade trade = ticks.trade(m, SYMBOL_ID);
        if (trade == null) {
            return List.of(); // quotes are kept by DtcTicks; other messages are not market data of ours
        }
        if (stream.isBehind(trade)) {
            problems.add(ParseProblem.atOffset(ProblemReason.TIMESTAMP_BACKWARDS, "trade at " + trade.timeMicros()
                    + " us is earlier than the last published one at " + stream.lastMicros() + " us", origin(), stream.published(),
                    encoded(m)));
            return List.of();
        }
        return stream.onLive(trade);
    }

    /** The snapshot's last trade (the market's when the subscription began), or null when it names none. */
    private static DtcTrade lastTrade(MarketDataSnapshot snapshot) {
        if (snapshot.lastTradeDateTime() <= 0 || snapshot.lastTradePrice() == io.liquidityengine.dtc.message.Dtc.UNSET_DOUBLE
                || snapshot.lastTradeVolume() == io.liquidityengine.dtc.message.Dtc.UNSET_DOUBLE) {
            return null;
        }
        return new DtcTrade(DtcTrade.micros(snapshot.lastTradeDateTime()), snapshot.lastTradePrice(), snapshot.lastTradeVolume(), 0);
    }

    private List<DtcTrade> historyEnd() {
        List<DtcTrade> out = stream.onHistoryEnd();
        LOG.info("Source {}: gap filled, {} trades from history and live buffer", id, out.size());
        return out;
    }

    private byte[] encoded(DtcMessage m) {
        return codec.encode(m);
    }

    private byte[] encoded(DtcTrade t) {
        return codec.encode(DtcTicks.asMessage(t, SYMBOL_ID));
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    /** Hands the session's events to the runner thread. */
    private final class Listener implements SessionListener {
        @Override
        public void onLoggedOn(long connection, LogonResponse response) {
            events.add(new LoggedOn(connection));
        }

        @Override
        public void onMessage(long connection, DtcMessage message) {
            events.add(new Received(connection, message));
        }

        @Override
        public void onProtocolError(long connection, long offset, String detail, byte[] bytes) {
            LOG.warn("Source {}: protocol error on connection {} at byte {}: {}", id, connection, offset, detail);
            events.add(new ProtocolError(connection, offset, detail, bytes));
        }

        @Override
        public void onDisconnected(long connection, String reason) {
            events.add(new Disconnected(connection, reason));
        }
    }
}
