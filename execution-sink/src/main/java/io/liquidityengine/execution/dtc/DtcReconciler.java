package io.liquidityengine.execution.dtc;

import io.liquidityengine.dtc.message.CurrentPositionsRequest;
import io.liquidityengine.dtc.message.DtcMessage;
import io.liquidityengine.dtc.message.HistoricalOrderFillResponse;
import io.liquidityengine.dtc.message.HistoricalOrderFillsRequest;
import io.liquidityengine.dtc.message.OpenOrdersRequest;
import io.liquidityengine.dtc.message.OrderUpdate;
import io.liquidityengine.dtc.message.PositionUpdate;
import io.liquidityengine.execution.broker.BrokerEvent;
import io.liquidityengine.execution.broker.BrokerEvent.Discrepancy;
import io.liquidityengine.execution.broker.OrderRole;
import io.liquidityengine.execution.dtc.DtcBook.Bracket;
import io.liquidityengine.execution.dtc.DtcBook.Order;
import io.liquidityengine.execution.dtc.DtcBook.Status;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciliation of the {@link DtcBook} with the server (see the module README, "Reconciliation"): fills
 * since the last booked fill, open orders, orders no longer open, positions. Missed fills and cancels are
 * booked through {@link DtcOrderUpdates} (idempotent), orders the server has and the book does not are
 * held as unclaimed for adoption, lost sends are sent, and orders the server does not know, foreign
 * orders and position mismatches are reported as {@link Discrepancy}s. Sink thread only.
 */
final class DtcReconciler {

    private static final Logger LOG = LoggerFactory.getLogger(DtcBroker.class);

    private final String account;
    private final String tradeAccount;
    private final DtcBook book;
    private final DtcSession session;
    private final DtcMessages messages;
    private final DtcOrderUpdates updates;
    /** Whether the sink has processed again everything a predecessor may have sent (see {@link #inputCaughtUp}). */
    private boolean inputCaughtUp;
    /** Foreign orders and positions not checked yet: orders at the server were waiting to be adopted. */
    private boolean checkDeferred;
    /** The time of what reconciliation reports: the latest the sink or the server has seen of this account. */
    private long seenMicros;

    DtcReconciler(String account, String tradeAccount, DtcBook book, DtcSession session, DtcMessages messages, DtcOrderUpdates updates) {
        this.account = account;
        this.tradeAccount = tradeAccount;
        this.book = book;
        this.session = session;
        this.messages = messages;
        this.updates = updates;
    }

    /**
     * Open orders, fills since the last booked fill and positions against the book: missed
     * fills and cancels are booked (once: booking is idempotent), orders the server does not know and
     * orders the engine never sent are reported as {@link Discrepancy}s, and so is a position that
     * differs from what the booked fills make it.
     */
    void reconcile(Consumer<? super BrokerEvent> out) {
        DtcBook.State state = book.state;
        // fills since the last fill booked (a whole second earlier: DTC fill times are seconds; booking is idempotent)
        int id = session.nextRequestId();
        long since = state.lastFillMicros == 0 ? 0 : state.lastFillMicros / 1_000_000L - 1;
        Set<String> filledAtServer = new LinkedHashSet<>();
        seenMicros = Math.max(seenMicros, state.lastEventMicros);
        for (DtcMessage m : session.request(id, HistoricalOrderFillsRequest.builder().requestId(id).tradeAccount(tradeAccount).startDateTime(since).build())) {
            if (m instanceof HistoricalOrderFillResponse f && f.noOrderFills() == 0) {
                filledAtServer.add(f.serverOrderId());
                seenMicros = Math.max(seenMicros, f.dateTime() * 1_000_000L);
            }
        }
        // every open order at the server
        id = session.nextRequestId();
        Set<String> found = new HashSet<>();
        List<OrderUpdate> learnt = new ArrayList<>();
        for (DtcMessage m : session.request(id, OpenOrdersRequest.builder().requestId(id).requestAllOrders(1).tradeAccount(tradeAccount).build())) {
            if (m instanceof OrderUpdate u && u.noOrders() == 0) {
                learnt.add(u);
            }
        }
        // filled orders the state does not know by server id (sent before a crash, after the last snapshot), and their OCO partners and parents
        Set<String> known = new HashSet<>();
        state.orders.values().forEach(o -> known.add(o.serverId));
        learnt.forEach(u -> known.add(u.serverOrderId()));
        ArrayDeque<String> ask = new ArrayDeque<>();
        filledAtServer.stream().filter(sid -> !known.contains(sid)).forEach(ask::add);
        learnt.forEach(u -> linked(u, known, ask));
        while (!ask.isEmpty()) {
            String sid = ask.poll();
            if (!known.add(sid)) {
                continue;
            }
            OrderUpdate u = session.byServerId(sid);
            if (u != null) {
                learnt.add(u);
                linked(u, known, ask);
            }
        }
        for (OrderUpdate u : learnt) {
            seenMicros = Math.max(seenMicros, Math.round(u.latestTransactionDateTime() * 1_000_000d));
            found.add(u.clientOrderId());
            if (state.orders.containsKey(u.clientOrderId())) {
                updates.apply(u, out);
            } else {
                book.unclaimed.put(u.clientOrderId(), u);
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
                OrderUpdate u = session.byServerId(o.serverId);
                if (u != null) {
                    ended.add(u);
                    continue;
                }
            } else if (b != null && o.status == Status.SENT) {
                resend(b, o);
                continue;
            }
            out.accept(new Discrepancy(o.id, o.bracketId, account, Discrepancy.Kind.ORDER_UNKNOWN_AT_VENUE,
                    b == null ? null : b.instrument.symbol(), "order " + o.id + " of bracket " + o.bracketId + " is not known at the server"
                    + (o.serverId.isEmpty() ? "" : " (" + o.serverId + ")") + "; bracket marked rejected", seenMicros));
            if (b != null) {
                book.remove(b);
            }
        }
        // booked in the order they happened (at one trade a fill before the OCO cancel it caused), as the session would have
        ended.sort(DtcOrderUpdates.IN_TIME);
        ended.forEach(u -> updates.apply(u, out));
        if (!filledAtServer.isEmpty()) {
            LOG.debug("DTC broker of account {}: {} fills at the server since {}", account, filledAtServer.size(), since);
        }
        if (!inputCaughtUp && !book.unclaimed.isEmpty()) {
            checkDeferred = true;
            LOG.info("DTC broker of account {}: {} orders at the server not in the restored state ({}); they are adopted when their"
                    + " instructions are processed again, positions are checked once the sink has caught up", account, book.unclaimed.size(),
                    String.join(", ", book.unclaimed.keySet()));
            return;
        }
        foreignAndPositions(out);
    }

    /** The sink has processed again every instruction a predecessor may have acted on: the deferred checks run now. */
    void inputCaughtUp(Consumer<? super BrokerEvent> out) {
        inputCaughtUp = true;
        if (checkDeferred) {
            checkDeferred = false;
            foreignAndPositions(out);
        }
    }

    private static void linked(OrderUpdate u, Set<String> known, ArrayDeque<String> ask) {
        for (String sid : new String[] {u.ocoLinkedOrderServerOrderId(), u.parentServerOrderId()}) {
            if (!sid.isEmpty() && !known.contains(sid)) {
                ask.add(sid);
            }
        }
    }

    /**
     * An order the state holds as sent without ever having had an answer, that the server has neither open
     * nor filled: its send was lost (session down, or a crash after the snapshot recorded it), so it goes now
     * (for the first time at the server; an OCO order with its partner, the entry with its pairs).
     */
    private void resend(Bracket b, Order o) {
        LOG.info("DTC broker of account {}: order {} of bracket {} never reached the server; sending it now", account, o.id, b.bracketId);
        Order entry = book.entry(b);
        List<Order[]> pairs = book.pairs(b);
        if (o == entry) {
            session.send(messages.entry(b, entry, !pairs.isEmpty()));
            pairs.stream().filter(p -> p[0].serverId.isEmpty() && p[0].status == Status.SENT).forEach(p -> session.send(messages.pair(b, p[0], p[1], entry.id)));
        } else if (o.role == OrderRole.FLATTEN) {
            session.send(messages.market(b, o));
        } else if (o.role == OrderRole.STOP && pairs.stream().noneMatch(p -> p[1] == o)) {
            session.send(messages.stop(b, o));
        } else {
            Order[] pair = pairs.stream().filter(p -> p[0] == o || p[1] == o).findFirst().orElseThrow();
            if (o == pair[0] || !(pair[0].serverId.isEmpty() && pair[0].status == Status.SENT)) {
                session.send(messages.pair(b, pair[0], pair[1], entry.id)); // once per pair (from its target, or its stop alone)
            }
        }
    }

    /** Open orders the sink never sent ({@code FOREIGN_ORDER}) and the positions against what the booked fills make them. */
    private void foreignAndPositions(Consumer<? super BrokerEvent> out) {
        for (OrderUpdate u : List.copyOf(book.unclaimed.values())) {
            if (DtcOrderUpdates.active(u)) {
                out.accept(new Discrepancy(u.clientOrderId(), null, account, Discrepancy.Kind.FOREIGN_ORDER, u.symbol(),
                        "order " + u.clientOrderId() + " (" + u.serverOrderId() + ", " + u.symbol() + ") is open at the server but was not sent"
                                + " by this sink; left alone", seenMicros));
            }
        }
        book.unclaimed.clear();
        long seen = seenMicros;
        int id = session.nextRequestId();
        Map<String, BigDecimal> server = new TreeMap<>();
        for (DtcMessage m : session.request(id, CurrentPositionsRequest.builder().requestId(id).tradeAccount(tradeAccount).build())) {
            if (m instanceof PositionUpdate p && p.noPositions() == 0) {
                server.merge(p.symbol(), BigDecimal.valueOf(p.quantity()), BigDecimal::add);
            }
        }
        Map<String, BigDecimal> mine = new TreeMap<>();
        Map<String, String> instruments = new TreeMap<>();
        for (Bracket b : book.state.brackets.values()) {
            instruments.put(b.symbol, b.instrument.symbol());
            BigDecimal open = BigDecimal.ZERO;
            for (String oid : b.orders) {
                Order o = book.order(oid);
                if (o.status == Status.FILLED) {
                    open = o.role == OrderRole.ENTRY ? open.add(o.quantity) : open.subtract(o.quantity);
                }
            }
            mine.merge(b.symbol, open.multiply(BigDecimal.valueOf(b.side.sign())), BigDecimal::add);
        }
        Set<String> symbols = new HashSet<>(server.keySet());
        symbols.addAll(mine.keySet());
        for (String symbol : new TreeSet<>(symbols)) {
            BigDecimal s = server.getOrDefault(symbol, BigDecimal.ZERO);
            BigDecimal e = mine.getOrDefault(symbol, BigDecimal.ZERO);
            if (s.compareTo(e) != 0) {
                out.accept(new Discrepancy(null, null, account, Discrepancy.Kind.POSITION_MISMATCH,
                        instruments.getOrDefault(symbol, symbol), "position in " + symbol + " at the server " + s.stripTrailingZeros().toPlainString()
                        + ", the sink's " + e.stripTrailingZeros().toPlainString() + " (trade account " + tradeAccount + ")", seen));
            }
        }
    }
}
