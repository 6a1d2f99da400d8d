package io.liquidityengine.execution.dtc;

import io.liquidityengine.dtc.message.CurrentPositionsRequest;
import io.liquidityengine.dtc.message.DtcMessage;
import io.liquidityengine.dtc.message.HistoricalOrderFillResponse;
import io.liquidityengine.dtc.message.HistoricalOrderFillsRequest;
import io.liquidityengine.dtc.message.OpenOrdersRequest;
import io.liquidityengine.dtc.message.OrderUpdate;
import io.liquidityengine.dtc.message.PositionUpdate;
import io.liquidityengine.execution.broker.BrokerEvent;
import io.liquidityengine.execution.broker.BrokerInbox;
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
 *
 * <p>It never waits for the server: each request's answer comes back as an inbox task that takes the next
 * step (fills, then open orders, then one lookup by server order id at a time, then positions), and
 * while a reconciliation runs the broker holds the sink's input ({@code Broker.holdsInput}), so no
 * instruction is processed before it is done, as when each answer was awaited on the sink's thread.
 */
final class DtcReconciler {

    private static final Logger LOG = LoggerFactory.getLogger(DtcBroker.class);

    private final String account;
    private final String tradeAccount;
    private final DtcBook book;
    private final DtcSession session;
    private final DtcMessages messages;
    private final DtcOrderUpdates updates;
    private final BrokerInbox inbox;
    /** The reconciliation running, or null. */
    private Run run;
    /** Whether the sink has processed again everything a predecessor may have sent (see {@link #inputCaughtUp}). */
    private boolean inputCaughtUp;
    /** Foreign orders and positions not checked yet: orders at the server were waiting to be adopted. */
    private boolean checkDeferred;
    /** The time of what reconciliation reports: the latest the sink or the server has seen of this account. */
    private long seenMicros;

    DtcReconciler(String account, String tradeAccount, DtcBook book, DtcSession session, DtcMessages messages, DtcOrderUpdates updates,
                  BrokerInbox inbox) {
        this.account = account;
        this.tradeAccount = tradeAccount;
        this.book = book;
        this.session = session;
        this.messages = messages;
        this.updates = updates;
        this.inbox = inbox;
    }

    /**
     * Starts a reconciliation (see {@link DtcReconciler}); it goes on in inbox tasks as the server answers,
     * and {@link #running} until it is done. Starting one while another runs (a re-logon) abandons the
     * earlier one: the answers it still waits for are ignored.
     */
    void reconcile(Consumer<? super BrokerEvent> out) {
        Run r = new Run();
        run = r;
        DtcBook.State state = book.state;
        seenMicros = Math.max(seenMicros, state.lastEventMicros);
        // fills since the last fill booked (a whole second earlier: DTC fill times are seconds; booking is idempotent)
        r.since = state.lastFillMicros == 0 ? 0 : state.lastFillMicros / 1_000_000L - 1;
        ask(r, id -> HistoricalOrderFillsRequest.builder().requestId(id).tradeAccount(tradeAccount).startDateTime(r.since).build(), this::fills);
    }

    /** True while a reconciliation waits for answers: the broker holds the sink's input meanwhile. */
    boolean running() {
        return run != null;
    }

    /** One reconciliation's progress; its steps run as inbox tasks, each once the server answered the step before. */
    private static final class Run {
        long since;
        final Set<String> filledAtServer = new LinkedHashSet<>();
        final Set<String> found = new HashSet<>();
        final List<OrderUpdate> learnt = new ArrayList<>();
        final Set<String> known = new HashSet<>();
        final ArrayDeque<String> ask = new ArrayDeque<>();
        List<Order> candidates = List.of();
        int next;
        final List<OrderUpdate> ended = new ArrayList<>();
    }

    /**
     * Sends a request of run {@code r}; its answer goes to {@code then} as an inbox task, so on the sink's
     * thread, in the order the server sent it among the order updates. A run that was abandoned meanwhile
     * ignores it. A request lost with the session (not sent while it was down, or unanswered when the link dropped)
     * leaves the run waiting, the input held, until the re-logon starts the next reconciliation; any other request
     * not answered fails the sink there, as it did when reconciliation waited for each answer.
     */
    private void ask(Run r, java.util.function.IntFunction<DtcMessage> request, Step then) {
        int id = session.nextRequestId();
        long connection = session.connections();
        session.submit(id, request.apply(id), answer -> inbox.run(out -> {
            if (run == r) {
                then.next(r, answer, out);
            }
        }), failure -> inbox.run(out -> {
            if (run != r) {
                return;
            }
            if (session.lostSince(connection)) {
                LOG.warn("DTC broker of account {}: reconciliation interrupted by the lost session ({}); it starts again after the"
                        + " re-logon, input held until then", account, failure.getMessage());
                return;
            }
            throw failure;
        }));
    }

    @FunctionalInterface
    private interface Step {
        void next(Run r, List<DtcMessage> answer, Consumer<? super BrokerEvent> out);
    }

    private void fills(Run r, List<DtcMessage> answer, Consumer<? super BrokerEvent> out) {
        for (DtcMessage m : answer) {
            if (m instanceof HistoricalOrderFillResponse f && f.noOrderFills() == 0) {
                r.filledAtServer.add(f.serverOrderId());
                seenMicros = Math.max(seenMicros, f.dateTime() * 1_000_000L);
            }
        }
        // every open order at the server
        ask(r, id -> OpenOrdersRequest.builder().requestId(id).requestAllOrders(1).tradeAccount(tradeAccount).build(), this::openOrders);
    }

    private void openOrders(Run r, List<DtcMessage> answer, Consumer<? super BrokerEvent> out) {
        for (DtcMessage m : answer) {
            if (m instanceof OrderUpdate u && u.noOrders() == 0) {
                r.learnt.add(u);
            }
        }
        // filled orders the state does not know by server id (sent before a crash, after the last snapshot), and their OCO partners and parents
        book.state.orders.values().forEach(o -> r.known.add(o.serverId));
        r.learnt.forEach(u -> r.known.add(u.serverOrderId()));
        r.filledAtServer.stream().filter(sid -> !r.known.contains(sid)).forEach(r.ask::add);
        r.learnt.forEach(u -> linked(u, r.known, r.ask));
        lookUpNext(r, out);
    }

    /** The orders to learn by server id, one request at a time. */
    private void lookUpNext(Run r, Consumer<? super BrokerEvent> out) {
        while (!r.ask.isEmpty()) {
            String sid = r.ask.poll();
            if (!r.known.add(sid)) {
                continue;
            }
            ask(r, id -> session.byServerIdRequest(id, sid), (run, answer, o) -> {
                OrderUpdate u = DtcSession.answeredOrder(answer);
                if (u != null) {
                    run.learnt.add(u);
                    linked(u, run.known, run.ask);
                }
                lookUpNext(run, o);
            });
            return;
        }
        learnt(r, out);
    }

    /** What the server has: booked for the orders the book holds, held as unclaimed for the others. */
    private void learnt(Run r, Consumer<? super BrokerEvent> out) {
        for (OrderUpdate u : r.learnt) {
            seenMicros = Math.max(seenMicros, Math.round(u.latestTransactionDateTime() * 1_000_000d));
            r.found.add(u.clientOrderId());
            if (book.state.orders.containsKey(u.clientOrderId())) {
                updates.apply(u, out);
            } else {
                book.unclaimed.put(u.clientOrderId(), u);
            }
        }
        r.candidates = List.copyOf(book.state.orders.values());
        checkNext(r, out);
    }

    /** Orders this sink believes working that are not open there: filled, canceled, unknown, or never sent. */
    private void checkNext(Run r, Consumer<? super BrokerEvent> out) {
        while (r.next < r.candidates.size()) {
            Order o = r.candidates.get(r.next++);
            if (!unsettled(r, o)) {
                continue;
            }
            Bracket b = book.state.brackets.get(o.bracketId);
            if (!o.serverId.isEmpty()) {
                String sid = o.serverId;
                ask(r, id -> session.byServerIdRequest(id, sid), (run, answer, out2) -> {
                    OrderUpdate u = DtcSession.answeredOrder(answer);
                    if (u != null) {
                        run.ended.add(u);
                    } else if (unsettled(run, o)) {
                        unknown(o, book.state.brackets.get(o.bracketId), out2);
                    }
                    checkNext(run, out2);
                });
                return;
            } else if (b != null && o.status == Status.SENT) {
                resend(b, o);
                continue;
            }
            unknown(o, b, out);
        }
        ended(r, out);
    }

    /** Whether the book still holds order {@code o} as sent or working, and the server did not list it as open or filled. */
    private boolean unsettled(Run r, Order o) {
        return book.state.orders.get(o.id) == o && (o.status == Status.SENT || o.status == Status.WORKING) && !r.found.contains(o.id);
    }

    private void unknown(Order o, Bracket b, Consumer<? super BrokerEvent> out) {
        out.accept(new Discrepancy(o.id, o.bracketId, account, Discrepancy.Kind.ORDER_UNKNOWN_AT_VENUE,
                b == null ? null : b.instrument.symbol(), "order " + o.id + " of bracket " + o.bracketId + " is not known at the server"
                + (o.serverId.isEmpty() ? "" : " (" + o.serverId + ")") + "; bracket marked rejected", seenMicros));
        if (b != null) {
            book.remove(b);
        }
    }

    private void ended(Run r, Consumer<? super BrokerEvent> out) {
        // booked in the order they happened (at one trade a fill before the OCO cancel it caused), as the session would have
        r.ended.sort(DtcOrderUpdates.IN_TIME);
        r.ended.forEach(u -> updates.apply(u, out));
        resendAsked();
        if (!r.filledAtServer.isEmpty()) {
            LOG.debug("DTC broker of account {}: {} fills at the server since {}", account, r.filledAtServer.size(), r.since);
        }
        if (!inputCaughtUp && !book.unclaimed.isEmpty()) {
            checkDeferred = true;
            LOG.info("DTC broker of account {}: {} orders at the server not in the restored state ({}); they are adopted when their"
                    + " instructions are processed again, positions are checked once the sink has caught up", account, book.unclaimed.size(),
                    String.join(", ", book.unclaimed.keySet()));
            run = null;
            return;
        }
        foreignAndPositions(r, out);
    }

    /** The sink has processed again every instruction a predecessor may have acted on: the deferred checks run now (the positions asked for). */
    void inputCaughtUp(Consumer<? super BrokerEvent> out) {
        inputCaughtUp = true;
        if (checkDeferred && run == null) {
            checkDeferred = false;
            Run r = new Run();
            run = r;
            foreignAndPositions(r, out);
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

    /**
     * What the sink asked for that the server has not done, now that the book holds the server's state (an order open
     * there with the price a modify asked for is booked as modified by then): the cancel of the entry of a bracket being
     * cancelled (or flattened before it filled) and of the working exits of one being flattened, and a pending modify's
     * new price. Such a request was lost with the session, or with a crash after the snapshot recorded it; it goes again,
     * and the server answers it as it would have the first time.
     */
    private void resendAsked() {
        for (Bracket b : List.copyOf(book.state.brackets.values())) {
            for (String id : b.orders) {
                Order o = book.order(id);
                if (o.status != Status.WORKING || o.serverId.isEmpty()) {
                    continue;
                }
                boolean cancel = o.role == OrderRole.ENTRY ? !b.entryFilled && (b.cancelId != null || b.flattenId != null)
                        : b.flattenId != null && o.role != OrderRole.FLATTEN;
                if (cancel) {
                    LOG.info("DTC broker of account {}: order {} of bracket {} is still open at the server after {} asked to cancel it;"
                            + " sending the cancel again", account, o.id, b.bracketId, b.cancelId != null ? b.cancelId : b.flattenId);
                    session.send(messages.cancel(o));
                } else if (o.modifyId != null && o.modifyPrice != null) {
                    LOG.info("DTC broker of account {}: order {} of bracket {} is still at {} at the server after {} asked for {};"
                            + " sending the modify again", account, o.id, b.bracketId, DtcBook.plain(b, o.price), o.modifyId,
                            DtcBook.plain(b, o.modifyPrice));
                    session.send(messages.replace(o, o.modifyPrice));
                }
            }
        }
    }

    /** Open orders the sink never sent ({@code FOREIGN_ORDER}), then the positions asked for, to compare with what the booked fills make them. */
    private void foreignAndPositions(Run r, Consumer<? super BrokerEvent> out) {
        checkDeferred = false;
        for (OrderUpdate u : List.copyOf(book.unclaimed.values())) {
            if (DtcOrderUpdates.active(u)) {
                out.accept(new Discrepancy(u.clientOrderId(), null, account, Discrepancy.Kind.FOREIGN_ORDER, u.symbol(),
                        "order " + u.clientOrderId() + " (" + u.serverOrderId() + ", " + u.symbol() + ") is open at the server but was not sent"
                                + " by this sink; left alone", seenMicros));
            }
        }
        book.unclaimed.clear();
        long seen = seenMicros;
        ask(r, id -> CurrentPositionsRequest.builder().requestId(id).tradeAccount(tradeAccount).build(), (run, answer, o) -> positions(answer, seen, o));
    }

    private void positions(List<DtcMessage> answer, long seen, Consumer<? super BrokerEvent> out) {
        run = null;
        Map<String, BigDecimal> server = new TreeMap<>();
        for (DtcMessage m : answer) {
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
