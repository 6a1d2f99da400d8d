package io.liquidityengine.execution.binance;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liquidityengine.execution.binance.BinanceState.Bracket;
import io.liquidityengine.execution.binance.BinanceState.Order;
import io.liquidityengine.execution.binance.BinanceState.Status;
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
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One account's orders at Binance spot (see the module README, "Binance broker"): a bracket is the entry
 * ({@code POST /api/v3/order}: MARKET, LIMIT, or STOP_LOSS_LIMIT for a stop entry), then, once its fill is
 * booked, per exit leg an OCO order list ({@code POST /api/v3/orderList/oco}: LIMIT_MAKER target +
 * STOP_LOSS_LIMIT stop) or, for a leg without a target, a single STOP_LOSS_LIMIT. Modify = cancel-replace
 * (an entry, a single stop) or a new OCO list for a pair (Binance cannot amend an order list); flatten =
 * cancel every working exit, then MARKET for the open quantity.
 *
 * <p>Threads as in the DTC broker: the user data stream's thread only queues its events as inbox tasks;
 * every state change happens on the sink's thread (calls, inbox tasks, reconciliation), requests are
 * synchronous on that thread. Order events come from the stream only; REST answers are used for errors.
 */
public final class BinanceBroker implements Broker, MarketData {

    private static final Logger LOG = LoggerFactory.getLogger(BinanceBroker.class);
    /** Format of {@link #saveState()}: {@link BinanceState} as JSON. */
    public static final int STATE_FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    final BrokerContext context;
    final BinanceBrokerConfig config;
    final BinanceRest rest;
    final BinanceOrders orders;
    BinanceState state = new BinanceState();
    private UserDataStream stream;
    private final BinanceReconciler reconciler;
    final BinanceBooking booking;
    /** Whether the sink has processed again everything a predecessor may have sent (see {@link #inputCaughtUp}). */
    boolean inputCaughtUp;
    /** {@code matching-clock=sink} (the exchange simulator only), else null. */
    private final BinanceMatchingClock clock;

    BinanceBroker(BrokerContext context, BinanceBrokerConfig config, BinanceRest rest) {
        this.context = context;
        this.config = config;
        this.rest = rest;
        this.orders = new BinanceOrders(this);
        this.reconciler = new BinanceReconciler(this);
        this.booking = new BinanceBooking(this);
        this.clock = config.sinkMatchingClock() ? new BinanceMatchingClock(rest) : null;
    }

    // ---- lifecycle ----

    @Override
    public void start() {
        rest.syncTime();
        stream = new UserDataStream(rest, config.wsUrl(), config.keepalive(), context.account(),
                event -> context.inbox().run(out -> {
                    booking.apply(event, out);
                    if (clock != null) {
                        clock.booked();
                    }
                }), () -> context.inbox().run(reconciler::reconcile));
        stream.start();
        LOG.info("Binance broker of account {}: user data stream open at {} (clock offset {} ms)", context.account(), config.wsUrl(),
                rest.offsetMillis());
    }

    @Override
    public void reconcile() {
        reconciler.reconcile(context.listener());
    }

    @Override
    public void inputCaughtUp() {
        inputCaughtUp = true;
        reconciler.foreignOrders(context.listener());
    }

    @Override
    public void close() {
        if (stream != null) {
            stream.close();
        }
    }

    // ---- the market (matching-clock=sink only) ----

    /** Only with {@code matching-clock=sink}: the trade is printed at the simulator, which matches the orders working there. */
    @Override
    public void onTrade(String instrument, BigDecimal price, long eventTimeMicros) {
        clock.trade(config.symbol(instrument), price, Math.floorDiv(eventTimeMicros, 1000L), listenKey());
    }

    @Override
    public boolean idle() {
        return clock == null;
    }

    /** With {@code matching-clock=sink}: true until every user data event the simulator has sent is booked. */
    @Override
    public boolean holdsInput() {
        return clock != null && clock.holds(listenKey());
    }

    /** Until every order of the bracket ended here (an OCO partner's expiry comes in its own execution report). */
    @Override
    public boolean hasLiveOrders(String bracketId) {
        return state.brackets.containsKey(bracketId);
    }

    /** Times the user data stream was opened again after a close (each queues a reconciliation). */
    public int streamReconnects() {
        return stream == null ? 0 : stream.reconnects();
    }

    /** The user data stream's current listen key (tests). */
    public String listenKey() {
        return stream == null ? null : stream.listenKey();
    }

    /** User data events received so far (tests: waiting for what the venue sent). */
    public long userEventsReceived() {
        return stream == null ? 0 : stream.received();
    }

    /** Waits until {@code n} user data events have been received and queued for the sink; false after {@code timeout}. */
    public boolean awaitUserEvents(long n, Duration timeout) throws InterruptedException {
        return stream != null && stream.awaitReceived(n, timeout);
    }

    /** Requests sent to the REST API so far, every try counted. */
    public long restRequests() {
        return rest.requests();
    }

    // ---- instructions (sink thread) ----

    @Override
    public void place(PlaceBracket p) {
        if (clock != null) {
            clock.venueMayHaveSent();
        }
        long t = p.eventTimeMicros();
        if (state.brackets.containsKey(p.bracketId())) {
            reject(p.clientOrderId(), p.bracketId(), "bracket " + p.bracketId() + " is already working", t);
            return;
        }
        Bracket b = new Bracket();
        b.placeId = p.clientOrderId();
        b.bracketId = p.bracketId();
        b.instrument = p.instrument();
        b.symbol = config.symbol(p.instrument().symbol());
        b.side = p.side();
        b.entryType = p.entryType();
        b.quantity = p.quantity();
        b.placedMicros = t;
        String type = switch (p.entryType()) {
            case MARKET -> "MARKET";
            case LIMIT -> "LIMIT";
            case STOP -> "STOP_LOSS_LIMIT";
        };
        Order entry = order(b, BinanceIds.of(b.placeId, ""), OrderRole.ENTRY, null, 0, p.side(), type, p.entryPrice(), p.quantity(), Status.SENT);
        int n = 0;
        for (BracketLegSpec leg : p.legs()) {
            n++;
            Side exit = p.side().opposite();
            String list = leg.target() == null ? null : BinanceIds.of(b.placeId, "-L" + n);
            if (leg.target() != null) {
                order(b, BinanceIds.of(b.placeId, "-T" + n), OrderRole.TARGET, leg.legId(), n, exit, "LIMIT_MAKER", leg.target(), leg.quantity(),
                        Status.UNSENT).listId = list;
            }
            order(b, BinanceIds.of(b.placeId, "-S" + n), OrderRole.STOP, leg.legId(), n, exit, "STOP_LOSS_LIMIT", leg.stop(), leg.quantity(),
                    Status.UNSENT).listId = list;
        }
        state.brackets.put(b.bracketId, b);
        state.lastEventMicros = Math.max(state.lastEventMicros, t);
        orders.sendSingle(b, entry, context.listener());
    }

    @Override
    public void modify(ModifyBracket m) {
        if (clock != null) {
            clock.venueMayHaveSent();
        }
        Bracket b = state.brackets.get(m.bracketId());
        long t = m.eventTimeMicros();
        if (b == null || b.flattenId != null || b.cancelId != null) {
            reject(m.clientOrderId(), m.bracketId(), notWorking(m.bracketId()), t);
            return;
        }
        boolean changed = false;
        Order entry = state.entry(b);
        if (m.entryPrice() != null && !b.entryFilled && b.entryType != EntryType.MARKET && entry.status.active()
                && entry.price.compareTo(m.entryPrice()) != 0) {
            if (!orders.replaceSingle(b, entry, m.clientOrderId(), "-E", m.entryPrice(), t)) {
                return;
            }
            changed = true;
        }
        for (ModifyBracket.LegChange change : m.legs()) {
            List<Order> leg = null;
            for (String id : b.orders) {
                Order o = state.orders.get(id);
                if (change.legId().equals(o.legId)) {
                    leg = state.leg(b, o.leg);
                    break;
                }
            }
            if (leg == null) {
                continue;
            }
            Order target = leg.stream().filter(o -> o.role == OrderRole.TARGET).findFirst().orElse(null);
            Order stop = leg.stream().filter(o -> o.role == OrderRole.STOP).findFirst().orElseThrow();
            BigDecimal newTarget = change.target() == null || target == null ? null : change.target();
            boolean targetChanges = newTarget != null && newTarget.compareTo(target.price) != 0;
            boolean stopChanges = change.stop() != null && change.stop().compareTo(stop.price) != 0;
            if (!stop.status.active() || !(targetChanges || stopChanges)) {
                continue;
            }
            changed = true;
            if (stop.status == Status.UNSENT) {
                if (targetChanges) {
                    unsentModified(m, b, target, newTarget, t);
                }
                if (stopChanges) {
                    unsentModified(m, b, stop, change.stop(), t);
                }
            } else if (target == null) {
                orders.replaceSingle(b, stop, m.clientOrderId(), "-S" + stop.leg, change.stop(), t);
            } else {
                orders.replacePair(b, target, stop, m.clientOrderId(), targetChanges ? newTarget : null, stopChanges ? change.stop() : null, t);
            }
        }
        if (!changed) {
            context.listener().accept(new BrokerEvent.Modified(m.clientOrderId(), m.bracketId(), OrderRole.ENTRY, null, null, "no change", t));
        }
    }

    private void unsentModified(ModifyBracket m, Bracket b, Order o, BigDecimal price, long t) {
        context.listener().accept(new BrokerEvent.Modified(m.clientOrderId(), b.bracketId, o.role, o.legId, price,
                o.role.name().toLowerCase() + " " + o.price.toPlainString() + " -> " + price.toPlainString() + " (not at Binance yet)", t));
        o.price = price;
    }

    @Override
    public void cancel(CancelBracket c) {
        if (clock != null) {
            clock.venueMayHaveSent();
        }
        Bracket b = state.brackets.get(c.bracketId());
        long t = c.eventTimeMicros();
        if (b == null || b.flattenId != null || b.cancelId != null) {
            reject(c.clientOrderId(), c.bracketId(), notWorking(c.bracketId()), t);
        } else if (b.entryFilled) {
            reject(c.clientOrderId(), c.bracketId(), "bracket " + c.bracketId() + " has an open position; send FLATTEN to close it", t);
        } else {
            b.cancelId = c.clientOrderId();
            if (!orders.cancelOrder(b, state.entry(b))) {
                b.cancelId = null;
                reject(c.clientOrderId(), c.bracketId(), "the entry of bracket " + c.bracketId() + " is no longer open at Binance", t);
            }
        }
    }

    @Override
    public void flatten(FlattenBracket f) {
        if (clock != null) {
            clock.venueMayHaveSent();
        }
        Bracket b = state.brackets.get(f.bracketId());
        long t = f.eventTimeMicros();
        if (b == null || b.flattenId != null || b.cancelId != null) {
            reject(f.clientOrderId(), f.bracketId(), notWorking(f.bracketId()), t);
            return;
        }
        b.flattenId = f.clientOrderId();
        if (!b.entryFilled) {
            orders.cancelOrder(b, state.entry(b));
            return;
        }
        for (String id : List.copyOf(b.orders)) {
            Order o = state.orders.get(id);
            if (o == null || o.role == OrderRole.ENTRY || !o.status.active()) {
                continue;
            }
            if (o.status == Status.UNSENT) {
                o.status = Status.CANCELED;
                context.listener().accept(new BrokerEvent.Cancelled(f.clientOrderId(), b.bracketId, o.role, o.legId, "flatten", t));
            } else if (o.listId != null) {
                if (o.role == OrderRole.TARGET || state.leg(b, o.leg).size() == 1) {
                    orders.cancelList(b, o);
                }
            } else {
                orders.cancelOrder(b, o);
            }
        }
        booking.maybeSendFlatten(b, context.listener());
    }

    void reject(String clientOrderId, String bracketId, String text, long t) {
        context.listener().accept(new BrokerEvent.Rejected(clientOrderId, bracketId, text, t));
    }

    Order order(Bracket b, String id, OrderRole role, String legId, int leg, Side side, String type, BigDecimal price, BigDecimal quantity,
                Status status) {
        Order o = new Order();
        o.id = id;
        o.bracketId = b.bracketId;
        o.role = role;
        o.legId = legId;
        o.leg = leg;
        o.side = side;
        o.type = type;
        o.price = price;
        o.quantity = quantity;
        o.status = status;
        state.orders.put(id, o);
        b.orders.add(id);
        return o;
    }

    // ---- order events ----

    void reconcilerApply(Bracket b, Order o, JsonNode snapshot, BinanceReconciler.Fill fill, Consumer<? super BrokerEvent> out) {
        reconciler.apply(b, o, snapshot, fill, out);
    }

    // ---- state ----

    @Override
    public Optional<BrokerState> saveState() {
        if (state.brackets.isEmpty() && state.lastFillMicros == 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BrokerState(STATE_FORMAT, JSON.writeValueAsBytes(state)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode the Binance broker's state: " + e.getMessage(), e);
        }
    }

    @Override
    public void restoreState(BrokerState s) {
        if (s.formatVersion() != STATE_FORMAT) {
            throw BrokerState.unsupported(BinanceBrokerFactory.NAME, s.formatVersion(), STATE_FORMAT);
        }
        try {
            state = JSON.readValue(s.bytes(), new TypeReference<BinanceState>() { });
        } catch (IOException e) {
            throw new IllegalStateException("cannot decode the Binance broker's state (format " + STATE_FORMAT + "): " + e.getMessage(), e);
        }
    }

    static String notWorking(String bracketId) {
        return "bracket " + bracketId + " is not working (unknown, cancelled, closed or being flattened)";
    }

    @Override
    public String toString() {
        return "BinanceBroker[" + context.account() + " -> " + config.describe() + "]";
    }
}
