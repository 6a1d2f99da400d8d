package io.liquidityengine.execution.binance;

import com.fasterxml.jackson.databind.JsonNode;
import io.liquidityengine.execution.binance.BinanceState.Bracket;
import io.liquidityengine.execution.binance.BinanceState.Order;
import io.liquidityengine.execution.binance.BinanceState.Status;
import io.liquidityengine.execution.broker.BrokerEvent;
import io.liquidityengine.execution.broker.OrderRole;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Binance broker's booking of what Binance says of its orders (user data events, and the answers
 * reconciliation gets) into the bracket's state and the sink's events: accepted once the entry works,
 * fills (the entry's sends the exits), cancels with the paper broker's texts, rejects, the flatten's
 * market order once no exit can fill. Idempotent: an order booked FILLED or CANCELLED is never reported
 * again, whichever path saw it first. Sink thread only.
 */
final class BinanceBooking {

    private static final Logger LOG = LoggerFactory.getLogger(BinanceBooking.class);

    private final BinanceBroker broker;

    BinanceBooking(BinanceBroker broker) {
        this.broker = broker;
    }



    /** Books one user data event; idempotent (a fill or cancel already booked is not reported again). */
    void apply(JsonNode e, Consumer<? super BrokerEvent> out) {
        if (!"executionReport".equals(e.path("e").asText())) {
            return; // listStatus: its orders' own reports say everything
        }
        String x = e.path("x").asText();
        Order o = broker.state.orders.get(x.equals("CANCELED") ? e.path("C").asText() : e.path("c").asText());
        Bracket b = o == null ? null : broker.state.brackets.get(o.bracketId);
        if (b == null) {
            return; // not ours, replaced, or of a bracket that is over
        }
        o.orderId = e.path("i").asLong(o.orderId);
        long t = e.path("T").asLong() * 1000L;
        switch (x) {
            case "NEW" -> onWorking(b, o, t, out);
            case "TRADE" -> {
                if (e.path("X").asText().equals("FILLED")) {
                    BigDecimal qty = new BigDecimal(e.path("z").asText());
                    BigDecimal price = onGrid(b, new BigDecimal(e.path("Z").asText()).divide(qty, 16, RoundingMode.HALF_EVEN));
                    BigDecimal commission = b.instrument.currency().equals(e.path("N").asText()) ? new BigDecimal(e.path("n").asText())
                            : BigDecimal.ZERO;
                    onFilled(b, o, price, commission, t, out);
                }
            }
            case "CANCELED", "EXPIRED" -> onCanceled(b, o, x.equals("EXPIRED") ? "expired at Binance" : "cancelled at Binance", t, out);
            case "REJECTED" -> onRejected(b, o, "rejected by Binance: " + e.path("r").asText(), t, out);
            default -> { }
        }
    }

    void onWorking(Bracket b, Order o, long t, Consumer<? super BrokerEvent> out) {
        if (o.status == Status.SENT) {
            o.status = Status.WORKING;
        }
        if (o.modifyId != null) {
            out.accept(new BrokerEvent.Modified(o.modifyId, b.bracketId, o.role, o.legId, o.price,
                    o.role.name().toLowerCase() + " " + o.oldPrice.toPlainString() + " -> " + o.price.toPlainString(), t));
            o.modifyId = null;
            o.oldPrice = null;
        }
        checkAccepted(b, out);
    }

    private void checkAccepted(Bracket b, Consumer<? super BrokerEvent> out) {
        if (b.accepted) {
            return;
        }
        for (String id : b.orders) {
            Status s = broker.state.orders.get(id).status;
            if (s == Status.SENT || s == Status.REJECTED) {
                return;
            }
        }
        b.accepted = true;
        out.accept(new BrokerEvent.Accepted(b.placeId, b.bracketId, b.placedMicros));
    }

    void onFilled(Bracket b, Order o, BigDecimal price, BigDecimal commission, long t, Consumer<? super BrokerEvent> out) {
        if (o.status == Status.FILLED) {
            return;
        }
        if (o.status == Status.SENT) {
            o.status = Status.WORKING;
            checkAccepted(b, out);
        }
        o.status = Status.FILLED;
        broker.state.lastFillMicros = Math.max(broker.state.lastFillMicros, t);
        broker.state.lastEventMicros = Math.max(broker.state.lastEventMicros, t);
        if (o.role == OrderRole.ENTRY) {
            b.entryFilled = true;
            out.accept(new BrokerEvent.Filled(b.placeId, b.bracketId, OrderRole.ENTRY, null, b.side, price, o.quantity, commission, t));
            if (b.flattenId == null) {
                broker.orders.sendExits(b, out);
            } else {
                b.orders.stream().map(broker.state.orders::get).filter(x -> x.status == Status.UNSENT).forEach(x -> x.status = Status.CANCELED);
            }
        } else if (o.role == OrderRole.FLATTEN) {
            out.accept(new BrokerEvent.Filled(b.flattenId, b.bracketId, OrderRole.FLATTEN, null, o.side, price, o.quantity, commission, t));
        } else {
            out.accept(new BrokerEvent.Filled(b.placeId, b.bracketId, o.role, o.legId, o.side, price, o.quantity, commission, t));
            releaseHeldCancels(b, o, t, out);
        }
        maybeSendFlatten(b, out);
        maybeDone(b);
    }

    void onCanceled(Bracket b, Order o, String text, long t, Consumer<? super BrokerEvent> out) {
        if (!o.status.active() || o.heldCancelMicros != 0) {
            return;
        }
        if (o.listId != null && b.entryFilled && b.flattenId == null && workingPartner(b, o)) {
            // Binance ends an OCO list's other order when one fills, and may tell the end before the fill (the user
            // data stream, or reconciliation's order snapshots): hold the cancel until the partner's fill is booked
            o.heldCancelMicros = t;
            return;
        }
        releaseHeldCancels(b, o, 0, out);
        o.status = Status.CANCELED;
        broker.state.lastEventMicros = Math.max(broker.state.lastEventMicros, t);
        if (o.role == OrderRole.ENTRY) {
            String by = b.flattenId != null ? b.flattenId : b.cancelId != null ? b.cancelId : b.placeId;
            out.accept(new BrokerEvent.Cancelled(by, b.bracketId, OrderRole.ENTRY, null, text, t));
            broker.state.remove(b);
            return;
        }
        if (o.role == OrderRole.FLATTEN) {
            out.accept(new BrokerEvent.Rejected(b.flattenId, b.bracketId, "flatten order cancelled: " + text, t));
        } else if (b.entryFilled) {
            out.accept(new BrokerEvent.Cancelled(b.flattenId != null ? b.flattenId : b.placeId, b.bracketId, o.role, o.legId,
                    b.flattenId != null ? "flatten" : ocoText(b, o, text), t));
        }
        maybeSendFlatten(b, out);
        maybeDone(b);
    }

    /** Whether another exit of {@code o}'s leg still works (and is not itself an ended order held back). */
    private boolean workingPartner(Bracket b, Order o) {
        for (Order p : broker.state.leg(b, o.leg)) {
            if (p != o && p.status.active() && p.heldCancelMicros == 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reports the held cancels of {@code o}'s leg, now that {@code o} filled at {@code t} or ended too ({@code t} 0): after a
     * fill, at the later of the two times (a stop held since its list was refused ends with the market exit's fill); before
     * an end, at their own (they came first).
     */
    private void releaseHeldCancels(Bracket b, Order o, long t, Consumer<? super BrokerEvent> out) {
        for (Order p : broker.state.leg(b, o.leg)) {
            if (p != o && p.heldCancelMicros != 0 && p.status.active()) {
                long at = Math.max(p.heldCancelMicros, t);
                p.heldCancelMicros = 0;
                p.status = Status.CANCELED;
                out.accept(new BrokerEvent.Cancelled(b.placeId, b.bracketId, p.role, p.legId, ocoText(b, p, "cancelled at Binance"), at));
            }
        }
    }

    /** The paper broker's words for an exit cancelled because its partner of the same leg filled. */
    private String ocoText(Bracket b, Order o, String text) {
        for (Order p : broker.state.leg(b, o.leg)) {
            if (p != o && p.status == Status.FILLED) {
                return "OCO: " + p.role.name().toLowerCase() + " filled";
            }
        }
        return text;
    }

    void onRejected(Bracket b, Order o, String text, long t, Consumer<? super BrokerEvent> out) {
        if (!o.status.active()) {
            return;
        }
        o.status = Status.REJECTED;
        if (o.role == OrderRole.FLATTEN) {
            out.accept(new BrokerEvent.Rejected(b.flattenId, b.bracketId, text, t));
        } else if (!b.accepted) {
            out.accept(new BrokerEvent.Rejected(b.placeId, b.bracketId, text, t));
            broker.state.remove(b);
        } else {
            LOG.error("Binance broker of account {}: order {} of bracket {} rejected after the bracket was accepted: {}", broker.context.account(),
                    o.id, b.bracketId, text);
        }
    }

    /** After a flatten's cancels: the MARKET order for what is still open, once no exit can fill any more. */
    void maybeSendFlatten(Bracket b, Consumer<? super BrokerEvent> out) {
        if (b.flattenId == null || b.flattenSent || !b.entryFilled || !broker.state.brackets.containsKey(b.bracketId)) {
            return;
        }
        BigDecimal open = b.quantity;
        for (String id : b.orders) {
            Order o = broker.state.orders.get(id);
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
        Order market = broker.order(b, BinanceIds.of(b.flattenId, ""), OrderRole.FLATTEN, null, 0, b.side.opposite(), "MARKET", null, open, Status.SENT);
        broker.orders.sendSingle(b, market, out);
    }

    void maybeDone(Bracket b) {
        if (!b.entryFilled || !broker.state.brackets.containsKey(b.bracketId)) {
            return;
        }
        for (String id : b.orders) {
            if (broker.state.orders.get(id).status.active()) {
                return;
            }
        }
        if (b.flattenId != null && !b.flattenSent) {
            return;
        }
        broker.state.remove(b);
    }

    static BigDecimal onGrid(Bracket b, BigDecimal price) {
        BigDecimal tick = b.instrument.tickSize();
        return price.divide(tick, 0, RoundingMode.HALF_EVEN).multiply(tick);
    }
}
