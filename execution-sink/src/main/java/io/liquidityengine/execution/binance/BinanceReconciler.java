package io.liquidityengine.execution.binance;

import com.fasterxml.jackson.databind.JsonNode;
import io.liquidityengine.execution.binance.BinanceRest.ApiException;
import io.liquidityengine.execution.binance.BinanceState.Bracket;
import io.liquidityengine.execution.binance.BinanceState.Order;
import io.liquidityengine.execution.binance.BinanceState.Status;
import io.liquidityengine.execution.broker.BrokerEvent;
import io.liquidityengine.execution.broker.BrokerEvent.Discrepancy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Binance broker's reconciliation (after every start and every reconnect of the user data stream):
 * every open order ({@code GET /api/v3/openOrders}); for each order the state holds as at Binance that is not
 * open any more, its status ({@code GET /api/v3/order} by client order id) and the account's trades since the
 * last booked fill ({@code GET /api/v3/myTrades}, per symbol, {@code startTime}) for its fill price, time and
 * commission. What happened while the sink was away is booked in the order it happened, once (booking is
 * idempotent); an order sent but never received is sent now; an order Binance does not know is
 * {@code ORDER_UNKNOWN_AT_VENUE}. Open orders the sink never sent are {@code FOREIGN_ORDER}s, checked once the
 * sink has caught up with its input. Spot has no positions to compare (balances include holdings the engine
 * never traded), so there is no {@code POSITION_MISMATCH} check.
 */
final class BinanceReconciler {

    private static final Logger LOG = LoggerFactory.getLogger(BinanceReconciler.class);

    /** The fills of one order found in the account's trades. */
    record Fill(BigDecimal quantity, BigDecimal quote, BigDecimal commission, long timeMillis) {
    }

    private final BinanceBroker broker;

    BinanceReconciler(BinanceBroker broker) {
        this.broker = broker;
    }

    void reconcile(Consumer<? super BrokerEvent> out) {
        BinanceState state = broker.state;
        Map<String, JsonNode> open = openOrders();
        List<Order> gone = new ArrayList<>();
        for (Order o : List.copyOf(state.orders.values())) {
            Bracket b = state.brackets.get(o.bracketId);
            if (b == null || !(o.status == Status.SENT || o.status == Status.WORKING)) {
                continue;
            }
            JsonNode there = open.get(o.id);
            if (there == null) {
                gone.add(o);
            } else if (o.status == Status.SENT) {
                o.orderId = there.path("orderId").asLong();
                broker.booking.onWorking(b, o, there.path("time").asLong() * 1000L, out);
            }
        }
        if (gone.isEmpty()) {
            return;
        }
        Set<String> symbols = new LinkedHashSet<>();
        gone.forEach(o -> symbols.add(state.brackets.get(o.bracketId).symbol));
        Map<Long, Fill> fills = new HashMap<>();
        for (String symbol : symbols) {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("symbol", symbol);
            if (state.lastFillMicros > 0) {
                p.put("startTime", Long.toString(state.lastFillMicros / 1000L));
            }
            p.put("limit", "1000");
            for (JsonNode t : broker.rest.signed("GET", "/api/v3/myTrades", p)) {
                BigDecimal qty = new BigDecimal(t.path("qty").asText());
                BigDecimal commission = currencyOf(symbol, state).equals(t.path("commissionAsset").asText())
                        ? new BigDecimal(t.path("commission").asText()) : BigDecimal.ZERO;
                fills.merge(t.path("orderId").asLong(), new Fill(qty, new BigDecimal(t.path("quoteQty").asText()), commission,
                        t.path("time").asLong()), (a, c) -> new Fill(a.quantity.add(c.quantity), a.quote.add(c.quote),
                        a.commission.add(c.commission), Math.max(a.timeMillis, c.timeMillis)));
            }
        }
        record Ended(Order order, JsonNode snapshot) {
        }
        List<Ended> ended = new ArrayList<>();
        for (Order o : gone) {
            Bracket b = state.brackets.get(o.bracketId);
            try {
                ended.add(new Ended(o, broker.rest.signed("GET", "/api/v3/order", Map.of("symbol", b.symbol, "origClientOrderId", o.id))));
            } catch (ApiException e) {
                if (e.code != -2013) {
                    throw e;
                }
                ended.add(new Ended(o, null));
            }
        }
        // in the order they happened; at one time a fill before the cancel it caused
        ended.sort(Comparator.comparingLong((Ended e) -> e.snapshot == null ? Long.MAX_VALUE : e.snapshot.path("updateTime").asLong())
                .thenComparingInt(e -> e.snapshot != null && e.snapshot.path("status").asText().equals("FILLED") ? 0 : 1));
        for (Ended e : ended) {
            Order o = e.order;
            Bracket b = state.brackets.get(o.bracketId);
            if (b == null || state.orders.get(o.id) != o || !o.status.active()) {
                continue;
            }
            if (e.snapshot != null) {
                apply(b, o, e.snapshot, fills.get(e.snapshot.path("orderId").asLong()), out);
            } else if (o.status == Status.SENT) {
                broker.orders.resend(b, o, out);
            } else {
                out.accept(new Discrepancy(o.id, o.bracketId, broker.context.account(), Discrepancy.Kind.ORDER_UNKNOWN_AT_VENUE,
                        b.instrument.symbol(), "order " + o.id + " of bracket " + o.bracketId + " is not known at Binance; bracket marked rejected",
                        state.lastEventMicros));
                state.remove(b);
            }
        }
    }

    /** Books what Binance says of one order ({@code GET /api/v3/order}), with its fills from the trades when known. */
    void apply(Bracket b, Order o, JsonNode snapshot, Fill fill, Consumer<? super BrokerEvent> out) {
        o.orderId = snapshot.path("orderId").asLong(o.orderId);
        long t = snapshot.path("updateTime").asLong() * 1000L;
        switch (snapshot.path("status").asText()) {
            case "NEW", "PARTIALLY_FILLED" -> broker.booking.onWorking(b, o, t, out);
            case "FILLED" -> {
                BigDecimal qty = fill == null ? new BigDecimal(snapshot.path("executedQty").asText()) : fill.quantity;
                BigDecimal quote = fill == null ? new BigDecimal(snapshot.path("cummulativeQuoteQty").asText()) : fill.quote;
                BigDecimal price = BinanceBooking.onGrid(b, quote.divide(qty, 16, RoundingMode.HALF_EVEN));
                broker.booking.onFilled(b, o, price, fill == null ? BigDecimal.ZERO : fill.commission, fill == null ? t : fill.timeMillis * 1000L, out);
            }
            case "CANCELED", "EXPIRED", "EXPIRED_IN_MATCH" -> broker.booking.onCanceled(b, o, "cancelled at Binance", t, out);
            case "REJECTED" -> broker.booking.onRejected(b, o, "rejected by Binance", t, out);
            default -> LOG.warn("Binance broker of account {}: order {} has status {}", broker.context.account(), o.id,
                    snapshot.path("status").asText());
        }
    }

    /** Open orders at Binance that this sink never sent: {@code FOREIGN_ORDER}, left alone. */
    void foreignOrders(Consumer<? super BrokerEvent> out) {
        for (JsonNode o : openOrders().values()) {
            String id = o.path("clientOrderId").asText();
            if (!broker.state.orders.containsKey(id)) {
                out.accept(new Discrepancy(id, null, broker.context.account(), Discrepancy.Kind.FOREIGN_ORDER, o.path("symbol").asText(),
                        "order " + id + " (" + o.path("orderId").asLong() + ", " + o.path("symbol").asText() + ") is open at Binance but was not sent"
                                + " by this sink; left alone", broker.state.lastEventMicros));
            }
        }
    }

    private Map<String, JsonNode> openOrders() {
        Map<String, JsonNode> open = new LinkedHashMap<>();
        for (JsonNode o : broker.rest.signed("GET", "/api/v3/openOrders", Map.of())) {
            open.put(o.path("clientOrderId").asText(), o);
        }
        return open;
    }

    private static String currencyOf(String symbol, BinanceState state) {
        for (Bracket b : state.brackets.values()) {
            if (b.symbol.equals(symbol)) {
                return b.instrument.currency();
            }
        }
        return "";
    }
}
