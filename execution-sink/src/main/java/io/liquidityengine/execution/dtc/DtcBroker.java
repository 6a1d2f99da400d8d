package io.liquidityengine.execution.dtc;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liquidityengine.dtc.message.BuySell;
import io.liquidityengine.dtc.message.CancelOrder;
import io.liquidityengine.dtc.message.CancelReplaceOrder;
import io.liquidityengine.dtc.message.CurrentPositionsReject;
import io.liquidityengine.dtc.message.CurrentPositionsRequest;
import io.liquidityengine.dtc.message.DtcMessage;
import io.liquidityengine.dtc.message.HistoricalOrderFillResponse;
import io.liquidityengine.dtc.message.HistoricalOrderFillsReject;
import io.liquidityengine.dtc.message.HistoricalOrderFillsRequest;
import io.liquidityengine.dtc.message.LogonResponse;
import io.liquidityengine.dtc.message.OpenOrdersReject;
import io.liquidityengine.dtc.message.OpenOrdersRequest;
import io.liquidityengine.dtc.message.OrderStatus;
import io.liquidityengine.dtc.message.OrderType;
import io.liquidityengine.dtc.message.OrderUpdate;
import io.liquidityengine.dtc.message.OrderUpdateReason;
import io.liquidityengine.dtc.message.PositionUpdate;
import io.liquidityengine.dtc.message.SubmitNewOCOOrder;
import io.liquidityengine.dtc.message.SubmitNewSingleOrder;
import io.liquidityengine.dtc.message.TimeInForce;
import io.liquidityengine.dtc.message.TradeAccountResponse;
import io.liquidityengine.dtc.message.TradeAccountsRequest;
import io.liquidityengine.dtc.session.ClientSettings;
import io.liquidityengine.dtc.session.DtcClient;
import io.liquidityengine.dtc.session.DtcCredentials;
import io.liquidityengine.dtc.session.SessionListener;
import io.liquidityengine.execution.broker.BracketLegSpec;
import io.liquidityengine.execution.broker.Broker;
import io.liquidityengine.execution.broker.BrokerContext;
import io.liquidityengine.execution.broker.BrokerEvent;
import io.liquidityengine.execution.broker.BrokerEvent.Discrepancy;
import io.liquidityengine.execution.broker.BrokerState;
import io.liquidityengine.execution.broker.CancelBracket;
import io.liquidityengine.execution.broker.EntryType;
import io.liquidityengine.execution.broker.FlattenBracket;
import io.liquidityengine.execution.broker.InstrumentSpec;
import io.liquidityengine.execution.broker.ModifyBracket;
import io.liquidityengine.execution.broker.OrderRole;
import io.liquidityengine.execution.broker.PlaceBracket;
import io.liquidityengine.execution.broker.Side;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
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
 * One account's orders over a DTC session (see the module README, "DTC broker"). A bracket is an entry
 * {@code SubmitNewSingleOrder} with {@code IsParentOrder}, then per exit leg with a target an
 * {@code SubmitNewOCOOrder} (target LIMIT + stop STOP, {@code ParentTriggerClientOrderID} = the entry);
 * a leg without a target is a single STOP sent when the entry's fill is booked. DTC client order ids are
 * the engine's: the entry is the PLACE's client order id, the legs {@code <id>/T<n>} and {@code <id>/S<n>},
 * a flatten's market order the FLATTEN's id.
 *
 * <p>Threads: the session thread only hands {@link OrderUpdate}s to the sink through the inbox as tasks;
 * every state change happens on the sink's thread (calls, inbox tasks, {@link #reconcile}), so the state
 * saved at a commit is exactly what the events committed with it say. Answers to requests (reconciliation,
 * {@link #roundTrip}) are collected by request id and awaited on the sink's thread.
 */
public final class DtcBroker implements Broker {

    private static final Logger LOG = LoggerFactory.getLogger(DtcBroker.class);
    /** Format of {@link #saveState()}: JSON {lastFillMicros, lastEventMicros, brackets, orders}. */
    public static final int STATE_FORMAT = 1;
    private static final int MAX_ID_BYTES = 31;
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    enum Status { UNSENT, SENT, WORKING, FILLED, CANCELED, REJECTED;

        boolean active() {
            return this == UNSENT || this == SENT || this == WORKING;
        }
    }

    /** One DTC order of a bracket. */
    public static final class Order {
        public String id;
        public String serverId = "";
        public String bracketId;
        public OrderRole role;
        public String legId;
        public Side side;
        public int type;
        public BigDecimal price;
        public BigDecimal quantity;
        public Status status;
        public String modifyId;
    }

    /** A bracket: its orders by DTC client order id, in placement order. */
    public static final class Bracket {
        public String placeId;
        public String bracketId;
        public InstrumentSpec instrument;
        public String symbol;
        public String exchange;
        public Side side;
        public EntryType entryType;
        public BigDecimal quantity;
        public long placedMicros;
        public boolean accepted;
        public boolean entryFilled;
        public String cancelId;
        public String flattenId;
        public boolean flattenSent;
        public List<String> orders = new ArrayList<>();
    }

    /** The saved state. */
    public static final class State {
        public long lastFillMicros;
        public long lastEventMicros;
        public Map<String, Bracket> brackets = new LinkedHashMap<>();
        public Map<String, Order> orders = new LinkedHashMap<>();
    }

    private final BrokerContext context;
    private final DtcBrokerConfig config;
    private final DtcCredentials credentials;
    private State state = new State();
    private DtcClient client;
    private final CompletableFuture<Void> loggedOn = new CompletableFuture<>();
    private final AtomicInteger requestIds = new AtomicInteger();
    private final Map<Integer, Request> requests = new ConcurrentHashMap<>();
    private long sent;
    /**
     * Orders of the trade account the server has and the state does not (learned by reconciliation, by
     * client order id): an instruction processed again after a crash adopts them instead of sending them,
     * so no client order id is ever submitted twice. Not saved: every start reconciles again.
     */
    private final Map<String, OrderUpdate> unclaimed = new LinkedHashMap<>();
    /** Whether the sink has processed again everything a predecessor may have sent (see {@link #inputCaughtUp}). */
    private boolean inputCaughtUp;
    /** Foreign orders and positions not checked yet: orders at the server were waiting to be adopted. */
    private boolean checkDeferred;
    private long seenMicros;
    /** A test hook (system property {@value #HOLD_AFTER_SEND}): after sending this client order id, the sink's thread waits for ever. */
    static final String HOLD_AFTER_SEND = "liquidityengine.test.dtc.hold-after-send";

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

    public DtcBroker(BrokerContext context, DtcBrokerConfig config, DtcCredentials credentials) {
        this.context = context;
        this.config = config;
        this.credentials = credentials;
    }

    // ---- lifecycle ----

    @Override
    public void start() {
        ClientSettings settings = ClientSettings.of("orders-" + context.account(), config.host(), config.port())
                .withHeartbeat(config.heartbeat()).withTradeAccount(config.tradeAccount());
        if (config.tls()) {
            settings = settings.withTls((SSLSocketFactory) SSLSocketFactory.getDefault());
        }
        client = new DtcClient(settings, credentials, new Listener()).start();
        try {
            loggedOn.get(config.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new IllegalStateException("DTC broker of account " + context.account() + ": no logon at " + settings.address()
                    + " within " + config.requestTimeout().toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while logging on", e);
        }
        LOG.info("DTC broker of account {}: logged on at {} (trade account {})", context.account(), settings.address(), config.tradeAccount());
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
    }

    /** Messages sent to the server so far (tests: whether a drain of the inbox sent something). */
    public long sent() {
        return sent;
    }

    /**
     * Sends a request and returns once the server answered it: everything the server sent before has
     * been handed to the inbox by then (the server answers in order). For tests and for settling.
     */
    public void roundTrip() {
        int id = requestIds.incrementAndGet();
        request(id, TradeAccountsRequest.builder().requestId(id).build());
    }

    private class Listener implements SessionListener {
        @Override
        public void onLoggedOn(long connection, LogonResponse response) {
            if (connection > 1) {
                LOG.info("DTC broker of account {}: logged on again (connection {}); reconciling", context.account(), connection);
                context.inbox().run(out -> reconcile(out));
            }
            loggedOn.complete(null);
        }

        @Override
        public void onMessage(long connection, DtcMessage m) {
            if (m instanceof OrderUpdate u && u.requestId() == 0) {
                context.inbox().run(out -> apply(u, out));
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
            LOG.warn("DTC broker of account {}: protocol error at {}: {}", context.account(), offset, detail);
        }

        @Override
        public void onDisconnected(long connection, String reason) {
            LOG.warn("DTC broker of account {}: disconnected ({})", context.account(), reason);
        }
    }

    private List<DtcMessage> request(int id, DtcMessage message) {
        Request r = new Request();
        requests.put(id, r);
        try {
            if (!client.send(message)) {
                throw new IllegalStateException("DTC broker of account " + context.account() + ": not connected, cannot send " + message.getClass().getSimpleName());
            }
            return r.done.get(config.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new IllegalStateException("DTC broker of account " + context.account() + ": no answer to request " + id + " ("
                    + message.getClass().getSimpleName() + ") within " + config.requestTimeout().toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            requests.remove(id);
        }
    }

    private boolean send(DtcMessage message) {
        sent++;
        return client != null && client.send(message);
    }

    // ---- instructions (sink thread) ----

    @Override
    public void place(PlaceBracket order) {
        long t = order.eventTimeMicros();
        if (state.brackets.containsKey(order.bracketId())) {
            reject(order.clientOrderId(), order.bracketId(), "bracket " + order.bracketId() + " is already working", t);
            return;
        }
        String tooLong = null;
        for (int i = 1; i <= order.legs().size(); i++) {
            if ((order.clientOrderId() + "/T" + i).getBytes(StandardCharsets.UTF_8).length > MAX_ID_BYTES) {
                tooLong = "client order id " + order.clientOrderId() + " is too long for DTC (its leg ids " + order.clientOrderId() + "/T"
                        + i + " must fit " + MAX_ID_BYTES + " bytes)";
            }
        }
        if (tooLong != null) {
            reject(order.clientOrderId(), order.bracketId(), tooLong, t);
            return;
        }
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
        Order entry = order(b, order.clientOrderId(), OrderRole.ENTRY, null, order.side(), switch (order.entryType()) {
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
                Order target = order(b, b.placeId + "/T" + n, OrderRole.TARGET, leg.legId(), exit, OrderType.LIMIT, leg.target(), leg.quantity(), Status.SENT);
                Order stop = order(b, b.placeId + "/S" + n, OrderRole.STOP, leg.legId(), exit, OrderType.STOP, leg.stop(), leg.quantity(), Status.SENT);
                pairs.add(new Order[] {target, stop});
            } else {
                order(b, b.placeId + "/S" + n, OrderRole.STOP, leg.legId(), exit, OrderType.STOP, leg.stop(), leg.quantity(), Status.UNSENT);
            }
        }
        state.brackets.put(b.bracketId, b);
        state.lastEventMicros = Math.max(state.lastEventMicros, t);
        if (unclaimed.containsKey(entry.id)) {
            adopt(b, pairs, context.listener());
            return;
        }
        boolean ok = send(SubmitNewSingleOrder.builder().symbol(b.symbol).exchange(b.exchange).tradeAccount(config.tradeAccount())
                .clientOrderId(entry.id).orderType(entry.type).buySell(buySell(entry.side)).price1(price(entry.price))
                .quantity(entry.quantity.doubleValue()).timeInForce(TimeInForce.GOOD_TILL_CANCELED).isAutomatedOrder(1)
                .isParentOrder(pairs.isEmpty() ? 0 : 1).build());
        for (Order[] pair : pairs) {
            ok &= send(SubmitNewOCOOrder.builder().symbol(b.symbol).exchange(b.exchange).tradeAccount(config.tradeAccount())
                    .clientOrderId_1(pair[0].id).orderType_1(pair[0].type).buySell_1(buySell(pair[0].side)).price1_1(price(pair[0].price))
                    .quantity_1(pair[0].quantity.doubleValue())
                    .clientOrderId_2(pair[1].id).orderType_2(pair[1].type).buySell_2(buySell(pair[1].side)).price1_2(price(pair[1].price))
                    .quantity_2(pair[1].quantity.doubleValue())
                    .timeInForce(TimeInForce.GOOD_TILL_CANCELED).isAutomatedOrder(1).parentTriggerClientOrderId(entry.id).build());
        }
        if (!ok) {
            LOG.warn("DTC broker of account {}: bracket {} not fully sent (session down); reconciliation will find what reached the server",
                    context.account(), b.bracketId);
        }
        holdIfAsked(entry.id);
    }

    private SubmitNewSingleOrder entryMessage(Bracket b, Order entry, boolean parent) {
        return SubmitNewSingleOrder.builder().symbol(b.symbol).exchange(b.exchange).tradeAccount(config.tradeAccount())
                .clientOrderId(entry.id).orderType(entry.type).buySell(buySell(entry.side)).price1(price(entry.price))
                .quantity(entry.quantity.doubleValue()).timeInForce(TimeInForce.GOOD_TILL_CANCELED).isAutomatedOrder(1)
                .isParentOrder(parent ? 1 : 0).build();
    }

    private SubmitNewOCOOrder pairMessage(Bracket b, Order target, Order stop, String parent) {
        return SubmitNewOCOOrder.builder().symbol(b.symbol).exchange(b.exchange).tradeAccount(config.tradeAccount())
                .clientOrderId_1(target.id).orderType_1(target.type).buySell_1(buySell(target.side)).price1_1(price(target.price))
                .quantity_1(target.quantity.doubleValue())
                .clientOrderId_2(stop.id).orderType_2(stop.type).buySell_2(buySell(stop.side)).price1_2(price(stop.price))
                .quantity_2(stop.quantity.doubleValue())
                .timeInForce(TimeInForce.GOOD_TILL_CANCELED).isAutomatedOrder(1).parentTriggerClientOrderId(parent).build();
    }

    private SubmitNewSingleOrder stopMessage(Bracket b, Order leg) {
        return SubmitNewSingleOrder.builder().symbol(b.symbol).exchange(b.exchange).tradeAccount(config.tradeAccount())
                .clientOrderId(leg.id).orderType(OrderType.STOP).buySell(buySell(leg.side)).price1(price(leg.price))
                .quantity(leg.quantity.doubleValue()).timeInForce(TimeInForce.GOOD_TILL_CANCELED).isAutomatedOrder(1).build();
    }

    private SubmitNewSingleOrder marketMessage(Bracket b, Order market) {
        return SubmitNewSingleOrder.builder().symbol(b.symbol).exchange(b.exchange).tradeAccount(config.tradeAccount())
                .clientOrderId(market.id).orderType(OrderType.MARKET).buySell(buySell(market.side)).quantity(market.quantity.doubleValue())
                .timeInForce(TimeInForce.GOOD_TILL_CANCELED).isAutomatedOrder(1).build();
    }

    /**
     * A bracket whose entry the server already has (sent before a crash, after the last committed
     * snapshot): its orders at the server are taken over (server ids, status, fills, in the order they
     * happened), the OCO pairs that never reached it are sent, nothing is sent twice. The engine's prices
     * are kept, so a MODIFY processed again replaces to the same price and reports as it did.
     */
    private void adopt(Bracket b, List<Order[]> pairs, Consumer<? super BrokerEvent> out) {
        Order entry = entry(b);
        for (Order[] pair : pairs) {
            if (!unclaimed.containsKey(pair[0].id) && !unclaimed.containsKey(pair[1].id)) {
                send(pairMessage(b, pair[0], pair[1], entry.id));
            }
        }
        List<OrderUpdate> open = new ArrayList<>();
        List<OrderUpdate> done = new ArrayList<>();
        for (String id : b.orders) {
            OrderUpdate u = unclaimed.remove(id);
            if (u == null) {
                continue;
            }
            Order o = state.orders.get(id);
            o.serverId = u.serverOrderId();
            o.status = Status.WORKING; // the server accepted it: what it became is applied below
            (active(u) ? open : done).add(u);
        }
        checkAccepted(b, out);
        LOG.info("DTC broker of account {}: bracket {} adopted from the server ({} open, {} done orders); not sent again", context.account(),
                b.bracketId, open.size(), done.size());
        open.forEach(u -> apply(u, out));
        done.sort(IN_TIME);
        done.forEach(u -> apply(u, out));
    }

    private static boolean active(OrderUpdate u) {
        int s = u.orderStatus();
        return s == OrderStatus.OPEN || s == OrderStatus.PENDING_OPEN || s == OrderStatus.PENDING_CHILD;
    }

    /** Ended orders in the order they ended: by time, at one time fills before cancels (an OCO cancel follows its fill). */
    private static final java.util.Comparator<OrderUpdate> IN_TIME = java.util.Comparator.comparingLong(DtcBroker::transactionMicros)
            .thenComparingInt(u -> u.orderStatus() == OrderStatus.FILLED ? 0 : 1);

    private static long transactionMicros(OrderUpdate u) {
        return u.lastFillDateTime() > 0 ? u.lastFillDateTime() * 1_000L : Math.round(u.latestTransactionDateTime() * 1_000_000d);
    }

    /** Sends a single order (a stop-only leg, a flatten's market order), or adopts it when the server has it already. */
    private void sendOrAdopt(Order o, DtcMessage message, Consumer<? super BrokerEvent> out) {
        OrderUpdate u = unclaimed.remove(o.id);
        if (u != null) {
            o.serverId = u.serverOrderId();
            LOG.info("DTC broker of account {}: order {} adopted from the server ({}); not sent again", context.account(), o.id, u.serverOrderId());
            apply(u, out);
            return;
        }
        if (!send(message)) {
            LOG.warn("DTC broker of account {}: order {} not sent (session down); reconciliation will send it", context.account(), o.id);
        }
        holdIfAsked(o.id);
    }

    private static void holdIfAsked(String clientOrderId) {
        String hold = System.getProperty(HOLD_AFTER_SEND);
        if (hold != null && hold.equals(clientOrderId)) {
            LOG.warn("Test hook {}: holding the sink's thread after sending {}", HOLD_AFTER_SEND, clientOrderId);
            try {
                new java.util.concurrent.CountDownLatch(1).await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Order order(Bracket b, String id, OrderRole role, String legId, Side side, int type, BigDecimal price, BigDecimal quantity, Status status) {
        Order o = new Order();
        o.id = id;
        o.bracketId = b.bracketId;
        o.role = role;
        o.legId = legId;
        o.side = side;
        o.type = type;
        o.price = price;
        o.quantity = quantity;
        o.status = status;
        state.orders.put(id, o);
        b.orders.add(id);
        return o;
    }

    @Override
    public void modify(ModifyBracket m) {
        Bracket b = state.brackets.get(m.bracketId());
        long t = m.eventTimeMicros();
        if (b == null || b.flattenId != null || b.cancelId != null) {
            reject(m.clientOrderId(), m.bracketId(), notWorking(m.bracketId()), t);
            return;
        }
        List<Order[]> changes = new ArrayList<>();
        List<BigDecimal> prices = new ArrayList<>();
        Order entry = entry(b);
        if (m.entryPrice() != null && !b.entryFilled && b.entryType != EntryType.MARKET && entry.status.active()
                && entry.price.compareTo(m.entryPrice()) != 0) {
            changes.add(new Order[] {entry});
            prices.add(m.entryPrice());
        }
        for (ModifyBracket.LegChange change : m.legs()) {
            for (String id : b.orders) {
                Order o = state.orders.get(id);
                if (!change.legId().equals(o.legId) || !o.status.active()) {
                    continue;
                }
                BigDecimal wanted = o.role == OrderRole.TARGET ? change.target() : change.stop();
                if (wanted != null && o.price.compareTo(wanted) != 0) {
                    changes.add(new Order[] {o});
                    prices.add(wanted);
                }
            }
        }
        if (changes.isEmpty()) {
            context.listener().accept(new BrokerEvent.Modified(m.clientOrderId(), m.bracketId(), OrderRole.ENTRY, null, null, "no change", t));
            return;
        }
        for (int i = 0; i < changes.size(); i++) {
            Order o = changes.get(i)[0];
            BigDecimal p = prices.get(i);
            if (o.status == Status.UNSENT) {
                context.listener().accept(new BrokerEvent.Modified(m.clientOrderId(), m.bracketId(), o.role, o.legId, p,
                        o.role.name().toLowerCase() + " " + o.price.toPlainString() + " -> " + p.toPlainString() + " (not at the server yet)", t));
                o.price = p;
                continue;
            }
            o.modifyId = m.clientOrderId();
            send(CancelReplaceOrder.builder().serverOrderId(o.serverId).clientOrderId(o.id).tradeAccount(config.tradeAccount())
                    .price1(p.doubleValue()).price1IsSet(1).price2IsSet(0).quantity(0).build());
        }
    }

    @Override
    public void cancel(CancelBracket c) {
        Bracket b = state.brackets.get(c.bracketId());
        long t = c.eventTimeMicros();
        if (b == null || b.flattenId != null || b.cancelId != null) {
            reject(c.clientOrderId(), c.bracketId(), notWorking(c.bracketId()), t);
        } else if (b.entryFilled) {
            reject(c.clientOrderId(), c.bracketId(), "bracket " + c.bracketId() + " has an open position; send FLATTEN to close it", t);
        } else {
            b.cancelId = c.clientOrderId();
            Order entry = entry(b);
            send(CancelOrder.builder().serverOrderId(entry.serverId).clientOrderId(entry.id).tradeAccount(config.tradeAccount()).build());
        }
    }

    @Override
    public void flatten(FlattenBracket f) {
        Bracket b = state.brackets.get(f.bracketId());
        long t = f.eventTimeMicros();
        if (b == null || b.flattenId != null || b.cancelId != null) {
            reject(f.clientOrderId(), f.bracketId(), notWorking(f.bracketId()), t);
            return;
        }
        b.flattenId = f.clientOrderId();
        if (!b.entryFilled) {
            Order entry = entry(b);
            send(CancelOrder.builder().serverOrderId(entry.serverId).clientOrderId(entry.id).tradeAccount(config.tradeAccount()).build());
            return;
        }
        for (String id : b.orders) {
            Order o = state.orders.get(id);
            if (o.role == OrderRole.ENTRY || !o.status.active()) {
                continue;
            }
            if (o.status == Status.UNSENT) {
                o.status = Status.CANCELED;
                context.listener().accept(new BrokerEvent.Cancelled(f.clientOrderId(), b.bracketId, o.role, o.legId, "flatten", t));
            } else {
                send(CancelOrder.builder().serverOrderId(o.serverId).clientOrderId(o.id).tradeAccount(config.tradeAccount()).build());
            }
        }
        maybeSendFlatten(b, context.listener());
    }

    private void reject(String clientOrderId, String bracketId, String text, long t) {
        context.listener().accept(new BrokerEvent.Rejected(clientOrderId, bracketId, text, t));
    }

    // ---- order updates (sink thread: inbox tasks and reconciliation) ----

    /** Books one order update; idempotent (a fill or cancel already booked is not reported again). */
    void apply(OrderUpdate u, Consumer<? super BrokerEvent> out) {
        Order o = state.orders.get(u.clientOrderId());
        Bracket b = o == null ? null : state.brackets.get(o.bracketId);
        if (b == null) {
            return; // not ours, or of a bracket that is over
        }
        if (!u.serverOrderId().isEmpty()) {
            o.serverId = u.serverOrderId();
        }
        long t = u.latestTransactionDateTime() > 0 ? Math.round(u.latestTransactionDateTime() * 1_000_000d) : b.placedMicros;
        state.lastEventMicros = Math.max(state.lastEventMicros, t);
        int reason = u.orderUpdateReason();
        if (reason == OrderUpdateReason.ORDER_CANCEL_REPLACE_COMPLETE) {
            if (o.modifyId != null) {
                BigDecimal p = onGrid(b, u.price1());
                out.accept(new BrokerEvent.Modified(o.modifyId, b.bracketId, o.role, o.legId, p,
                        o.role.name().toLowerCase() + " " + o.price.toPlainString() + " -> " + p.toPlainString(), t));
                o.price = p;
                o.modifyId = null;
            }
            return;
        }
        if (reason == OrderUpdateReason.ORDER_CANCEL_REPLACE_REJECTED || reason == OrderUpdateReason.ORDER_CANCEL_REJECTED) {
            if (reason == OrderUpdateReason.ORDER_CANCEL_REPLACE_REJECTED && o.modifyId != null) {
                out.accept(new BrokerEvent.Rejected(o.modifyId, b.bracketId, u.infoText(), t));
                o.modifyId = null;
            } else if (o.role == OrderRole.ENTRY && b.cancelId != null) {
                out.accept(new BrokerEvent.Rejected(b.cancelId, b.bracketId, u.infoText(), t));
                b.cancelId = null;
            }
            return;
        }
        switch (u.orderStatus()) {
            case OrderStatus.FILLED -> {
                long fillMicros = u.lastFillDateTime() > 0 ? u.lastFillDateTime() * 1_000L : t;
                onFilled(b, o, onGrid(b, u.lastFillPrice()), fillMicros, out);
            }
            case OrderStatus.CANCELED -> onCanceled(b, o, u.infoText(), t, out);
            case OrderStatus.REJECTED -> onRejected(b, o, u.infoText(), t, out);
            case OrderStatus.PENDING_OPEN, OrderStatus.PENDING_CHILD, OrderStatus.OPEN -> {
                if (o.status == Status.SENT) {
                    o.status = Status.WORKING;
                }
                checkAccepted(b, out);
            }
            default -> { }
        }
    }

    private void checkAccepted(Bracket b, Consumer<? super BrokerEvent> out) {
        if (b.accepted) {
            return;
        }
        for (String id : b.orders) {
            Status s = state.orders.get(id).status;
            if (s == Status.SENT || s == Status.REJECTED) {
                return;
            }
        }
        b.accepted = true;
        out.accept(new BrokerEvent.Accepted(b.placeId, b.bracketId, b.placedMicros));
    }

    private void onFilled(Bracket b, Order o, BigDecimal price, long t, Consumer<? super BrokerEvent> out) {
        if (o.status == Status.FILLED) {
            return;
        }
        if (o.status == Status.SENT) {
            o.status = Status.WORKING;
            checkAccepted(b, out);
        }
        o.status = Status.FILLED;
        state.lastFillMicros = Math.max(state.lastFillMicros, t);
        state.lastEventMicros = Math.max(state.lastEventMicros, t);
        if (o.role == OrderRole.ENTRY) {
            b.entryFilled = true;
            out.accept(new BrokerEvent.Filled(b.placeId, b.bracketId, OrderRole.ENTRY, null, b.side, price, o.quantity, BigDecimal.ZERO, t));
            for (String id : List.copyOf(b.orders)) {
                Order leg = state.orders.get(id);
                if (leg.status == Status.UNSENT && b.flattenId == null) {
                    leg.status = Status.SENT;
                    sendOrAdopt(leg, stopMessage(b, leg), out);
                }
            }
        } else if (o.role == OrderRole.FLATTEN) {
            out.accept(new BrokerEvent.Filled(b.flattenId, b.bracketId, OrderRole.FLATTEN, null, o.side, price, o.quantity, BigDecimal.ZERO, t));
        } else {
            out.accept(new BrokerEvent.Filled(b.placeId, b.bracketId, o.role, o.legId, o.side, price, o.quantity, BigDecimal.ZERO, t));
        }
        maybeSendFlatten(b, out);
        maybeDone(b);
    }

    private void onCanceled(Bracket b, Order o, String text, long t, Consumer<? super BrokerEvent> out) {
        if (!o.status.active()) {
            return;
        }
        o.status = Status.CANCELED;
        if (o.role == OrderRole.ENTRY) {
            String by = b.flattenId != null ? b.flattenId : b.cancelId != null ? b.cancelId : b.placeId;
            out.accept(new BrokerEvent.Cancelled(by, b.bracketId, OrderRole.ENTRY, null, text, t));
            remove(b);
            return;
        }
        if (o.role == OrderRole.FLATTEN) {
            out.accept(new BrokerEvent.Rejected(b.flattenId, b.bracketId, "flatten order canceled: " + text, t));
        } else if (b.entryFilled) {
            out.accept(new BrokerEvent.Cancelled(b.flattenId != null ? b.flattenId : b.placeId, b.bracketId, o.role, o.legId,
                    b.flattenId != null ? "flatten" : ocoText(b, o, text), t));
        }
        maybeSendFlatten(b, out);
        maybeDone(b);
    }

    /**
     * The text of an exit's cancel: the paper broker's "OCO: target filled" / "OCO: stop filled" when its
     * partner of the same leg filled (the same words however the cancel was learnt: a live update carries the
     * server's reason, an answer to a request none), else the server's text.
     */
    private String ocoText(Bracket b, Order o, String text) {
        for (String id : b.orders) {
            Order p = state.orders.get(id);
            if (p != o && p.status == Status.FILLED && java.util.Objects.equals(p.legId, o.legId)
                    && (p.role == OrderRole.TARGET || p.role == OrderRole.STOP)) {
                return "OCO: " + p.role.name().toLowerCase() + " filled";
            }
        }
        return text.isEmpty() ? "cancelled at the server" : text;
    }

    /** A server order id named by a reject's text, as the project's DTC server names the order holding a client order id: "(order S12)". */
    private static final java.util.regex.Pattern NAMED_ORDER = java.util.regex.Pattern.compile("\\(order ([^()\\s]+)\\)");

    private void onRejected(Bracket b, Order o, String text, long t, Consumer<? super BrokerEvent> out) {
        if (!o.status.active()) {
            return;
        }
        if (o.status == Status.SENT && o.serverId.isEmpty()) {
            // the server may already hold this client order id (sent before a crash, found neither open nor filled):
            // its state, asked for by the server order id the reject names, is what this order became
            java.util.regex.Matcher named = NAMED_ORDER.matcher(text);
            OrderUpdate held = named.find() ? byServerId(named.group(1)) : null;
            if (held != null && held.clientOrderId().equals(o.id)) {
                LOG.info("DTC broker of account {}: order {} was already at the server ({}); adopted: {}", context.account(), o.id,
                        held.serverOrderId(), OrderStatus.name(held.orderStatus()));
                o.serverId = held.serverOrderId();
                o.status = Status.WORKING;
                checkAccepted(b, out);
                apply(held, out);
                return;
            }
        }
        o.status = Status.REJECTED;
        if (o.role == OrderRole.FLATTEN) {
            out.accept(new BrokerEvent.Rejected(b.flattenId, b.bracketId, text, t));
        } else if (!b.accepted) {
            out.accept(new BrokerEvent.Rejected(b.placeId, b.bracketId, text, t));
            remove(b);
        } else {
            LOG.error("DTC broker of account {}: order {} of bracket {} rejected after the bracket was accepted: {}", context.account(), o.id,
                    b.bracketId, text);
        }
    }

    /** After a flatten's cancels: the market order for what is still open, once no exit can fill any more. */
    private void maybeSendFlatten(Bracket b, Consumer<? super BrokerEvent> out) {
        if (b.flattenId == null || b.flattenSent || !b.entryFilled) {
            return;
        }
        BigDecimal open = b.quantity;
        for (String id : b.orders) {
            Order o = state.orders.get(id);
            if (o.role == OrderRole.ENTRY) {
                continue;
            }
            if (o.status.active()) {
                return;
            }
            if (o.status == Status.FILLED) {
                open = open.subtract(o.quantity);
            }
        }
        b.flattenSent = true;
        if (open.signum() <= 0) {
            return;
        }
        Order market = order(b, b.flattenId, OrderRole.FLATTEN, null, b.side.opposite(), OrderType.MARKET, null, open, Status.SENT);
        sendOrAdopt(market, marketMessage(b, market), out);
    }

    private void maybeDone(Bracket b) {
        if (!b.entryFilled) {
            return;
        }
        for (String id : b.orders) {
            if (state.orders.get(id).status.active()) {
                return;
            }
        }
        if (b.flattenId != null && !b.flattenSent) {
            return;
        }
        remove(b);
    }

    private void remove(Bracket b) {
        state.brackets.remove(b.bracketId);
        b.orders.forEach(state.orders::remove);
    }

    // ---- reconciliation (sink thread) ----

    @Override
    public void reconcile() {
        reconcile(context.listener());
    }

    /**
     * Open orders, fills since the last booked fill and positions against this broker's state: missed
     * fills and cancels are booked (once: booking is idempotent), orders the server does not know and
     * orders the engine never sent are reported as {@link Discrepancy}s, and so is a position that
     * differs from what the booked fills make it.
     */
    void reconcile(Consumer<? super BrokerEvent> out) {
        String account = config.tradeAccount();
        // fills since the last fill booked (a whole second earlier: DTC fill times are seconds; booking is idempotent)
        int id = requestIds.incrementAndGet();
        long since = state.lastFillMicros == 0 ? 0 : state.lastFillMicros / 1_000_000L - 1;
        Set<String> filledAtServer = new java.util.LinkedHashSet<>();
        // the time of what reconciliation reports: the latest the sink or the server has seen of this account
        seenMicros = Math.max(seenMicros, state.lastEventMicros);
        for (DtcMessage m : request(id, HistoricalOrderFillsRequest.builder().requestId(id).tradeAccount(account).startDateTime(since).build())) {
            if (m instanceof HistoricalOrderFillResponse f && f.noOrderFills() == 0) {
                filledAtServer.add(f.serverOrderId());
                seenMicros = Math.max(seenMicros, f.dateTime() * 1_000_000L);
            }
        }
        // every open order at the server
        id = requestIds.incrementAndGet();
        Set<String> found = new HashSet<>();
        List<OrderUpdate> learnt = new ArrayList<>();
        for (DtcMessage m : request(id, OpenOrdersRequest.builder().requestId(id).requestAllOrders(1).tradeAccount(account).build())) {
            if (m instanceof OrderUpdate u && u.noOrders() == 0) {
                learnt.add(u);
            }
        }
        // filled orders the state does not know by server id (sent before a crash, after the last snapshot), and their OCO partners and parents
        Set<String> known = new HashSet<>();
        state.orders.values().forEach(o -> known.add(o.serverId));
        learnt.forEach(u -> known.add(u.serverOrderId()));
        java.util.ArrayDeque<String> ask = new java.util.ArrayDeque<>();
        filledAtServer.stream().filter(sid -> !known.contains(sid)).forEach(ask::add);
        learnt.forEach(u -> linked(u, known, ask));
        while (!ask.isEmpty()) {
            String sid = ask.poll();
            if (!known.add(sid)) {
                continue;
            }
            OrderUpdate u = byServerId(sid);
            if (u != null) {
                learnt.add(u);
                linked(u, known, ask);
            }
        }
        for (OrderUpdate u : learnt) {
            seenMicros = Math.max(seenMicros, Math.round(u.latestTransactionDateTime() * 1_000_000d));
            found.add(u.clientOrderId());
            if (state.orders.containsKey(u.clientOrderId())) {
                apply(u, out);
            } else {
                unclaimed.put(u.clientOrderId(), u);
            }
        }
        // orders this sink believes working that are not open there: filled, canceled, unknown, or never sent
        List<OrderUpdate> ended = new ArrayList<>();
        for (Order o : List.copyOf(state.orders.values())) {
            if (!state.orders.containsKey(o.id) || !(o.status == Status.SENT || o.status == Status.WORKING) || found.contains(o.id)) {
                continue;
            }
            Bracket b = state.brackets.get(o.bracketId);
            if (!o.serverId.isEmpty()) {
                OrderUpdate u = byServerId(o.serverId);
                if (u != null) {
                    ended.add(u);
                    continue;
                }
            } else if (b != null && o.status == Status.SENT) {
                resend(b, o);
                continue;
            }
            out.accept(new Discrepancy(o.id, o.bracketId, context.account(), Discrepancy.Kind.ORDER_UNKNOWN_AT_VENUE,
                    b == null ? null : b.instrument.symbol(), "order " + o.id + " of bracket " + o.bracketId + " is not known at the server"
                    + (o.serverId.isEmpty() ? "" : " (" + o.serverId + ")") + "; bracket marked rejected", seenMicros));
            if (b != null) {
                remove(b);
            }
        }
        // booked in the order they happened (at one trade a fill before the OCO cancel it caused), as the session would have
        ended.sort(IN_TIME);
        ended.forEach(u -> apply(u, out));
        if (!filledAtServer.isEmpty()) {
            LOG.debug("DTC broker of account {}: {} fills at the server since {}", context.account(), filledAtServer.size(), since);
        }
        if (!inputCaughtUp && !unclaimed.isEmpty()) {
            checkDeferred = true;
            LOG.info("DTC broker of account {}: {} orders at the server not in the restored state ({}); they are adopted when their"
                    + " instructions are processed again, positions are checked once the sink has caught up", context.account(), unclaimed.size(),
                    String.join(", ", unclaimed.keySet()));
            return;
        }
        foreignAndPositions(out);
    }

    @Override
    public void inputCaughtUp() {
        inputCaughtUp = true;
        if (checkDeferred) {
            checkDeferred = false;
            foreignAndPositions(context.listener());
        }
    }

    private void linked(OrderUpdate u, Set<String> known, java.util.ArrayDeque<String> ask) {
        for (String sid : new String[] {u.ocoLinkedOrderServerOrderId(), u.parentServerOrderId()}) {
            if (!sid.isEmpty() && !known.contains(sid)) {
                ask.add(sid);
            }
        }
    }

    /** The server's current view of one order ({@code OpenOrdersRequest} for its server order id, whatever its status), or null. */
    private OrderUpdate byServerId(String serverId) {
        int id = requestIds.incrementAndGet();
        List<DtcMessage> answer = request(id, OpenOrdersRequest.builder().requestId(id).requestAllOrders(0).serverOrderId(serverId)
                .tradeAccount(config.tradeAccount()).build());
        return answer.get(0) instanceof OrderUpdate u && u.noOrders() == 0 ? u : null;
    }

    /**
     * An order the state holds as sent without ever having had an answer, that the server has neither open
     * nor filled: its send was lost (session down, or a crash after the snapshot recorded it), so it goes now
     * (for the first time at the server; an OCO order with its partner, the entry with its pairs).
     */
    private void resend(Bracket b, Order o) {
        LOG.info("DTC broker of account {}: order {} of bracket {} never reached the server; sending it now", context.account(), o.id, b.bracketId);
        Order entry = entry(b);
        if (o == entry) {
            List<Order[]> pairs = pairs(b);
            send(entryMessage(b, entry, !pairs.isEmpty()));
            pairs.stream().filter(p -> p[0].serverId.isEmpty() && p[0].status == Status.SENT).forEach(p -> send(pairMessage(b, p[0], p[1], entry.id)));
        } else if (o.role == OrderRole.FLATTEN) {
            send(marketMessage(b, o));
        } else if (o.role == OrderRole.STOP && pairs(b).stream().noneMatch(p -> p[1] == o)) {
            send(stopMessage(b, o));
        } else {
            Order[] pair = pairs(b).stream().filter(p -> p[0] == o || p[1] == o).findFirst().orElseThrow();
            if (o == pair[0] || !(pair[0].serverId.isEmpty() && pair[0].status == Status.SENT)) {
                send(pairMessage(b, pair[0], pair[1], entry.id)); // once per pair (from its target, or its stop alone)
            }
        }
    }

    /** The bracket's OCO pairs (target, stop) by leg. */
    private List<Order[]> pairs(Bracket b) {
        List<Order[]> out = new ArrayList<>();
        for (String id : b.orders) {
            Order t = state.orders.get(id);
            if (t.role == OrderRole.TARGET) {
                state.orders.values().stream().filter(s -> s.bracketId.equals(b.bracketId) && s.role == OrderRole.STOP && java.util.Objects.equals(s.legId, t.legId))
                        .findFirst().ifPresent(s -> out.add(new Order[] {t, s}));
            }
        }
        return out;
    }

    /** Open orders the sink never sent ({@code FOREIGN_ORDER}) and the positions against what the booked fills make them. */
    private void foreignAndPositions(Consumer<? super BrokerEvent> out) {
        String account = config.tradeAccount();
        for (OrderUpdate u : List.copyOf(unclaimed.values())) {
            if (active(u)) {
                out.accept(new Discrepancy(u.clientOrderId(), null, context.account(), Discrepancy.Kind.FOREIGN_ORDER, u.symbol(),
                        "order " + u.clientOrderId() + " (" + u.serverOrderId() + ", " + u.symbol() + ") is open at the server but was not sent"
                                + " by this sink; left alone", seenMicros));
            }
        }
        unclaimed.clear();
        long seen = seenMicros;
        int id = requestIds.incrementAndGet();
        Map<String, BigDecimal> server = new TreeMap<>();
        for (DtcMessage m : request(id, CurrentPositionsRequest.builder().requestId(id).tradeAccount(account).build())) {
            if (m instanceof PositionUpdate p && p.noPositions() == 0) {
                server.merge(p.symbol(), BigDecimal.valueOf(p.quantity()), BigDecimal::add);
            }
        }
        Map<String, BigDecimal> mine = new TreeMap<>();
        Map<String, String> instruments = new TreeMap<>();
        for (Bracket b : state.brackets.values()) {
            instruments.put(b.symbol, b.instrument.symbol());
            BigDecimal open = BigDecimal.ZERO;
            for (String oid : b.orders) {
                Order o = state.orders.get(oid);
                if (o.status == Status.FILLED) {
                    open = o.role == OrderRole.ENTRY ? open.add(o.quantity) : open.subtract(o.quantity);
                }
            }
            mine.merge(b.symbol, open.multiply(BigDecimal.valueOf(b.side.sign())), BigDecimal::add);
        }
        Set<String> symbols = new HashSet<>(server.keySet());
        symbols.addAll(mine.keySet());
        for (String symbol : new java.util.TreeSet<>(symbols)) {
            BigDecimal s = server.getOrDefault(symbol, BigDecimal.ZERO);
            BigDecimal e = mine.getOrDefault(symbol, BigDecimal.ZERO);
            if (s.compareTo(e) != 0) {
                out.accept(new Discrepancy(null, null, context.account(), Discrepancy.Kind.POSITION_MISMATCH,
                        instruments.getOrDefault(symbol, symbol), "position in " + symbol + " at the server " + s.stripTrailingZeros().toPlainString()
                        + ", the sink's " + e.stripTrailingZeros().toPlainString() + " (trade account " + account + ")", seen));
            }
        }
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
            throw new IllegalStateException("cannot encode the DTC broker's state: " + e.getMessage(), e);
        }
    }

    @Override
    public void restoreState(BrokerState s) {
        if (s.formatVersion() != STATE_FORMAT) {
            throw BrokerState.unsupported(DtcBrokerFactory.NAME, s.formatVersion(), STATE_FORMAT);
        }
        try {
            state = JSON.readValue(s.bytes(), new TypeReference<State>() { });
        } catch (IOException e) {
            throw new IllegalStateException("cannot decode the DTC broker's state (format " + STATE_FORMAT + "): " + e.getMessage(), e);
        }
    }

    // ---- mapping ----

    private static Order entry(Bracket b, Map<String, Order> orders) {
        return orders.get(b.orders.get(0));
    }

    private Order entry(Bracket b) {
        return entry(b, state.orders);
    }

    static int buySell(Side side) {
        return side == Side.BUY ? BuySell.BUY : BuySell.SELL;
    }

    private static double price(BigDecimal price) {
        return price == null ? io.liquidityengine.dtc.message.Dtc.UNSET_DOUBLE : price.doubleValue();
    }

    /** A DTC price (double) on the instrument's tick grid. */
    static BigDecimal onGrid(Bracket b, double price) {
        BigDecimal tick = b.instrument.tickSize();
        return BigDecimal.valueOf(price).divide(tick, 0, RoundingMode.HALF_EVEN).multiply(tick);
    }

    private static String notWorking(String bracketId) {
        return "bracket " + bracketId + " is not working (unknown, cancelled, closed or being flattened)";
    }

    @Override
    public String toString() {
        return "DtcBroker[" + context.account() + " -> " + config.describe() + "]";
    }
}
