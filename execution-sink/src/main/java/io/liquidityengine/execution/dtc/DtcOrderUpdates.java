package io.liquidityengine.execution.dtc;

import io.liquidityengine.dtc.message.DtcMessage;
import io.liquidityengine.dtc.message.OrderStatus;
import io.liquidityengine.dtc.message.OrderType;
import io.liquidityengine.dtc.message.OrderUpdate;
import io.liquidityengine.dtc.message.OrderUpdateReason;
import io.liquidityengine.execution.broker.BrokerEvent;
import io.liquidityengine.execution.broker.BrokerInbox;
import io.liquidityengine.execution.broker.OrderRole;
import io.liquidityengine.execution.dtc.DtcBook.Bracket;
import io.liquidityengine.execution.dtc.DtcBook.Order;
import io.liquidityengine.execution.dtc.DtcBook.Status;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's order updates turned into broker events against the {@link DtcBook}: accepted, fills,
 * cancels, rejects, modifies; the orders a booked fill or cancel sets off (a stop-only leg, a flatten's
 * market order); and the adoption of orders the server already holds. Booking is idempotent: a fill or
 * cancel already booked is not reported again, whichever path (live update, reconciliation, adoption)
 * saw it first. Sink thread only.
 */
final class DtcOrderUpdates {

    private static final Logger LOG = LoggerFactory.getLogger(DtcBroker.class);
    /** A test hook (system property {@value #HOLD_AFTER_SEND}): after sending this client order id, the sink's thread waits for ever. */
    static final String HOLD_AFTER_SEND = "liquidityengine.test.dtc.hold-after-send";
    /** A server order id named by a reject's text, as the project's DTC server names the order holding a client order id: "(order S12)". */
    private static final Pattern NAMED_ORDER = Pattern.compile("\\(order ([^()\\s]+)\\)");
    /** Ended orders in the order they ended: by time, at one time fills before cancels (an OCO cancel follows its fill). */
    static final Comparator<OrderUpdate> IN_TIME = Comparator.comparingLong(DtcOrderUpdates::transactionMicros)
            .thenComparingInt(u -> u.orderStatus() == OrderStatus.FILLED ? 0 : 1);

    private final String account;
    private final DtcBook book;
    private final DtcSession session;
    private final DtcMessages messages;
    private final BrokerInbox inbox;
    private final BigDecimal commissionPerContract;
    private int lookups;
    private int lostLookups;

    DtcOrderUpdates(String account, DtcBook book, DtcSession session, DtcMessages messages, BrokerInbox inbox,
                    BigDecimal commissionPerContract) {
        this.account = account;
        this.commissionPerContract = commissionPerContract;
        this.book = book;
        this.session = session;
        this.messages = messages;
        this.inbox = inbox;
    }

    /** Books one order update; idempotent (a fill or cancel already booked is not reported again). */
    void apply(OrderUpdate u, Consumer<? super BrokerEvent> out) {
        Order o = book.order(u.clientOrderId());
        Bracket b = o == null ? null : book.bracket(o.bracketId);
        if (b == null) {
            return; // not ours, or of a bracket that is over
        }
        if (!u.serverOrderId().isEmpty()) {
            o.serverId = u.serverOrderId();
        }
        long t = u.latestTransactionDateTime() > 0 ? Math.round(u.latestTransactionDateTime() * 1_000_000d) : b.placedMicros;
        book.state.lastEventMicros = Math.max(book.state.lastEventMicros, t);
        int reason = u.orderUpdateReason();
        if (reason == OrderUpdateReason.ORDER_CANCEL_REPLACE_COMPLETE) {
            if (o.modifyId != null) {
                modified(b, o, DtcBook.onGrid(b, u.price1()), t, out);
            }
            return;
        }
        if (reason == OrderUpdateReason.ORDER_CANCEL_REPLACE_REJECTED || reason == OrderUpdateReason.ORDER_CANCEL_REJECTED) {
            if (reason == OrderUpdateReason.ORDER_CANCEL_REPLACE_REJECTED && o.modifyId != null) {
                out.accept(new BrokerEvent.Rejected(o.modifyId, b.bracketId, u.infoText(), t));
                o.modifyId = null;
                o.modifyPrice = null;
            } else if (o.role == OrderRole.ENTRY && b.cancelId != null) {
                out.accept(new BrokerEvent.Rejected(b.cancelId, b.bracketId, u.infoText(), t));
                b.cancelId = null;
            }
            return;
        }
        switch (u.orderStatus()) {
            case OrderStatus.FILLED -> {
                // LastFillDateTime holds milliseconds; LatestTransactionDateTime (seconds with a fraction) the same time to the
                // microsecond when the server sets it to the fill's (the project's server does): the trade's event time exactly
                long fillMicros = u.lastFillDateTime() <= 0 ? t : Math.floorDiv(t, 1_000L) == u.lastFillDateTime() ? t : u.lastFillDateTime() * 1_000L;
                onFilled(b, o, DtcBook.onGrid(b, u.lastFillPrice()), fillMicros, out);
            }
            case OrderStatus.CANCELED -> onCanceled(b, o, u.infoText(), t, out);
            case OrderStatus.REJECTED -> onRejected(b, o, u.infoText(), t, out);
            case OrderStatus.PENDING_OPEN, OrderStatus.PENDING_CHILD, OrderStatus.OPEN -> {
                if (o.status == Status.SENT) {
                    o.status = Status.WORKING;
                }
                checkAccepted(b, out);
                if (o.modifyId != null && o.modifyPrice != null && u.price1() > 0 && DtcBook.onGrid(b, u.price1()).compareTo(o.modifyPrice) == 0) {
                    modified(b, o, o.modifyPrice, t, out); // the server has the price asked for: the modify's answer was lost
                }
            }
            default -> { }
        }
    }

    private static void modified(Bracket b, Order o, BigDecimal price, long t, Consumer<? super BrokerEvent> out) {
        out.accept(new BrokerEvent.Modified(o.modifyId, b.bracketId, o.role, o.legId, price,
                o.role.name().toLowerCase() + " " + DtcBook.plain(b, o.price) + " -> " + DtcBook.plain(b, price), t));
        o.price = price;
        o.modifyId = null;
        o.modifyPrice = null;
    }

    void checkAccepted(Bracket b, Consumer<? super BrokerEvent> out) {
        if (b.accepted) {
            return;
        }
        for (String id : b.orders) {
            Status s = book.order(id).status;
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
        book.state.lastFillMicros = Math.max(book.state.lastFillMicros, t);
        book.state.lastEventMicros = Math.max(book.state.lastEventMicros, t);
        if (o.role == OrderRole.ENTRY) {
            b.entryFilled = true;
            out.accept(new BrokerEvent.Filled(b.placeId, b.bracketId, OrderRole.ENTRY, null, b.side, price, o.quantity, commission(o), t));
            for (String id : List.copyOf(b.orders)) {
                Order leg = book.order(id);
                if (leg.status == Status.UNSENT && b.flattenId == null) {
                    leg.status = Status.SENT;
                    sendOrAdopt(leg, messages.stop(b, leg), out);
                }
            }
        } else if (o.role == OrderRole.FLATTEN) {
            out.accept(new BrokerEvent.Filled(b.flattenId, b.bracketId, OrderRole.FLATTEN, null, o.side, price, o.quantity, commission(o), t));
        } else {
            out.accept(new BrokerEvent.Filled(b.placeId, b.bracketId, o.role, o.legId, o.side, price, o.quantity, commission(o), t));
        }
        maybeSendFlatten(b, out);
        maybeDone(b);
    }

    /** DTC order updates carry no commission: {@code commission-per-contract} for every contract filled (0 by default). */
    private BigDecimal commission(Order o) {
        return o.quantity.multiply(commissionPerContract);
    }

    private void onCanceled(Bracket b, Order o, String text, long t, Consumer<? super BrokerEvent> out) {
        if (!o.status.active()) {
            return;
        }
        o.status = Status.CANCELED;
        if (o.role == OrderRole.ENTRY) {
            String by = b.flattenId != null ? b.flattenId : b.cancelId != null ? b.cancelId : b.placeId;
            // the paper broker's words for what the engine asked; the server's text for a cancel nobody here asked for
            String why = b.flattenId != null ? "flatten before the entry filled" : b.cancelId != null ? "cancelled" : text;
            out.accept(new BrokerEvent.Cancelled(by, b.bracketId, OrderRole.ENTRY, null, why, t));
            book.remove(b);
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
            Order p = book.order(id);
            if (p != o && p.status == Status.FILLED && Objects.equals(p.legId, o.legId)
                    && (p.role == OrderRole.TARGET || p.role == OrderRole.STOP)) {
                return "OCO: " + p.role.name().toLowerCase() + " filled";
            }
        }
        return text.isEmpty() ? "cancelled at the server" : text;
    }

    private void onRejected(Bracket b, Order o, String text, long t, Consumer<? super BrokerEvent> out) {
        if (!o.status.active()) {
            return;
        }
        if (o.status == Status.SENT && o.serverId.isEmpty()) {
            // the server may already hold this client order id (sent before a crash, found neither open nor filled):
            // its state, asked for by the server order id the reject names, is what this order became (answered in an inbox task)
            Matcher named = NAMED_ORDER.matcher(text);
            if (named.find()) {
                String sid = named.group(1);
                lookups++;
                int id = session.nextRequestId();
                long connection = session.connections();
                session.submit(id, session.byServerIdRequest(id, sid), answer -> inbox.run(next -> {
                    lookups--;
                    duplicateLookedUp(o, DtcSession.answeredOrder(answer), text, t, next);
                }), failure -> inbox.run(next -> {
                    lookups--;
                    if (session.lostSince(connection)) {
                        // the order stays sent: the reconciliation after the re-logon finds what it became (or sends it again)
                        LOG.warn("DTC broker of account {}: the lookup of order {} ({}) was lost with the session ({}); input held until"
                                + " the re-logon's reconciliation", account, o.id, sid, failure.getMessage());
                        lostLookups++;
                        return;
                    }
                    throw failure;
                }));
                return;
            }
        }
        rejected(b, o, text, t, out);
    }

    /** Lookups of rejected duplicates not answered yet, or lost with the session: the broker holds the sink's input meanwhile. */
    boolean lookingUp() {
        return lookups > 0 || lostLookups > 0;
    }

    /** Logged on again: the reconciliation starting now settles the orders whose lookups were lost (and holds the input). */
    void loggedOnAgain() {
        lostLookups = 0;
    }

    /** The answer to the lookup of the order a duplicate reject named: that order's state is {@code o}'s if it holds {@code o}'s id. */
    private void duplicateLookedUp(Order o, OrderUpdate held, String text, long t, Consumer<? super BrokerEvent> out) {
        Bracket b = book.order(o.id) == o ? book.bracket(o.bracketId) : null;
        if (b == null || o.status != Status.SENT || !o.serverId.isEmpty()) {
            return; // settled meanwhile
        }
        if (held != null && held.clientOrderId().equals(o.id)) {
            LOG.info("DTC broker of account {}: order {} was already at the server ({}); adopted: {}", account, o.id,
                    held.serverOrderId(), OrderStatus.name(held.orderStatus()));
            o.serverId = held.serverOrderId();
            o.status = Status.WORKING;
            checkAccepted(b, out);
            apply(held, out);
            return;
        }
        rejected(b, o, text, t, out);
    }

    private void rejected(Bracket b, Order o, String text, long t, Consumer<? super BrokerEvent> out) {
        o.status = Status.REJECTED;
        if (o.role == OrderRole.FLATTEN) {
            out.accept(new BrokerEvent.Rejected(b.flattenId, b.bracketId, text, t));
        } else if (!b.accepted) {
            out.accept(new BrokerEvent.Rejected(b.placeId, b.bracketId, text, t));
            book.remove(b);
        } else {
            LOG.error("DTC broker of account {}: order {} of bracket {} rejected after the bracket was accepted: {}", account, o.id,
                    b.bracketId, text);
        }
    }

    /** After a flatten's cancels: the market order for what is still open, once no exit can fill any more. */
    void maybeSendFlatten(Bracket b, Consumer<? super BrokerEvent> out) {
        if (b.flattenId == null || b.flattenSent || !b.entryFilled) {
            return;
        }
        BigDecimal open = b.quantity;
        for (String id : b.orders) {
            Order o = book.order(id);
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
        Order market = book.add(b, DtcIds.of(b.flattenId, 0), OrderRole.FLATTEN, null, b.side.opposite(), OrderType.MARKET, null, open, Status.SENT);
        sendOrAdopt(market, messages.market(b, market), out);
    }

    private void maybeDone(Bracket b) {
        if (!b.entryFilled) {
            return;
        }
        for (String id : b.orders) {
            if (book.order(id).status.active()) {
                return;
            }
        }
        if (b.flattenId != null && !b.flattenSent) {
            return;
        }
        book.remove(b);
    }

    /**
     * A bracket whose entry the server already has (sent before a crash, after the last committed
     * snapshot): its orders at the server are taken over (server ids, status, fills, in the order they
     * happened), the OCO pairs that never reached it are sent, nothing is sent twice. The engine's prices
     * are kept, so a MODIFY processed again replaces to the same price and reports as it did.
     */
    void adopt(Bracket b, List<Order[]> pairs, Consumer<? super BrokerEvent> out) {
        Order entry = book.entry(b);
        for (Order[] pair : pairs) {
            if (!book.unclaimed.containsKey(pair[0].id) && !book.unclaimed.containsKey(pair[1].id)) {
                session.send(messages.pair(b, pair[0], pair[1], entry.id));
            }
        }
        List<OrderUpdate> open = new ArrayList<>();
        List<OrderUpdate> done = new ArrayList<>();
        for (String id : b.orders) {
            OrderUpdate u = book.unclaimed.remove(id);
            if (u == null) {
                continue;
            }
            Order o = book.order(id);
            o.serverId = u.serverOrderId();
            o.status = Status.WORKING; // the server accepted it: what it became is applied below
            (active(u) ? open : done).add(u);
        }
        checkAccepted(b, out);
        LOG.info("DTC broker of account {}: bracket {} adopted from the server ({} open, {} done orders); not sent again", account,
                b.bracketId, open.size(), done.size());
        open.forEach(u -> apply(u, out));
        done.sort(IN_TIME);
        done.forEach(u -> apply(u, out));
    }

    /** Sends a single order (a stop-only leg, a flatten's market order), or adopts it when the server has it already. */
    private void sendOrAdopt(Order o, DtcMessage message, Consumer<? super BrokerEvent> out) {
        OrderUpdate u = book.unclaimed.remove(o.id);
        if (u != null) {
            o.serverId = u.serverOrderId();
            LOG.info("DTC broker of account {}: order {} adopted from the server ({}); not sent again", account, o.id, u.serverOrderId());
            apply(u, out);
            return;
        }
        if (!session.send(message)) {
            LOG.warn("DTC broker of account {}: order {} not sent (session down); reconciliation will send it", account, o.id);
        }
        holdIfAsked(o.id);
    }

    static boolean active(OrderUpdate u) {
        int s = u.orderStatus();
        return s == OrderStatus.OPEN || s == OrderStatus.PENDING_OPEN || s == OrderStatus.PENDING_CHILD;
    }

    private static long transactionMicros(OrderUpdate u) {
        return u.lastFillDateTime() > 0 ? u.lastFillDateTime() * 1_000L : Math.round(u.latestTransactionDateTime() * 1_000_000d);
    }

    static void holdIfAsked(String clientOrderId) {
        String hold = System.getProperty(HOLD_AFTER_SEND);
        if (hold != null && hold.equals(clientOrderId)) {
            LOG.warn("Test hook {}: holding the sink's thread after sending {}", HOLD_AFTER_SEND, clientOrderId);
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
