package io.liquidityengine.ingest.crypto;

import io.liquidityengine.ingest.parse.ParseProblem;
import io.liquidityengine.ingest.parse.PositionKind;
import io.liquidityengine.ingest.publish.OutRecord;
import io.liquidityengine.ingest.publish.RecordSource;
import io.liquidityengine.ingest.publish.SourceBatch;
import io.liquidityengine.ingest.reference.InstrumentSpec;
import io.liquidityengine.schemas.control.StreamPosition;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code type=binance} and {@code type=coinbase}: trades of a venue's symbols to {@code md.ticks},
 * live, with no gap and no duplicate. The websocket ({@link WebSocketLink}) hands frames over a
 * queue; everything else runs on the runner's thread in {@link #poll}: subscribing after each
 * connect, parsing ({@link Venue#parser()}), keeping the last quote per symbol, judging each trade
 * against the last published id ({@link TradeLedger}) and filling gaps from the venue's REST trade
 * history ({@link Venue#history()}).
 *
 * <p>When gaps are filled: after a subscription is acknowledged (every connect, so also after a
 * restart) each symbol with a published position catches up to the newest trade over REST; and a
 * live trade whose id is more than one above the last published one first fetches the ids between.
 * Trades already published are dropped. A trade filled in from REST has no quote ({@code bid}/{@code ask}
 * null). If the history cannot be read, the connection is dropped and the catch-up of the next one
 * fills the gap: nothing after a gap is published before the gap.
 *
 * <p>Positions: {@code nextPosition} counts trades taken; the checkpoint's streams hold the last id
 * per symbol ({@link TradeLedger}).
 */
public final class CryptoMarketDataSource implements RecordSource {

    private static final Logger LOG = LoggerFactory.getLogger(CryptoMarketDataSource.class);

    private sealed interface Event permits Opened, Text, Closed { }

    private record Opened(long connection) implements Event { }

    private record Text(long connection, String text) implements Event { }

    private record Closed(long connection, String reason) implements Event { }

    private final String id;
    private final Venue venue;
    private final CryptoSettings settings;
    private final CryptoTicks ticks;
    private final LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Map<String, VenueQuote> quotes = new HashMap<>();
    private final Counter connectionsCounter;
    private final Counter duplicatesCounter;
    private final Counter filledCounter;
    private final Counter venueErrorsCounter;
    private final Counter unfilledCounter;
    private TradeLedger ledger;
    private WebSocketLink link;
    private long connection;
    private long frameIndex;
    private long framesRead;
    private long lastPublishedMicros = Long.MIN_VALUE;
    private boolean subscribed;
    private long taken;

    /** @param bySymbol the instrument of each of the venue symbols in {@code settings} */
    public CryptoMarketDataSource(String id, Venue venue, CryptoSettings settings, Map<String, InstrumentSpec> bySymbol,
                                  MeterRegistry metrics) {
        this.id = id;
        this.venue = venue;
        this.settings = settings;
        this.ticks = new CryptoTicks(bySymbol);
        this.connectionsCounter = counter(metrics, "ingest.crypto.connections", "websocket connections opened (1 + reconnects)");
        this.duplicatesCounter = counter(metrics, "ingest.crypto.duplicates", "trades received again after they were published, dropped");
        this.filledCounter = counter(metrics, "ingest.crypto.filled", "trades published from the venue's REST trade history");
        this.venueErrorsCounter = counter(metrics, "ingest.crypto.venue.errors", "error frames from the venue");
        this.unfilledCounter = counter(metrics, "ingest.crypto.unfilled.gaps",
                "gaps the REST history could not fill now (retried on the next connection) or lacked trades of");
    }

    private Counter counter(MeterRegistry metrics, String name, String description) {
        return Counter.builder(name).tag("source", id).description(description).register(metrics);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String origin() {
        return venue.websocket().toString();
    }

    @Override
    public io.liquidityengine.schemas.deadletter.PositionKind positionKind() {
        return io.liquidityengine.schemas.deadletter.PositionKind.RECORD_INDEX;
    }

    @Override
    public void open(long position) {
        open(position, List.of());
    }

    @Override
    public void open(long position, List<StreamPosition> streams) {
        taken = position;
        ledger = TradeLedger.resume(streams.stream().filter(s -> settings.symbols().contains(s.getStream())).toList());
        LOG.info("Source {}: {} {} from {}; {}", id, venue.name(), settings.symbols(), venue.websocket(),
                settings.symbols().stream().map(s -> ledger.has(s) ? s + " after trade " + ledger.lastId(s) : s + " from live")
                        .toList());
        link = new WebSocketLink(id, settings.link(venue.websocket()), new Listener()).start();
    }

    @Override
    public SourceBatch poll(int maxUnits) {
        List<OutRecord<?>> records = new ArrayList<>();
        List<ParseProblem> problems = new ArrayList<>();
        try {
            Event event = events.poll(100, TimeUnit.MILLISECONDS);
            for (int n = 0; event != null; n++) {
                handle(event, records, problems);
                event = n + 1 < maxUnits && records.size() < maxUnits ? events.poll() : null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new SourceBatch(records, problems, taken, records.isEmpty() ? Long.MIN_VALUE : lastPublishedMicros, false,
                ledger.positions());
    }

    /** Text frames read on all connections so far (on the runner's thread), for tests that wait until a replay has been read. */
    public long framesRead() {
        return framesRead;
    }

    private void handle(Event event, List<OutRecord<?>> records, List<ParseProblem> problems) {
        if (event instanceof Opened opened) {
            connection = opened.connection();
            subscribed = false;
            frameIndex = 0;
            connectionsCounter.increment();
            for (String message : venue.subscribeMessages(settings.symbols())) {
                link.send(connection, message);
            }
            return;
        }
        if (event instanceof Closed closed) {
            if (closed.connection() == connection) {
                connection = 0;
                subscribed = false;
            }
            return;
        }
        Text text = (Text) event;
        if (text.connection() != connection) {
            return; // left over from a connection that is gone
        }
        long position = frameIndex++;
        framesRead++;
        VenueFrame frame = venue.parser().parse(text.text());
        if (frame instanceof VenueFrame.Trade t) {
            onTrade(t.trade(), position, records, problems);
        } else if (frame instanceof VenueFrame.Quote q) {
            if (ticks.knows(q.quote().symbol())) {
                ParseProblem problem = ticks.checkQuote(q.quote(), text.text(), origin(), position);
                if (problem == null) {
                    quotes.put(q.quote().symbol(), q.quote());
                } else {
                    problems.add(problem);
                }
            }
        } else if (frame instanceof VenueFrame.LastTrade last) {
            // the venue has printed trades this source has not seen: fetch them now rather than at the next trade
            String symbol = last.symbol();
            if (subscribed && ticks.knows(symbol) && ledger.has(symbol) && last.tradeId() > ledger.lastId(symbol)) {
                fill(symbol, last.tradeId() + 1, records, problems);
            }
        } else if (frame instanceof VenueFrame.SubscriptionAck ack) {
            if (!subscribed) {
                subscribed = true;
                LOG.info("Source {}: subscribed on connection {} ({})", id, connection, ack.detail());
                catchUp(records, problems);
            }
        } else if (frame instanceof VenueFrame.VenueError error) {
            venueErrorsCounter.increment();
            LOG.error("Source {}: the venue reports an error on connection {}: {}{}", id, connection, error.detail(),
                    subscribed ? "" : "; not subscribed, reconnecting");
            if (!subscribed) {
                link.reconnect(connection, "subscription failed: " + error.detail());
            }
        } else if (frame instanceof VenueFrame.Reconnect r) {
            LOG.info("Source {}: {}; reconnecting", id, r.detail());
            link.reconnect(connection, r.detail());
        } else if (frame instanceof VenueFrame.Bad bad) {
            problems.add(new ParseProblem(bad.reason(), "connection " + connection + " frame " + position + ": " + bad.detail(),
                    origin(), position, PositionKind.RECORD_INDEX, text.text().getBytes(StandardCharsets.UTF_8)));
        }
    }

    private void onTrade(VenueTrade trade, long position, List<OutRecord<?>> records, List<ParseProblem> problems) {
        if (!ticks.knows(trade.symbol())) {
            return;
        }
        switch (ledger.judge(trade.symbol(), trade.id())) {
            case DUPLICATE -> {
                duplicatesCounter.increment();
                return;
            }
            case GAP -> {
                if (!fill(trade.symbol(), trade.id(), records, problems)) {
                    return; // the next connection's catch-up has it
                }
                if (ledger.judge(trade.symbol(), trade.id()) == TradeLedger.Verdict.DUPLICATE) {
                    duplicatesCounter.increment();
                    return;
                }
            }
            default -> {
            }
        }
        take(trade, quotes.get(trade.symbol()), "ws:" + venue.name(), origin(), position, records, problems);
    }

    /** After a subscription: every symbol with a position catches up to the newest trade. */
    private void catchUp(List<OutRecord<?>> records, List<ParseProblem> problems) {
        for (String symbol : settings.symbols()) {
            if (ledger.has(symbol) && !fill(symbol, null, records, problems)) {
                return;
            }
        }
    }

    /**
     * Publishes the trades after the last published one of {@code symbol} from REST: up to the newest
     * (beforeId null) or those before {@code beforeId}. False when the history could not be read (the
     * connection is dropped; the next one catches up).
     */
    private boolean fill(String symbol, Long beforeId, List<OutRecord<?>> records, List<ParseProblem> problems) {
        long from = ledger.lastId(symbol);
        List<VenueTrade> history;
        try {
            history = venue.history().tradesAfter(symbol, from, beforeId);
        } catch (IOException e) {
            unfilledCounter.increment();
            LOG.warn("Source {}: cannot read the {} trade history of {} after trade {}: {}; reconnecting to try again", id,
                    venue.name(), symbol, from, e.getMessage());
            link.reconnect(connection, "trade history unavailable");
            connection = 0;
            return false;
        }
        int n = 0;
        for (VenueTrade t : history) {
            if (beforeId != null && t.id() >= beforeId) {
                break;
            }
            TradeLedger.Verdict verdict = ledger.judge(symbol, t.id());
            if (verdict == TradeLedger.Verdict.DUPLICATE) {
                continue;
            }
            if (verdict == TradeLedger.Verdict.GAP) {
                unfilledCounter.increment();
                LOG.error("Source {}: the {} trade history of {} lacks trades {} to {}; they are missing", id, venue.name(), symbol,
                        ledger.lastId(symbol) + 1, t.id() - 1);
            }
            take(t, null, "rest:" + venue.name(), settings.rest().toString(), t.id(), records, problems);
            n++;
        }
        if (beforeId != null && ledger.lastId(symbol) < beforeId - 1) {
            unfilledCounter.increment();
            LOG.error("Source {}: the {} trade history of {} ends at trade {}, before {}; trades in between are missing", id,
                    venue.name(), symbol, ledger.lastId(symbol), beforeId - 1);
        }
        filledCounter.increment(n);
        if (n > 0) {
            LOG.info("Source {}: {} {} trades after {} filled in from the trade history", id, n, symbol, from);
        }
        return true;
    }

    /** @param origin and position: where the trade's text came from (a frame of the websocket, or a trade id of the REST history) */
    private void take(VenueTrade t, VenueQuote quote, String source, String origin, long position, List<OutRecord<?>> records,
                      List<ParseProblem> problems) {
        OutRecord<?> record = ticks.toRecord(t, quote, source, origin, position, problems);
        if (record != null) {
            records.add(record);
            lastPublishedMicros = t.timeMicros();
        }
        ledger.done(t.symbol(), t.id(), t.timeMicros());
        taken++;
    }

    @Override
    public void close() {
        if (link != null) {
            link.close();
            link = null;
        }
    }

    /** Hands the link's events to the runner thread. */
    private final class Listener implements WebSocketLink.Listener {
        @Override
        public void onOpen(long connection) {
            events.add(new Opened(connection));
        }

        @Override
        public void onText(long connection, String text) {
            events.add(new Text(connection, text));
        }

        @Override
        public void onClosed(long connection, String reason) {
            events.add(new Closed(connection, reason));
        }
    }
}
