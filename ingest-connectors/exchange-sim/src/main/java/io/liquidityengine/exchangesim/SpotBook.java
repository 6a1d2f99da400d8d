package io.liquidityengine.exchangesim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulated spot venue's orders, order lists and trades, and their matching against the market's
 * trades by the paper broker's rules ({@link SpotOrder#fillPrice}): orders of a symbol in the order they
 * were placed, each working from the trade after it was placed; in an OCO list the stop leg is tried
 * first (when both would fill on one trade the stop wins) and the fill of one leg expires the other.
 * Every change goes out as user data events. Market thread only.
 */
final class SpotBook {

    /** Where user data events go: every user data connection of the API key. */
    interface Events {
        void send(String apiKey, ObjectNode event);
    }

    /** An OCO order list. */
    record OrderList(long id, String clientId, String apiKey, String symbol, List<SpotOrder> orders) {
        boolean open() {
            return orders.stream().anyMatch(SpotOrder::open);
        }
    }

    /** A fill as {@code GET /api/v3/myTrades} answers it. */
    record Trade(String apiKey, String symbol, long id, SpotOrder order, BigDecimal price, BigDecimal qty, long time, boolean maker) {
    }

    private final Events events;
    final Map<Long, SpotOrder> orders = new LinkedHashMap<>();
    final Map<Long, OrderList> lists = new HashMap<>();
    final List<Trade> trades = new ArrayList<>();
    private final Map<String, Long> tradeSeq = new HashMap<>();
    private final Map<String, Long> lastTime = new HashMap<>();
    private final Map<String, BigDecimal> lastPrice = new HashMap<>();
    private long nextOrderId = 1;
    private long nextListId = 1;
    private long nextTradeId = 1;

    SpotBook(Events events) {
        this.events = events;
    }

    long nextOrderId() {
        return nextOrderId++;
    }

    long nextListId() {
        return nextListId++;
    }

    long tradesSeen(String symbol) {
        return tradeSeq.getOrDefault(symbol, 0L);
    }

    BigDecimal lastPrice(String symbol) {
        return lastPrice.get(symbol);
    }

    /** The market's time for events of {@code symbol}: its last trade's, or {@code wallMillis} before the first. */
    long time(String symbol, long wallMillis) {
        return lastTime.getOrDefault(symbol, wallMillis);
    }

    SpotOrder openByClientId(String apiKey, String symbol, String clientOrderId) {
        for (SpotOrder o : orders.values()) {
            if (o.open() && o.apiKey.equals(apiKey) && o.symbol.equals(symbol) && o.clientOrderId.equals(clientOrderId)) {
                return o;
            }
        }
        return null;
    }

    /** The latest order of the key with this client order id, whatever its status (GET /api/v3/order). */
    SpotOrder latestByClientId(String apiKey, String symbol, String clientOrderId) {
        SpotOrder found = null;
        for (SpotOrder o : orders.values()) {
            if (o.apiKey.equals(apiKey) && o.symbol.equals(symbol) && o.clientOrderId.equals(clientOrderId)) {
                found = o;
            }
        }
        return found;
    }

    void add(SpotOrder o) {
        orders.put(o.orderId, o);
        events.send(o.apiKey, SpotJson.executionReport(o, "NEW", o.clientOrderId, o.time, BigDecimal.ZERO, BigDecimal.ZERO, -1, false));
    }

    void addList(OrderList list, long time) {
        lists.put(list.id(), list);
        list.orders().forEach(this::add);
        events.send(list.apiKey(), SpotJson.listStatus(list.id(), list.clientId(), list.symbol(), "EXEC_STARTED", "EXECUTING", time,
                list.orders(), true));
    }

    /** Cancels an open order (and the rest of its list: Binance cancels a whole OCO when one of its orders is cancelled). */
    void cancel(SpotOrder o, String cancelId, long time) {
        OrderList list = o.orderListId < 0 ? null : lists.get(o.orderListId);
        if (list == null) {
            end(o, "CANCELED", "CANCELED", cancelId, time);
            return;
        }
        for (SpotOrder leg : list.orders()) {
            if (leg.open()) {
                end(leg, "CANCELED", "CANCELED", cancelId, time);
            }
        }
        events.send(o.apiKey, SpotJson.listStatus(list.id(), list.clientId(), list.symbol(), "ALL_DONE", "ALL_DONE", time, list.orders(), true));
    }

    private void end(SpotOrder o, String status, String x, String requestId, long time) {
        o.status = status;
        o.updateTime = time;
        events.send(o.apiKey, SpotJson.executionReport(o, x, requestId, time, BigDecimal.ZERO, BigDecimal.ZERO, -1, false));
    }

    /** A trade printed on the market at {@code price}: fills what it reaches. */
    void onTrade(String symbol, BigDecimal price, long timeMillis) {
        long seq = tradeSeq.merge(symbol, 1L, Long::sum);
        lastTime.put(symbol, timeMillis);
        lastPrice.put(symbol, price);
        List<Long> seenLists = new ArrayList<>();
        for (SpotOrder o : List.copyOf(orders.values())) {
            if (!o.open() || !o.symbol.equals(symbol) || o.placedAfterTrade >= seq) {
                continue;
            }
            if (o.orderListId < 0) {
                BigDecimal fill = o.fillPrice(price);
                if (fill != null) {
                    fill(o, fill, timeMillis);
                }
                continue;
            }
            if (seenLists.contains(o.orderListId)) {
                continue;
            }
            seenLists.add(o.orderListId);
            matchList(lists.get(o.orderListId), price, timeMillis);
        }
    }

    private void matchList(OrderList list, BigDecimal price, long time) {
        List<SpotOrder> legs = new ArrayList<>(list.orders());
        legs.sort((a, b) -> Boolean.compare(b.stop(), a.stop())); // the stop first
        for (SpotOrder leg : legs) {
            if (!leg.open()) {
                continue;
            }
            BigDecimal fill = leg.fillPrice(price);
            if (fill != null) {
                fill(leg, fill, time);
                for (SpotOrder other : list.orders()) {
                    if (other.open()) {
                        end(other, "EXPIRED", "EXPIRED", other.clientOrderId, time);
                    }
                }
                events.send(list.apiKey(), SpotJson.listStatus(list.id(), list.clientId(), list.symbol(), "ALL_DONE", "ALL_DONE", time,
                        list.orders(), true));
                return;
            }
        }
    }

    private void fill(SpotOrder o, BigDecimal price, long time) {
        BigDecimal qty = o.quantity.subtract(o.executedQty);
        boolean maker = !o.type.equals("MARKET") && !(o.stop() && price.compareTo(o.price) != 0);
        o.executedQty = o.quantity;
        o.quoteQty = o.quoteQty.add(price.multiply(qty));
        o.status = "FILLED";
        o.updateTime = time;
        Trade t = new Trade(o.apiKey, o.symbol, nextTradeId++, o, price, qty, time, maker);
        trades.add(t);
        events.send(o.apiKey, SpotJson.executionReport(o, "TRADE", o.clientOrderId, time, qty, price, t.id(), maker));
    }
}
