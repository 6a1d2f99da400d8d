package io.liquidityengine.execution.binance;

import com.fasterxml.jackson.databind.JsonNode;
import io.liquidityengine.execution.binance.BinanceRest.ApiException;
import io.liquidityengine.execution.binance.BinanceRest.UnknownOutcome;
import io.liquidityengine.execution.binance.BinanceState.Bracket;
import io.liquidityengine.execution.binance.BinanceState.Order;
import io.liquidityengine.execution.binance.BinanceState.Status;
import io.liquidityengine.execution.broker.BrokerEvent;
import io.liquidityengine.execution.broker.OrderRole;
import io.liquidityengine.execution.broker.Side;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Binance broker's requests for orders: new orders and OCO lists, cancels, cancel-replaces. A new
 * order whose outcome is unknown (no answer) or that Binance calls a duplicate is looked up by its client
 * order id ({@code GET /api/v3/order}) and taken over as it is there, never sent as a second order; so is
 * one sent while the sink processes again what a predecessor may have sent (before {@code inputCaughtUp}).
 */
final class BinanceOrders {

    private static final Logger LOG = LoggerFactory.getLogger(BinanceOrders.class);
    /** A test hook (system property; BinanceCrashIT): after sending this client order id, the sink's thread waits for ever. */
    static final String HOLD_AFTER_SEND = "liquidityengine.test.binance.hold-after-send";

    private final BinanceBroker broker;

    BinanceOrders(BinanceBroker broker) {
        this.broker = broker;
    }

    private BinanceState state() {
        return broker.state;
    }

    // ---- new orders ----

    void sendSingle(Bracket b, Order o, Consumer<? super BrokerEvent> out) {
        if (!broker.inputCaughtUp && adopted(b, o, out)) {
            return;
        }
        post(b, List.of(o), "/api/v3/order", single(b, o), out);
    }

    /** The exits of a bracket whose entry filled: per leg an OCO list (target and stop), or a single stop. */
    void sendExits(Bracket b, Consumer<? super BrokerEvent> out) {
        int legs = b.orders.stream().mapToInt(id -> state().orders.get(id).leg).max().orElse(0);
        for (int n = 1; n <= legs; n++) {
            List<Order> leg = state().leg(b, n);
            if (leg.stream().anyMatch(o -> o.status != Status.UNSENT)) {
                continue;
            }
            leg.forEach(o -> o.status = Status.SENT);
            if (leg.size() == 2) {
                sendPair(b, leg.get(0), leg.get(1), out);
            } else {
                sendSingle(b, leg.get(0), out);
            }
        }
    }

    void sendPair(Bracket b, Order target, Order stop, Consumer<? super BrokerEvent> out) {
        if (!broker.inputCaughtUp && adopted(b, target, out)) {
            adopted(b, stop, out);
            return;
        }
        Map<String, String> p = new LinkedHashMap<>();
        p.put("symbol", b.symbol);
        p.put("listClientOrderId", target.listId);
        p.put("side", target.side.name());
        p.put("quantity", plain(target.quantity));
        // a SELL list has its limit above the market and its stop below; a BUY list the other way round
        boolean sell = target.side == Side.SELL;
        String limit = sell ? "above" : "below";
        String stopLeg = sell ? "below" : "above";
        p.put(limit + "Type", "LIMIT_MAKER");
        p.put(limit + "ClientOrderId", target.id);
        p.put(limit + "Price", plain(target.price));
        p.put(stopLeg + "Type", "STOP_LOSS_LIMIT");
        p.put(stopLeg + "ClientOrderId", stop.id);
        p.put(stopLeg + "StopPrice", plain(stop.price));
        p.put(stopLeg + "Price", plain(stopLimit(b, stop)));
        p.put(stopLeg + "TimeInForce", "GTC");
        p.put("newOrderRespType", "ACK");
        post(b, List.of(target, stop), "/api/v3/orderList/oco", p, out);
    }

    /** Sends again an order the state holds as sent that Binance does not have (its send was lost). */
    void resend(Bracket b, Order o, Consumer<? super BrokerEvent> out) {
        LOG.info("Binance broker of account {}: order {} of bracket {} never reached Binance; sending it now", broker.context.account(), o.id,
                b.bracketId);
        if (o.listId == null) {
            post(b, List.of(o), "/api/v3/order", single(b, o), out);
            return;
        }
        List<Order> pair = state().leg(b, o.leg);
        Order target = pair.stream().filter(x -> x.role == OrderRole.TARGET).findFirst().orElseThrow();
        Order stop = pair.stream().filter(x -> x.role == OrderRole.STOP).findFirst().orElseThrow();
        if (o == target || target.status != Status.SENT || target.orderId != 0) {
            sendPair(b, target, stop, out);
        }
    }

    private Map<String, String> single(Bracket b, Order o) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("symbol", b.symbol);
        p.put("side", o.side.name());
        p.put("type", o.type);
        p.put("quantity", plain(o.quantity));
        switch (o.type) {
            case "LIMIT" -> {
                p.put("timeInForce", "GTC");
                p.put("price", plain(o.price));
            }
            case "STOP_LOSS_LIMIT" -> {
                p.put("timeInForce", "GTC");
                p.put("price", plain(stopLimit(b, o)));
                p.put("stopPrice", plain(o.price));
            }
            default -> { }
        }
        p.put("newClientOrderId", o.id);
        p.put("newOrderRespType", "ACK");
        return p;
    }

    /** A stop-loss-limit's limit: {@code stop-limit-ticks} beyond the stop in the order's direction (a sell stop's limit below it). */
    private BigDecimal stopLimit(Bracket b, Order stop) {
        BigDecimal offset = b.instrument.tickSize().multiply(BigDecimal.valueOf((long) stop.side.sign() * broker.config.stopLimitTicks()));
        return stop.price.add(offset);
    }

    private void post(Bracket b, List<Order> os, String path, Map<String, String> params, Consumer<? super BrokerEvent> out) {
        try {
            broker.rest.signed("POST", path, params);
            holdIfAsked(os.get(0).id);
        } catch (ApiException e) {
            if (e.code == -2010 && e.getMessage().contains("Duplicate")) {
                LOG.info("Binance broker of account {}: {} is already at Binance; taking it over", broker.context.account(), os.get(0).id);
                os.forEach(o -> adopted(b, o, out));
                return;
            }
            long t = state().lastEventMicros;
            if (os.size() == 2 && os.get(0).role == OrderRole.TARGET && e.code == -2010 && e.getMessage().contains("immediately match")) {
                exitAtMarket(b, os.get(0), os.get(1), e.getMessage(), t, out);
            } else if (os.get(0).role == OrderRole.ENTRY || os.get(0).role == OrderRole.FLATTEN) {
                broker.booking.onRejected(b, os.get(0), e.getMessage(), t, out);
            } else {
                os.forEach(o -> o.status = Status.REJECTED);
                LOG.error("Binance broker of account {}: exit orders {} of bracket {} rejected ({}); the position has no exit at Binance",
                        broker.context.account(), os.stream().map(o -> o.id).toList(), b.bracketId, e.getMessage());
            }
        } catch (UnknownOutcome e) {
            LOG.warn("Binance broker of account {}: {}; asking Binance whether {} arrived", broker.context.account(), e.getMessage(), os.get(0).id);
            if (adopted(b, os.get(0), out)) {
                os.subList(1, os.size()).forEach(o -> adopted(b, o, out));
            } else {
                broker.rest.signed("POST", path, params);
            }
        }
    }

    /**
     * The market had already crossed a leg's target when its OCO list was sent, so Binance refused the list (its
     * LIMIT_MAKER would take). The trader's target is reached: the leg exits at market now, under the target's
     * client order id (a MARKET order, reported as the target's fill at the price it gets), instead of leaving the
     * position without exits at Binance. The stop is never placed; it is reported cancelled (OCO) once the exit's
     * fill is booked. Should Binance refuse the market order too, both are marked rejected and the error logged.
     */
    private void exitAtMarket(Bracket b, Order target, Order stop, String refusal, long t, Consumer<? super BrokerEvent> out) {
        LOG.warn("Binance broker of account {}: target {} of leg {} of bracket {} already crossed, Binance refused its OCO list ({});"
                + " exiting the leg at market", broker.context.account(), plain(target.price), target.legId, b.bracketId, refusal);
        target.type = "MARKET";
        target.listId = null;
        stop.listId = null;
        stop.status = Status.UNSENT;
        stop.heldCancelMicros = Math.max(1, t);
        sendSingle(b, target, out);
        if (target.status == Status.REJECTED) {
            stop.status = Status.REJECTED;
            stop.heldCancelMicros = 0;
        }
    }

    static void holdIfAsked(String clientOrderId) {
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

    /** Takes over the order Binance has under {@code o}'s client order id, as it is there; false when Binance has none. */
    boolean adopted(Bracket b, Order o, Consumer<? super BrokerEvent> out) {
        JsonNode snapshot;
        try {
            snapshot = broker.rest.signed("GET", "/api/v3/order", Map.of("symbol", b.symbol, "origClientOrderId", o.id));
        } catch (ApiException e) {
            if (e.code == -2013) {
                return false;
            }
            throw e;
        }
        LOG.info("Binance broker of account {}: order {} of bracket {} found at Binance ({}); not sent again", broker.context.account(), o.id,
                b.bracketId, snapshot.path("status").asText());
        broker.reconcilerApply(b, o, snapshot, null, out);
        return true;
    }

    // ---- changes ----

    /** Cancel-replace of a single order (an entry, a stop without target) to {@code price}; false (and REJECTED) when Binance refused. */
    boolean replaceSingle(Bracket b, Order old, String modifyId, String suffix, BigDecimal price, long t) {
        Order r = copy(b, old, BinanceIds.of(modifyId, suffix), price, modifyId, old.listId);
        Map<String, String> p = single(b, r);
        p.remove("newOrderRespType");
        p.put("cancelReplaceMode", "STOP_ON_FAILURE");
        p.put("cancelOrigClientOrderId", old.id);
        try {
            broker.rest.signed("POST", "/api/v3/order/cancelReplace", p);
        } catch (ApiException e) {
            broker.reject(modifyId, b.bracketId, "cancel-replace of " + old.id + " refused: " + e.getMessage(), t);
            return false;
        }
        state().replace(b, old, r);
        return true;
    }

    /** A new OCO list for a leg whose target ({@code newTarget}) or stop ({@code newStop}) moves (null: unchanged). */
    void replacePair(Bracket b, Order target, Order stop, String modifyId, BigDecimal newTarget, BigDecimal newStop, long t) {
        if (!cancelList(b, stop)) {
            broker.reject(modifyId, b.bracketId, "the exits of leg " + stop.legId + " are no longer open at Binance", t);
            return;
        }
        String list = BinanceIds.of(modifyId, "-L" + stop.leg);
        Order t2 = copy(b, target, BinanceIds.of(modifyId, "-T" + target.leg), newTarget == null ? target.price : newTarget,
                newTarget == null ? null : modifyId, list);
        Order s2 = copy(b, stop, BinanceIds.of(modifyId, "-S" + stop.leg), newStop == null ? stop.price : newStop,
                newStop == null ? null : modifyId, list);
        state().replace(b, target, t2);
        state().replace(b, stop, s2);
        sendPair(b, t2, s2, broker.context.listener());
    }

    private Order copy(Bracket b, Order old, String id, BigDecimal price, String modifyId, String listId) {
        Order r = new Order();
        r.id = id;
        r.bracketId = b.bracketId;
        r.role = old.role;
        r.legId = old.legId;
        r.leg = old.leg;
        r.side = old.side;
        r.type = old.type;
        r.price = price;
        r.quantity = old.quantity;
        r.status = Status.SENT;
        r.listId = listId;
        r.modifyId = modifyId;
        r.oldPrice = modifyId == null ? null : old.price;
        return r;
    }

    /** {@code DELETE /api/v3/order}; false when Binance does not have it open. */
    boolean cancelOrder(Bracket b, Order o) {
        return delete("/api/v3/order", Map.of("symbol", b.symbol, "origClientOrderId", o.id), o.id);
    }

    /** {@code DELETE /api/v3/orderList} of {@code o}'s OCO list; false when Binance does not have it open. */
    boolean cancelList(Bracket b, Order o) {
        return delete("/api/v3/orderList", Map.of("symbol", b.symbol, "listClientOrderId", o.listId), o.listId);
    }

    private boolean delete(String path, Map<String, String> params, String what) {
        try {
            broker.rest.signed("DELETE", path, params);
            return true;
        } catch (ApiException e) {
            LOG.info("Binance broker of account {}: cancel of {} refused: {}", broker.context.account(), what, e.getMessage());
            return false;
        }
    }

    static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }
}
