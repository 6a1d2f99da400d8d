package io.liquidityengine.dtc.server;

import io.liquidityengine.dtc.message.Dtc;
import io.liquidityengine.dtc.message.OrderStatus;
import io.liquidityengine.dtc.message.OrderType;
import io.liquidityengine.dtc.message.OrderUpdate;

/**
 * One order as the server holds it: identity, terms, status and its fill. Mutable; guarded by the
 * {@link OrderBook}'s lock (the {@link OrderMatcher} changes it only when the book calls it).
 */
final class ServerOrder {

    final String serverOrderId;
    final String clientOrderId;
    final String account;
    final String symbol;
    final String exchange;
    final int orderType;
    final int buySell;
    final int timeInForce;
    final int openOrClose;
    final String freeFormText;
    /** The order whose fill makes this one work (a bracket's entry), or null. */
    final ServerOrder parent;
    /** The other order of its OCO pair, or null. */
    ServerOrder ocoLinked;
    double price1;
    double quantity;
    int status;
    /** A parent (IsParentOrder) held until its OCO children arrive: not matched while held. */
    boolean held;
    /** Index of the first tape trade this order may fill on. */
    int workingFrom;
    final long receivedMicros;
    long lastChangeMicros;
    double fillPrice = Dtc.UNSET_DOUBLE;
    long fillMicros;
    String executionId = "";

    ServerOrder(String serverOrderId, String clientOrderId, String account, String symbol, String exchange, int orderType,
                int buySell, double price1, double quantity, int timeInForce, int openOrClose, String freeFormText,
                ServerOrder parent, int status, int workingFrom, long receivedMicros) {
        this.serverOrderId = serverOrderId;
        this.clientOrderId = clientOrderId;
        this.account = account;
        this.symbol = symbol;
        this.exchange = exchange;
        this.orderType = orderType;
        this.buySell = buySell;
        this.price1 = price1;
        this.quantity = quantity;
        this.timeInForce = timeInForce;
        this.openOrClose = openOrClose;
        this.freeFormText = freeFormText;
        this.parent = parent;
        this.status = status;
        this.workingFrom = workingFrom;
        this.receivedMicros = receivedMicros;
        this.lastChangeMicros = receivedMicros;
    }

    /** Still working or waiting: pending open, pending child or open. */
    boolean active() {
        return status == OrderStatus.PENDING_OPEN || status == OrderStatus.PENDING_CHILD || status == OrderStatus.OPEN;
    }

    boolean filled() {
        return status == OrderStatus.FILLED;
    }

    /** The complete order as an unsolicited OrderUpdate (RequestID 0, 1 of 1) for {@code reason}. */
    OrderUpdate.Builder update(int reason, String infoText) {
        boolean filled = filled();
        return OrderUpdate.builder().totalNumMessages(1).messageNumber(1).symbol(symbol).exchange(exchange)
                .serverOrderId(serverOrderId).clientOrderId(clientOrderId).orderStatus(status).orderUpdateReason(reason)
                .orderType(orderType).buySell(buySell).price1(orderType == OrderType.MARKET ? Dtc.UNSET_DOUBLE : price1)
                .timeInForce(timeInForce).orderQuantity(quantity).filledQuantity(filled ? quantity : 0)
                .remainingQuantity(filled || !active() ? 0 : quantity)
                .averageFillPrice(filled ? fillPrice : Dtc.UNSET_DOUBLE)
                .lastFillPrice(filled ? fillPrice : Dtc.UNSET_DOUBLE).lastFillDateTime(filled ? fillMicros / 1000 : 0)
                .lastFillQuantity(filled ? quantity : Dtc.UNSET_DOUBLE).lastFillExecutionId(executionId)
                .tradeAccount(account).infoText(infoText)
                .parentServerOrderId(parent == null ? "" : parent.serverOrderId)
                .ocoLinkedOrderServerOrderId(ocoLinked == null ? "" : ocoLinked.serverOrderId)
                .openOrClose(openOrClose).freeFormText(freeFormText).orderReceivedDateTime(receivedMicros / 1000)
                .latestTransactionDateTime(lastChangeMicros / 1_000_000d);
    }

    @Override
    public String toString() {
        return serverOrderId + "/" + clientOrderId + " " + OrderType.name(orderType) + " " + OrderStatus.name(status);
    }
}
