package io.liquidityengine.execution.sink;

import io.liquidityengine.schemas.Micros;
import io.liquidityengine.execution.broker.AccountBrokers;
import io.liquidityengine.execution.broker.Broker;
import io.liquidityengine.execution.broker.BrokerEvent;
import io.liquidityengine.execution.broker.BrokerInbox;
import io.liquidityengine.execution.broker.InstrumentSpec;
import io.liquidityengine.execution.broker.MarketData;
import io.liquidityengine.execution.broker.OrderRole;
import io.liquidityengine.execution.broker.PlaceBracket;
import io.liquidityengine.execution.broker.Side;
import io.liquidityengine.schemas.control.CommandType;
import io.liquidityengine.schemas.control.ControlCommand;
import io.liquidityengine.schemas.deadletter.DeadLetter;
import io.liquidityengine.schemas.deadletter.DeadLetterReason;
import io.liquidityengine.schemas.deadletter.PositionKind;
import io.liquidityengine.schemas.execution.ExecutionReport;
import io.liquidityengine.schemas.execution.Order;
import io.liquidityengine.schemas.execution.OrderAction;
import io.liquidityengine.schemas.execution.Position;
import io.liquidityengine.schemas.marketdata.Tick;
import io.liquidityengine.schemas.reference.Instrument;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * exec.orders + md.ticks + ref.instruments -> broker -> exec.reports, exec.positions, dlq.execution.
 * Validates orders, never hands a client order id to the broker twice, turns broker events into
 * reports with deterministic ids ({@code <clientOrderId>/<role>[/<legId>]/<execType>}: each order of
 * a bracket fills or cancels at most once) and keeps each bracket's position in ticks. Single
 * threaded and free of Kafka: the runner feeds it in event-time order and snapshots its state.
 *
 * <p>Each account has its own broker, made by {@link AccountBrokers} when the account is first needed
 * (or at {@link #start()} for the configured accounts, or on {@link #restore}); the sink knows brokers
 * only through {@link Broker} (and {@link MarketData} for those that want the trades). Events a broker
 * sends from its own threads wait in the {@link BrokerInbox} until {@link #drainBrokerEvents()}.
 * Trades reach the brokers in account order.
 */
public final class ExecutionSink {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutionSink.class);
    public static final String DEAD_LETTER_SOURCE = "execution.orders";

    /**
     * @param accounts the accounts this sink executes; empty = every account on exec.orders
     * @param executedIdRetention how long (event time) an executed client order id is remembered
     */
    public record Config(Set<String> accounts, Duration executedIdRetention) {
        public Config {
            accounts = Set.copyOf(accounts);
        }
    }

    /** Where the sink's outputs go (the runner adds them to the open Kafka transaction). */
    public interface Output {
        void report(ExecutionReport report);

        void position(Position position);

        void deadLetter(DeadLetter deadLetter);

        /** A command on control.commands (a HALT after a position mismatch); outputs that cannot publish one refuse it. */
        default void control(ControlCommand command) {
            throw new UnsupportedOperationException("this output cannot publish control commands: " + command);
        }
    }

    /** Where an input record came from, for dead letters. */
    public record Origin(String topic, int partition, long offset) {
        String text() {
            return topic + "-" + partition;
        }
    }

    private final Config config;
    private final Output out;
    private final MeterRegistry metrics;
    /** Each account's broker, in account order (the order trades reach them: deterministic across restarts). */
    private final BrokerInbox inbox = new BrokerInbox();
    private final SinkBrokers brokers;
    private final Map<String, InstrumentSpec> instruments = new HashMap<>();
    private final Map<String, Long> executed = new LinkedHashMap<>();
    private final Map<String, BracketBook> books = new LinkedHashMap<>();
    private final List<String> finished = new ArrayList<>();
    private Order current;
    private long lastEventMicros = Long.MIN_VALUE;
    private boolean dirty;

    public ExecutionSink(Config config, AccountBrokers brokers, Output out, MeterRegistry metrics) {
        this.config = config;
        this.out = out;
        this.metrics = metrics;
        this.brokers = new SinkBrokers(brokers, this::onBrokerEvent, inbox);
    }

    /**
     * Makes, starts and reconciles the brokers of the configured accounts that {@link #restore} has not
     * made already, so a live broker connects (and reports fills missed while the sink was down) before
     * the first order; with every account configured ({@code accounts} empty) brokers are made on first use.
     */
    public void start() {
        config.accounts().stream().sorted().filter(a -> !brokers.has(a)).forEach(a -> brokers.open(a, null));
    }

    /**
     * The runner processed every input record that was on the topics at its start: tells every broker
     * (and every broker made from now on, after its reconciliation), see {@link Broker#inputCaughtUp}.
     */
    public void inputCaughtUp() {
        brokers.inputCaughtUp();
    }

    /** The account's broker, made, started and reconciled on first use. */
    private Broker broker(String account) {
        return brokers.forInstruction(account);
    }

    /**
     * True while a broker holds input (a reconciliation answered through the inbox is still running): the
     * runner then processes no input record, only the inbox, so instructions and trades reach the brokers in
     * the same order and after the same reconciliation as if it had been awaited.
     */
    public boolean holdsInput() {
        return brokers.holdsInput();
    }

    /**
     * Whether {@link #onOrder} can take this order now. An order that will be handed to an account without
     * a broker yet makes that broker here (start, reconcile), so a reconciliation answered through the inbox
     * is done before the order reaches it: false until then, and while any broker {@link #holdsInput}.
     */
    public boolean readyFor(Order order) {
        if (holdsInput()) {
            return false;
        }
        if (order == null || brokers.has(order.getAccount()) || executed.containsKey(order.getClientOrderId())
                || (!config.accounts().isEmpty() && !config.accounts().contains(order.getAccount()))
                || !instruments.containsKey(order.getInstrument())) {
            return true;
        }
        return !brokers.makeHolds(order.getAccount());
    }

    /**
     * Processes the events brokers left in the inbox from their own threads, in arrival order, like the
     * synchronous ones; the runner calls this on the sink's thread each round. Returns how many there were.
     */
    public int drainBrokerEvents() {
        int n = inbox.drainTo(this::onInboxEvent);
        purgeUnlessHeld();
        return n;
    }

    /** {@link #drainBrokerEvents()}, waiting up to {@code wait} for the first event when there is none yet. */
    public int drainBrokerEvents(java.time.Duration wait) {
        int n = inbox.drainTo(this::onInboxEvent, wait);
        purgeUnlessHeld();
        return n;
    }

    /**
     * Forgets the brackets that ended, but not while a broker holds the input: its answer is still arriving (a matching
     * clock's fills, then the OCO cancels they caused), and the events after a closing fill belong to the bracket too.
     */
    private void purgeUnlessHeld() {
        if (!brokers.holdsInput()) {
            purgeFinished();
        }
    }

    private void onInboxEvent(BrokerEvent event) {
        if (event instanceof BrokerEvent.Discrepancy d) {
            onDiscrepancy(d);
            return;
        }
        if (!books.containsKey(event.bracketId())) {
            // not ours (any more): reconciliation reports orders the sink never sent; nothing to book here
            LOG.warn("Broker event for bracket {} which is not active here; skipped: {}", event.bracketId(), event);
            metrics.counter("execution.broker.events.unknown").increment();
            return;
        }
        onBrokerEvent(event);
    }

    /** Closes every broker (end of a session); the sink is not used afterwards. */
    public void close() {
        brokers.close();
    }

    public void onInstrument(String symbol, Instrument instrument) {
        if (instrument == null) {
            instruments.remove(symbol);
            return;
        }
        try {
            instruments.put(instrument.getSymbol(), new InstrumentSpec(instrument.getSymbol(), BigDecimal.valueOf(instrument.getTickSize()),
                    instrument.getTickValue(), instrument.getCurrency(), BigDecimal.valueOf(instrument.getQuantityStep())));
        } catch (IllegalArgumentException e) {
            LOG.warn("Ignoring instrument {}: {}", instrument.getSymbol(), e.getMessage());
            metrics.counter("execution.instruments.invalid").increment();
        }
    }

    public void onTick(Tick tick) {
        long t = Micros.of(tick.getEventTime());
        lastEventMicros = Math.max(lastEventMicros, t);
        if (brokers.isEmpty() || !Double.isFinite(tick.getPrice())) {
            return;
        }
        brokers.onTrade(tick.getInstrument(), tick.getPrice(), t);
        purgeFinished();
    }

    public void onOrder(Order order, Origin origin, byte[] raw) {
        if (!config.accounts().isEmpty() && !config.accounts().contains(order.getAccount())) {
            count("other_account");
            return;
        }
        long t = Micros.of(order.getEventTime());
        lastEventMicros = Math.max(lastEventMicros, t);
        if (executed.containsKey(order.getClientOrderId())) {
            LOG.info("Order {} was executed before; not sending it again", order.getClientOrderId());
            count("duplicate");
            return;
        }
        dirty = true;
        executed.put(order.getClientOrderId(), t);
        current = order;
        try {
            InstrumentSpec instrument = instruments.get(order.getInstrument());
            if (instrument == null) {
                throw new InvalidOrderException(DeadLetterReason.UNKNOWN_INSTRUMENT, "instrument '" + order.getInstrument()
                        + "' is not on ref.instruments");
            }
            switch (order.getAction()) {
                case PLACE -> {
                    PlaceBracket place = OrderMapper.place(order, instrument);
                    if (books.containsKey(place.bracketId())) {
                        reject(order, "bracket " + place.bracketId() + " is already active");
                        return;
                    }
                    books.put(place.bracketId(), BracketBook.placed(place.bracketId(), place.clientOrderId(), place.account(),
                            instrument.symbol(), place.side(), instrument.tickSize(), instrument.tickValue(), instrument.currency(), t));
                    broker(order.getAccount()).place(place);
                }
                case MODIFY -> broker(order.getAccount()).modify(OrderMapper.modify(order, instrument));
                case CANCEL -> broker(order.getAccount()).cancel(OrderMapper.cancel(order));
                case FLATTEN -> broker(order.getAccount()).flatten(OrderMapper.flatten(order));
            }
            count("executed");
        } catch (InvalidOrderException e) {
            count("dead_lettered");
            deadLetter(origin, raw, e.reason(), "order " + order.getClientOrderId() + ": " + e.getMessage(), t);
            reject(order, e.getMessage());
        } finally {
            current = null;
            purgeFinished();
        }
    }

    /** An exec.orders record that could not be decoded: dead-lettered, nothing else. */
    public void onUndecodableOrder(Origin origin, byte[] raw, String detail, long timestampMicros) {
        dirty = true;
        count("dead_lettered");
        deadLetter(origin, raw, DeadLetterReason.DESERIALIZATION_FAILED, detail, null);
    }

    private void deadLetter(Origin origin, byte[] raw, DeadLetterReason reason, String detail, Long eventMicros) {
        metrics.counter("execution.dead.letters", "reason", reason.name()).increment();
        LOG.warn("Dead letter from {} offset {}: {} {}", origin.text(), origin.offset(), reason, detail);
        out.deadLetter(DeadLetter.newBuilder().setSource(DEAD_LETTER_SOURCE).setOrigin(origin.text()).setPosition(origin.offset())
                .setPositionKind(PositionKind.KAFKA_OFFSET).setReason(reason).setDetail(detail)
                .setPayload(ByteBuffer.wrap(raw == null ? new byte[0] : raw))
                .setEventTime(eventMicros == null ? null : Reports.instant(eventMicros)).build());
    }

    private void reject(Order order, String text) {
        onBrokerEvent(new BrokerEvent.Rejected(order.getClientOrderId(), order.getBracketId(), text, Micros.of(order.getEventTime())));
    }

    /** Reconciliation's findings: one log line and a metric each; a HALT for a position mismatch, a REJECTED report for an unknown order. */
    private void onDiscrepancy(BrokerEvent.Discrepancy d) {
        dirty = true;
        metrics.counter("execution.reconciliation.discrepancies", "kind", d.kind().name()).increment();
        LOG.warn("Reconciliation, account {}: {} {}{}", d.account(), d.kind(), d.text(),
                d.kind() == BrokerEvent.Discrepancy.Kind.POSITION_MISMATCH ? "; HALT published on control.commands" : "");
        switch (d.kind()) {
            case POSITION_MISMATCH -> out.control(ControlCommand.newBuilder()
                    .setCommandId("reconcile/" + d.account() + "/" + d.instrument() + "/" + d.eventTimeMicros())
                    .setAccount(d.account()).setCommand(CommandType.HALT).setInstrument(null)
                    .setEventTime(Reports.instant(d.eventTimeMicros())).setIssuedBy("execution-sink reconciliation").setReason(d.text()).build());
            case ORDER_UNKNOWN_AT_VENUE -> {
                BracketBook book = d.bracketId() == null ? null : books.get(d.bracketId());
                if (book != null) {
                    onBrokerEvent(new BrokerEvent.Rejected(book.placeClientOrderId(), book.bracketId(), "reconciliation: " + d.text(),
                            d.eventTimeMicros()));
                    finished.add(book.bracketId());
                }
            }
            case FOREIGN_ORDER -> { }
        }
    }

    private void onBrokerEvent(BrokerEvent event) {
        if (event instanceof BrokerEvent.Discrepancy d) {
            onDiscrepancy(d);
            return;
        }
        BracketBook book = books.get(event.bracketId());
        String account;
        String instrument;
        Side side;
        if (book != null) {
            account = book.account();
            instrument = book.instrument();
            side = book.side();
        } else if (current != null) {
            account = current.getAccount();
            instrument = current.getInstrument();
            side = Side.valueOf(current.getSide().name());
        } else {
            throw new IllegalStateException("broker event for unknown bracket " + event.bracketId() + ": " + event);
        }
        dirty = true;
        boolean flatten = current != null && current.getAction() == OrderAction.FLATTEN;
        ExecutionReport report = Reports.report(event, account, instrument, side, flatten);
        if (event instanceof BrokerEvent.Cancelled c && c.role() == OrderRole.ENTRY) {
            finished.add(c.bracketId());
        } else if (event instanceof BrokerEvent.Rejected r && current != null && current.getAction() == OrderAction.PLACE && book != null
                && book.placeClientOrderId().equals(r.clientOrderId())) {
            finished.add(r.bracketId());
        } else if (event instanceof BrokerEvent.Filled f) {
            metrics.counter("execution.fills", "role", f.role().name()).increment();
        }
        out.report(report);
        if (event instanceof BrokerEvent.Filled f) {
            if (book == null) {
                throw new IllegalStateException("fill for unknown bracket " + f.bracketId());
            }
            BracketBook next = book.apply(f);
            books.put(next.bracketId(), next);
            out.position(Reports.position(next));
            if (next.closed()) {
                finished.add(next.bracketId());
            }
        }
    }

    /** Forgets the brackets that ended, except those whose broker still holds live orders of them (they are kept for later). */
    private void purgeFinished() {
        finished.removeIf(id -> {
            BracketBook book = books.get(id);
            if (book != null && brokers.hasLiveOrders(book.account(), id)) {
                return false;
            }
            books.remove(id);
            return true;
        });
    }

    private void count(String outcome) {
        metrics.counter("execution.orders", "outcome", outcome).increment();
    }

    /** True when something changed since the last {@link #snapshot()}. */
    public boolean dirty() {
        return dirty;
    }

    /** The state to persist; forgets executed ids older than the retention (event time). Clears {@link #dirty()}. */
    public SinkState snapshot() {
        long horizon = lastEventMicros == Long.MIN_VALUE ? Long.MIN_VALUE : lastEventMicros - config.executedIdRetention().toNanos() / 1_000;
        executed.values().removeIf(t -> t < horizon);
        dirty = false;
        return new SinkState(SinkState.FORMAT_VERSION, executed, List.copyOf(books.values()), brokers.save(), lastEventMicros, null);
    }

    /** Restores a snapshot into a sink that has not worked yet: every account's broker is made from its stored state. */
    public void restore(SinkState state) {
        close();
        executed.clear();
        executed.putAll(state.executedOrderIds());
        books.clear();
        state.brackets().forEach(b -> books.put(b.bracketId(), b));
        finished.clear();
        state.brackets().stream().filter(BracketBook::closed).forEach(b -> finished.add(b.bracketId())); // kept for their broker
        state.brokers().forEach(s -> brokers.open(s.account(), s));
        lastEventMicros = state.lastEventMicros();
        dirty = false;
    }

    public long lastEventMicros() {
        return lastEventMicros;
    }

    /** Active brackets (placed, not yet closed or cancelled), in placement order. */
    public List<BracketBook> activeBrackets() {
        return List.copyOf(books.values());
    }

}
