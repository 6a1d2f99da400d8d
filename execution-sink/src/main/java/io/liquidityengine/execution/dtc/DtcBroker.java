package io.liquidityengine.execution.dtc;

import io.liquidityengine.dtc.message.OrderType;
import io.liquidityengine.dtc.message.OrderUpdate;
import io.liquidityengine.dtc.session.DtcCredentials;
import io.liquidityengine.execution.broker.BracketLegSpec;
import io.liquidityengine.execution.broker.Broker;
import io.liquidityengine.execution.broker.BrokerContext;
import io.liquidityengine.execution.broker.BrokerEvent;
import io.liquidityengine.execution.broker.BrokerState;
import io.liquidityengine.execution.broker.CancelBracket;
import io.liquidityengine.execution.broker.EntryType;
import io.liquidityengine.execution.broker.FlattenBracket;
import io.liquidityengine.execution.broker.MarketData;
import io.liquidityengine.execution.broker.ModifyBracket;
import io.liquidityengine.execution.broker.OrderRole;
import io.liquidityengine.execution.broker.PlaceBracket;
import io.liquidityengine.execution.broker.Side;
import io.liquidityengine.execution.dtc.DtcBook.Bracket;
import io.liquidityengine.execution.dtc.DtcBook.Order;
import io.liquidityengine.execution.dtc.DtcBook.Status;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One account's orders over a DTC session (see the module README, "DTC broker"): the order path. A
 * bracket is an entry {@code SubmitNewSingleOrder} with {@code IsParentOrder}, then per exit leg with a
 * target an {@code SubmitNewOCOOrder} (target LIMIT + stop STOP, {@code ParentTriggerClientOrderID} = the
 * entry); a leg without a target is a single STOP sent when the entry's fill is booked. DTC client order
 * ids are the engine's ({@link DtcIds}: hashed when too long for DTC): the entry is the PLACE's client order
 * id, the legs {@code <id>/T<n>} and {@code <id>/S<n>}, a flatten's market order the FLATTEN's id.
 *
 * <p>The parts: {@link DtcBook} (the state), {@link DtcSession} (the transport), {@link DtcMessages}
 * (what goes out), {@link DtcOrderUpdates} (what comes back, as events), {@link DtcReconciler}.
 *
 * <p>Threads: the session thread only hands {@link OrderUpdate}s to the sink through the inbox as tasks;
 * every state change happens on the sink's thread (calls, inbox tasks, {@link #reconcile}), so the state
 * saved at a commit is exactly what the events committed with it say. The sink's thread never waits for
 * the server: requests are answered through the inbox too, and the broker {@link #holdsInput holds the
 * sink's input} until the answers it needs before the next instruction have been booked.
 *
 * <p>With {@code matching-clock=sink} (replays against the project's server in {@code matching=external}) the
 * broker is {@link MarketData}: it is the server's matching clock ({@link DtcMatchingClock}), so fills follow the
 * sink's event-time order exactly as the paper broker's do.
 */
public final class DtcBroker implements Broker, MarketData {

    private static final Logger LOG = LoggerFactory.getLogger(DtcBroker.class);
    /** Format of {@link #saveState()}. */
    public static final int STATE_FORMAT = DtcBook.STATE_FORMAT;

    private final BrokerContext context;
    private final DtcBrokerConfig config;
    private final DtcBook book = new DtcBook();
    private final DtcSession session;
    private final DtcMessages messages;
    private final DtcOrderUpdates updates;
    private final DtcReconciler reconciler;
    /** Null unless {@code matching-clock=sink}. */
    private final DtcMatchingClock clock;

    public DtcBroker(BrokerContext context, DtcBrokerConfig config, DtcCredentials credentials) {
        this.context = context;
        this.config = config;
        this.session = new DtcSession(context.account(), config, credentials, new DtcSession.Handler() {
            @Override
            public void orderUpdate(OrderUpdate u) {
                context.inbox().run(out -> updates.apply(u, out));
            }

            @Override
            public void loggedOnAgain(long connection) {
                LOG.info("DTC broker of account {}: logged on again (connection {}); reconciling", context.account(), connection);
                context.inbox().run(out -> {
                    updates.loggedOnAgain();
                    reconciler.reconcile(out);
                    if (clock != null) {
                        clock.resend();
                    }
                });
            }
        });
        this.messages = new DtcMessages(config.tradeAccount());
        this.updates = new DtcOrderUpdates(context.account(), book, session, messages, context.inbox(), config.commissionPerContract());
        this.reconciler = new DtcReconciler(context.account(), config.tradeAccount(), book, session, messages, updates, context.inbox());
        this.clock = config.matchingClock() == DtcBrokerConfig.MatchingClock.SINK
                ? new DtcMatchingClock(context.account(), config.tradeAccount(), session, context.inbox()) : null;
    }

    // ---- lifecycle ----

    @Override
    public void start() {
        session.start();
    }

    @Override
    public void close() {
        session.close();
    }

    /** Whether the order session is logged on now (tests: a dropped link noticed). */
    boolean loggedOn() {
        return session.loggedOn();
    }

    /** Messages sent to the server so far (tests: whether a drain of the inbox sent something). */
    public long sent() {
        return session.sent();
    }

    /**
     * Sends a request and returns once the server answered it: everything the server sent before has
     * been handed to the inbox by then (the server answers in order). For tests and for settling.
     */
    public void roundTrip() {
        session.roundTrip();
    }

    @Override
    public void reconcile() {
        reconciler.reconcile(context.listener());
    }

    /**
     * While the session is down (an instruction now could not reach the server; the re-logon reconciles, and the input goes
     * on after that), while a reconciliation or the lookup of an order a duplicate reject named waits for the server's
     * answer; with {@code matching-clock=sink} also until the answer to the last matching clock has been booked.
     */
    @Override
    public boolean holdsInput() {
        return !session.loggedOn() || reconciler.running() || updates.lookingUp() || (clock != null && clock.holdsInput());
    }

    /** Until every DTC order of the bracket ended (an OCO partner's cancel comes in its own order update). */
    @Override
    public boolean hasLiveOrders(String bracketId) {
        return book.bracket(bracketId) != null;
    }

    // ---- the market (matching-clock=sink only) ----

    /** False with {@code matching-clock=sink}: the clock must know every trade the sink runs (a bracket may start at any). */
    @Override
    public boolean idle() {
        return clock == null;
    }

    /** Notes the trade; while a bracket of the account works in its symbol, the server matches through it (input held). */
    @Override
    public void onTrade(String instrument, BigDecimal price, long eventTimeMicros) {
        if (clock == null) {
            return;
        }
        String symbol = config.symbol(instrument);
        clock.traded(symbol, eventTimeMicros);
        for (Bracket b : book.state.brackets.values()) {
            if (b.symbol.equals(symbol)) {
                clock.tick(symbol, config.exchange(instrument));
                return;
            }
        }
    }

    /** Runs an instruction between the clock's catch-up and its tick (with {@code matching-clock=sink}; else just runs it). */
    private void clocked(String symbol, String exchange, long micros, Runnable instruction) {
        if (clock == null || symbol == null) {
            instruction.run();
            return;
        }
        clock.catchUp(symbol, exchange, micros);
        instruction.run();
        clock.tick(symbol, exchange);
    }

    @Override
    public void inputCaughtUp() {
        reconciler.inputCaughtUp(context.listener());
    }

    // ---- instructions (sink thread) ----

    @Override
    public void place(PlaceBracket order) {
        String instrument = order.instrument().symbol();
        clocked(config.symbol(instrument), config.exchange(instrument), order.eventTimeMicros(), () -> placeNow(order));
    }

    private void placeNow(PlaceBracket order) {
        long t = order.eventTimeMicros();
        if (book.bracket(order.bracketId()) != null) {
            reject(order.clientOrderId(), order.bracketId(), "bracket " + order.bracketId() + " is already working", t);
            return;
        }
        String id = DtcIds.of(order.clientOrderId(), order.legs().size());
        Bracket b = new Bracket();
        b.placeId = order.clientOrderId();
        b.bracketId = order.bracketId();
        b.instrument = order.instrument();
        b.symbol = config.symbol(order.instrument().symbol());
        b.exchange = config.exchange(order.instrument().symbol());
        b.side = order.side();
        b.entryType = order.entryType();
        b.quantity = order.quantity();
        b.placedMicros = t;
        Order entry = book.add(b, id, OrderRole.ENTRY, null, order.side(), switch (order.entryType()) {
            case MARKET -> OrderType.MARKET;
            case LIMIT -> OrderType.LIMIT;
            case STOP -> OrderType.STOP;
        }, order.entryPrice(), order.quantity(), Status.SENT);
        List<Order[]> pairs = new ArrayList<>();
        int n = 0;
        for (BracketLegSpec leg : order.legs()) {
            n++;
            Side exit = order.side().opposite();
            if (leg.target() != null) {
                Order target = book.add(b, id + "/T" + n, OrderRole.TARGET, leg.legId(), exit, OrderType.LIMIT, leg.target(), leg.quantity(), Status.SENT);
                Order stop = book.add(b, id + "/S" + n, OrderRole.STOP, leg.legId(), exit, OrderType.STOP, leg.stop(), leg.quantity(), Status.SENT);
                pairs.add(new Order[] {target, stop});
            } else {
                book.add(b, id + "/S" + n, OrderRole.STOP, leg.legId(), exit, OrderType.STOP, leg.stop(), leg.quantity(), Status.UNSENT);
            }
        }
        book.state.brackets.put(b.bracketId, b);
        book.state.lastEventMicros = Math.max(book.state.lastEventMicros, t);
        if (book.unclaimed.containsKey(entry.id)) {
            updates.adopt(b, pairs, context.listener());
            return;
        }
        boolean ok = session.send(messages.entry(b, entry, !pairs.isEmpty()));
        for (Order[] pair : pairs) {
            ok &= session.send(messages.pair(b, pair[0], pair[1], entry.id));
        }
        if (!ok) {
            LOG.warn("DTC broker of account {}: bracket {} not fully sent (session down); reconciliation will find what reached the server",
                    context.account(), b.bracketId);
        }
        DtcOrderUpdates.holdIfAsked(entry.id);
    }

    @Override
    public void modify(ModifyBracket m) {
        Bracket known = book.bracket(m.bracketId());
        clocked(known == null ? null : known.symbol, known == null ? null : known.exchange, m.eventTimeMicros(), () -> modifyNow(m));
    }

    private void modifyNow(ModifyBracket m) {
        Bracket b = book.bracket(m.bracketId());
        long t = m.eventTimeMicros();
        if (b == null || b.flattenId != null || b.cancelId != null) {
            reject(m.clientOrderId(), m.bracketId(), notWorking(m.bracketId()), t);
            return;
        }
        List<Order> changes = new ArrayList<>();
        List<BigDecimal> prices = new ArrayList<>();
        Order entry = book.entry(b);
        if (m.entryPrice() != null && !b.entryFilled && b.entryType != EntryType.MARKET && entry.status.active()
                && entry.price.compareTo(m.entryPrice()) != 0) {
            changes.add(entry);
            prices.add(m.entryPrice());
        }
        for (ModifyBracket.LegChange change : m.legs()) {
            for (String id : b.orders) {
                Order o = book.order(id);
                if (!change.legId().equals(o.legId) || !o.status.active()) {
                    continue;
                }
                BigDecimal wanted = o.role == OrderRole.TARGET ? change.target() : change.stop();
                if (wanted != null && o.price.compareTo(wanted) != 0) {
                    changes.add(o);
                    prices.add(wanted);
                }
            }
        }
        if (changes.isEmpty()) {
            context.listener().accept(new BrokerEvent.Modified(m.clientOrderId(), m.bracketId(), OrderRole.ENTRY, null, null, "no change", t));
            return;
        }
        for (int i = 0; i < changes.size(); i++) {
            Order o = changes.get(i);
            BigDecimal p = prices.get(i);
            if (o.status == Status.UNSENT) {
                context.listener().accept(new BrokerEvent.Modified(m.clientOrderId(), m.bracketId(), o.role, o.legId, p,
                        o.role.name().toLowerCase() + " " + DtcBook.plain(b, o.price) + " -> " + DtcBook.plain(b, p) + " (not at the server yet)", t));
                o.price = p;
                continue;
            }
            o.modifyId = m.clientOrderId();
            o.modifyPrice = p;
            session.send(messages.replace(o, p));
        }
    }

    @Override
    public void cancel(CancelBracket c) {
        Bracket known = book.bracket(c.bracketId());
        clocked(known == null ? null : known.symbol, known == null ? null : known.exchange, c.eventTimeMicros(), () -> cancelNow(c));
    }

    private void cancelNow(CancelBracket c) {
        Bracket b = book.bracket(c.bracketId());
        long t = c.eventTimeMicros();
        if (b == null || b.flattenId != null || b.cancelId != null) {
            reject(c.clientOrderId(), c.bracketId(), notWorking(c.bracketId()), t);
        } else if (b.entryFilled) {
            reject(c.clientOrderId(), c.bracketId(), "bracket " + c.bracketId() + " has an open position; send FLATTEN to close it", t);
        } else {
            b.cancelId = c.clientOrderId();
            session.send(messages.cancel(book.entry(b)));
        }
    }

    @Override
    public void flatten(FlattenBracket f) {
        Bracket known = book.bracket(f.bracketId());
        clocked(known == null ? null : known.symbol, known == null ? null : known.exchange, f.eventTimeMicros(), () -> flattenNow(f));
    }

    private void flattenNow(FlattenBracket f) {
        Bracket b = book.bracket(f.bracketId());
        long t = f.eventTimeMicros();
        if (b == null || b.flattenId != null || b.cancelId != null) {
            reject(f.clientOrderId(), f.bracketId(), notWorking(f.bracketId()), t);
            return;
        }
        b.flattenId = f.clientOrderId();
        if (!b.entryFilled) {
            session.send(messages.cancel(book.entry(b)));
            return;
        }
        for (String id : b.orders) {
            Order o = book.order(id);
            if (o.role == OrderRole.ENTRY || !o.status.active()) {
                continue;
            }
            if (o.status == Status.UNSENT) {
                o.status = Status.CANCELED;
                context.listener().accept(new BrokerEvent.Cancelled(f.clientOrderId(), b.bracketId, o.role, o.legId, "flatten", t));
            } else {
                session.send(messages.cancel(o));
            }
        }
        updates.maybeSendFlatten(b, context.listener());
    }

    private void reject(String clientOrderId, String bracketId, String text, long t) {
        context.listener().accept(new BrokerEvent.Rejected(clientOrderId, bracketId, text, t));
    }

    private static String notWorking(String bracketId) {
        return "bracket " + bracketId + " is not working (unknown, cancelled, closed or being flattened)";
    }

    // ---- state ----

    @Override
    public Optional<BrokerState> saveState() {
        return book.save();
    }

    @Override
    public void restoreState(BrokerState s) {
        book.restore(s);
    }

    @Override
    public String toString() {
        return "DtcBroker[" + context.account() + " -> " + config.describe() + "]";
    }
}
