package io.liquidityengine.exchangesim;

import static io.liquidityengine.exchangesim.SimJson.object;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** Binance spot's JSON for orders: REST answers and the user data stream's {@code executionReport} and {@code listStatus}. */
final class SpotJson {

    private SpotJson() {
    }

    /** Binance prints decimals with 8 places. */
    static String dec(BigDecimal d) {
        return d.setScale(8, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** An order as {@code GET /api/v3/order}, {@code openOrders} and {@code allOrders} answer. */
    static ObjectNode order(SpotOrder o) {
        ObjectNode n = object();
        n.put("symbol", o.symbol).put("orderId", o.orderId).put("orderListId", o.orderListId).put("clientOrderId", o.clientOrderId)
                .put("price", dec(o.price)).put("origQty", dec(o.quantity)).put("executedQty", dec(o.executedQty))
                .put("cummulativeQuoteQty", dec(o.quoteQty)).put("status", o.status).put("timeInForce", o.timeInForce)
                .put("type", o.type).put("side", o.side).put("stopPrice", dec(o.stopPrice)).put("icebergQty", dec(BigDecimal.ZERO))
                .put("time", o.time).put("updateTime", o.updateTime).put("isWorking", !o.stop() || o.triggered)
                .put("workingTime", o.time).put("origQuoteOrderQty", dec(BigDecimal.ZERO)).put("selfTradePreventionMode", "EXPIRE_MAKER");
        return n;
    }

    /** The answer to a new order ({@code newOrderRespType=RESULT}). */
    static ObjectNode placed(SpotOrder o, long transactTime) {
        ObjectNode n = object();
        n.put("symbol", o.symbol).put("orderId", o.orderId).put("orderListId", o.orderListId).put("clientOrderId", o.clientOrderId)
                .put("transactTime", transactTime).put("price", dec(o.price)).put("origQty", dec(o.quantity))
                .put("executedQty", dec(o.executedQty)).put("cummulativeQuoteQty", dec(o.quoteQty)).put("status", o.status)
                .put("timeInForce", o.timeInForce).put("type", o.type).put("side", o.side);
        if (o.stop()) {
            n.put("stopPrice", dec(o.stopPrice));
        }
        n.put("workingTime", o.time).put("selfTradePreventionMode", "EXPIRE_MAKER");
        return n;
    }

    /** The answer to a cancel: the order with {@code origClientOrderId} and the cancel's own {@code clientOrderId}. */
    static ObjectNode cancelled(SpotOrder o, String cancelId, long transactTime) {
        ObjectNode n = object();
        n.put("symbol", o.symbol).put("origClientOrderId", o.clientOrderId).put("orderId", o.orderId).put("orderListId", o.orderListId)
                .put("clientOrderId", cancelId).put("transactTime", transactTime).put("price", dec(o.price))
                .put("origQty", dec(o.quantity)).put("executedQty", dec(o.executedQty)).put("cummulativeQuoteQty", dec(o.quoteQty))
                .put("status", o.status).put("timeInForce", o.timeInForce).put("type", o.type).put("side", o.side)
                .put("selfTradePreventionMode", "EXPIRE_MAKER");
        return n;
    }

    /**
     * An {@code executionReport}: {@code x} the execution type (NEW, CANCELED, TRADE, EXPIRED), {@code c} the
     * client order id of the request (a cancel's own id) and {@code C} the order's original one on a cancel.
     */
    static ObjectNode executionReport(SpotOrder o, String x, String requestId, long time, BigDecimal lastQty, BigDecimal lastPrice,
                                      long tradeId, boolean maker) {
        boolean cancel = x.equals("CANCELED");
        ObjectNode n = object();
        n.put("e", "executionReport").put("E", time).put("s", o.symbol).put("c", cancel ? requestId : o.clientOrderId)
                .put("S", o.side).put("o", o.type).put("f", o.timeInForce).put("q", dec(o.quantity)).put("p", dec(o.price))
                .put("P", dec(o.stopPrice)).put("F", dec(BigDecimal.ZERO)).put("g", o.orderListId)
                .put("C", cancel ? o.clientOrderId : "").put("x", x).put("X", o.status).put("r", "NONE").put("i", o.orderId)
                .put("l", dec(lastQty)).put("z", dec(o.executedQty)).put("L", dec(lastPrice)).put("n", dec(BigDecimal.ZERO));
        n.putNull("N");
        n.put("T", time).put("t", tradeId).put("I", 0).put("w", o.open() && (!o.stop() || o.triggered)).put("m", maker).put("M", false)
                .put("O", o.time).put("Z", dec(o.quoteQty)).put("Y", dec(lastQty.multiply(lastPrice))).put("Q", dec(BigDecimal.ZERO))
                .put("W", o.time).put("V", "EXPIRE_MAKER");
        return n;
    }

    /** A {@code listStatus} event or the order-list part of a REST answer. */
    static ObjectNode listStatus(long listId, String listClientOrderId, String symbol, String statusType, String orderStatus, long time,
                                 List<SpotOrder> orders, boolean event) {
        ObjectNode n = object();
        if (event) {
            n.put("e", "listStatus").put("E", time).put("s", symbol).put("g", listId).put("c", "OCO").put("l", statusType)
                    .put("L", orderStatus).put("r", "NONE").put("C", listClientOrderId).put("T", time);
            ArrayNode os = n.putArray("O");
            orders.forEach(o -> os.addObject().put("s", o.symbol).put("i", o.orderId).put("c", o.clientOrderId));
            return n;
        }
        n.put("orderListId", listId).put("contingencyType", "OCO").put("listStatusType", statusType).put("listOrderStatus", orderStatus)
                .put("listClientOrderId", listClientOrderId).put("transactionTime", time).put("symbol", symbol);
        ArrayNode os = n.putArray("orders");
        orders.forEach(o -> os.addObject().put("symbol", o.symbol).put("orderId", o.orderId).put("clientOrderId", o.clientOrderId));
        return n;
    }
}
