package io.liquidityengine.dtc.server;

import io.liquidityengine.dtc.message.BuySell;
import io.liquidityengine.dtc.message.CancelOrder;
import io.liquidityengine.dtc.message.CancelReplaceOrder;
import io.liquidityengine.dtc.message.Dtc;
import io.liquidityengine.dtc.message.OrderStatus;
import io.liquidityengine.dtc.message.OrderType;
import io.liquidityengine.dtc.message.OrderUpdate;
import io.liquidityengine.dtc.message.OrderUpdateReason;
import io.liquidityengine.dtc.message.SubmitNewOCOOrder;
import io.liquidityengine.dtc.message.SubmitNewSingleOrder;
import io.liquidityengine.dtc.message.TimeInForce;

/**
 * New orders, OCO pairs, cancels and cancel/replaces against the {@link OrderBook}: validation,
 * the DTC answers (OrderUpdate with NEW_ORDER_ACCEPTED/REJECTED, ORDER_CANCELED, ORDER_CANCEL_REJECTED,
 * ORDER_CANCEL_REPLACE_COMPLETE/REJECTED) and the OCO and parent links. Runs under the book's lock.
 */
final class OrderEntry {

    private final OrderBook book;

    OrderEntry(OrderBook book) {
        this.book = book;
    }

    // ---- new orders ----

    void submit(ServerSession session, SubmitNewSingleOrder o) {
        String account = book.account(o.tradeAccount(), session);
        String problem = accountAndSymbolProblem(account, o.symbol(), o.exchange());
        if (problem == null) {
            problem = orderProblem(account, o.clientOrderId(), o.orderType(), o.buySell(), o.price1(), o.quantity(), false);
        }
        if (problem == null) {
            problem = timeInForceProblem(o.timeInForce());
        }
        if (problem != null) {
            session.send(rejected(o.symbol(), o.exchange(), account, o.clientOrderId(), o.orderType(), o.buySell(), o.price1(),
                    o.quantity(), problem));
            return;
        }
        boolean held = o.isParentOrder() != 0;
        ServerOrder order = new ServerOrder(book.nextServerOrderId(), o.clientOrderId(), account, o.symbol(), exchange(o.symbol()),
                o.orderType(), o.buySell(), o.price1(), o.quantity(), o.timeInForce(), o.openOrClose(), o.freeFormText(), null,
                held ? OrderStatus.PENDING_OPEN : OrderStatus.OPEN, book.workingFrom(account, o.symbol()), book.marketClockMicros());
        order.held = held;
        book.add(order);
        book.publish(account, session, order.update(OrderUpdateReason.NEW_ORDER_ACCEPTED,
                held ? "parent order: held until its OCO order arrives" : "accepted").build());
    }

    void submitOco(ServerSession session, SubmitNewOCOOrder o) {
        String account = book.account(o.tradeAccount(), session);
        String problem = accountAndSymbolProblem(account, o.symbol(), o.exchange());
        if (problem == null) {
            problem = orderProblem(account, o.clientOrderId_1(), o.orderType_1(), o.buySell_1(), o.price1_1(), o.quantity_1(), true);
            problem = problem == null ? null : "order 1: " + problem;
        }
        if (problem == null) {
            problem = orderProblem(account, o.clientOrderId_2(), o.orderType_2(), o.buySell_2(), o.price1_2(), o.quantity_2(), true);
            problem = problem == null ? null : "order 2: " + problem;
        }
        if (problem == null && o.clientOrderId_1().equals(o.clientOrderId_2())) {
            problem = "the two orders have the same ClientOrderID " + o.clientOrderId_1();
        }
        if (problem == null) {
            problem = timeInForceProblem(o.timeInForce());
        }
        if (problem == null && o.useOffsets() != 0) {
            problem = "UseOffsets is not supported: give the prices";
        }
        ServerOrder parent = null;
        if (!o.parentTriggerClientOrderId().isEmpty()) {
            parent = book.byClientId(account, o.parentTriggerClientOrderId());
            if (problem == null && parent == null) {
                problem = "unknown parent order " + o.parentTriggerClientOrderId() + " in account " + account;
            } else if (problem == null && !parent.symbol.equals(o.symbol())) {
                problem = "parent order " + parent.serverOrderId + " is for " + parent.symbol + ", not " + o.symbol();
            } else if (problem == null && !parent.active() && !parent.filled()) {
                problem = "parent order " + parent.serverOrderId + " is " + OrderStatus.name(parent.status);
            }
        }
        if (problem != null) {
            session.send(rejected(o.symbol(), o.exchange(), account, o.clientOrderId_1(), o.orderType_1(), o.buySell_1(),
                    o.price1_1(), o.quantity_1(), problem));
            session.send(rejected(o.symbol(), o.exchange(), account, o.clientOrderId_2(), o.orderType_2(), o.buySell_2(),
                    o.price1_2(), o.quantity_2(), problem));
            if (parent != null && parent.held) {
                parent.held = false;
                cancel(parent, "its OCO order was rejected: " + problem, session);
            }
            return;
        }
        int status = parent == null || parent.filled() ? OrderStatus.OPEN : OrderStatus.PENDING_CHILD;
        // legs of a filled parent work from the next trade, like any new order
        int from = book.workingFrom(account, o.symbol());
        String exchange = exchange(o.symbol());
        long now = book.marketClockMicros();
        ServerOrder one = new ServerOrder(book.nextServerOrderId(), o.clientOrderId_1(), account, o.symbol(), exchange, o.orderType_1(),
                o.buySell_1(), o.price1_1(), o.quantity_1(), o.timeInForce(), o.openOrClose(), o.freeFormText(), parent, status, from, now);
        ServerOrder two = new ServerOrder(book.nextServerOrderId(), o.clientOrderId_2(), account, o.symbol(), exchange, o.orderType_2(),
                o.buySell_2(), o.price1_2(), o.quantity_2(), o.timeInForce(), o.openOrClose(), o.freeFormText(), parent, status, from, now);
        one.ocoLinked = two;
        two.ocoLinked = one;
        book.add(one);
        book.add(two);
        String info = status == OrderStatus.PENDING_CHILD ? "accepted: waits for parent " + parent.serverOrderId + " to fill" : "accepted";
        book.publish(account, session, one.update(OrderUpdateReason.NEW_ORDER_ACCEPTED, info).build());
        book.publish(account, session, two.update(OrderUpdateReason.NEW_ORDER_ACCEPTED, info).build());
        if (parent != null && parent.held) {
            parent.held = false;
            parent.status = OrderStatus.OPEN;
            parent.workingFrom = from;
            book.publish(account, session, parent.update(OrderUpdateReason.GENERAL_ORDER_UPDATE, "bracket complete: working").build());
        }
    }

    private String accountAndSymbolProblem(String account, String symbol, String exchange) {
        if (!book.knownAccount(account)) {
            return "unknown trade account " + account;
        }
        MarketTape tape = book.tape(symbol);
        if (tape == null) {
            return "unknown symbol " + symbol;
        }
        if (!exchange.isEmpty() && !exchange.equals(tape.exchange())) {
            return "symbol " + symbol + " trades on " + tape.exchange() + ", not " + exchange;
        }
        return null;
    }

    private String orderProblem(String account, String clientOrderId, int type, int side, double price1, double quantity, boolean ocoLeg) {
        if (clientOrderId.isEmpty()) {
            return "a ClientOrderID is required";
        }
        ServerOrder used = book.byClientId(account, clientOrderId);
        if (used != null) {
            return "ClientOrderID " + clientOrderId + " was already used in account " + account + " (order " + used.serverOrderId + ")";
        }
        boolean supported = ocoLeg ? type == OrderType.LIMIT || type == OrderType.STOP
                : type == OrderType.MARKET || type == OrderType.LIMIT || type == OrderType.STOP;
        if (!supported) {
            return "order type " + OrderType.name(type) + " is not supported"
                    + (ocoLeg ? " in an OCO order (LIMIT and STOP are)" : " (MARKET, LIMIT and STOP are)");
        }
        if (side != BuySell.BUY && side != BuySell.SELL) {
            return "BuySell must be BUY or SELL, was " + BuySell.name(side);
        }
        if (type != OrderType.MARKET && !validPrice(price1)) {
            return OrderType.name(type) + " order needs a price (Price1), was " + price1;
        }
        if (!(quantity > 0) || quantity == Dtc.UNSET_DOUBLE || Double.isInfinite(quantity)) {
            return "quantity must be positive, was " + quantity;
        }
        return null;
    }

    private static String timeInForceProblem(int tif) {
        return tif == TimeInForce.UNSET || tif == TimeInForce.DAY || tif == TimeInForce.GOOD_TILL_CANCELED ? null
                : "time in force " + TimeInForce.name(tif) + " is not supported (DAY and GOOD_TILL_CANCELED are)";
    }

    private static boolean validPrice(double p) {
        return p > 0 && p != Dtc.UNSET_DOUBLE && !Double.isInfinite(p);
    }

    private String exchange(String symbol) {
        return book.tape(symbol).exchange();
    }

    private static OrderUpdate rejected(String symbol, String exchange, String account, String clientOrderId, int type, int side,
                                        double price1, double quantity, String text) {
        return OrderUpdate.builder().totalNumMessages(1).messageNumber(1).symbol(symbol).exchange(exchange).tradeAccount(account)
                .clientOrderId(clientOrderId).orderStatus(OrderStatus.REJECTED).orderUpdateReason(OrderUpdateReason.NEW_ORDER_REJECTED)
                .orderType(type).buySell(side).price1(price1).orderQuantity(quantity).infoText(text).build();
    }

    // ---- cancel, cancel/replace ----

    void cancel(ServerSession session, CancelOrder c) {
        String account = book.account(c.tradeAccount(), session);
        ServerOrder order = find(account, c.serverOrderId(), c.clientOrderId());
        String problem = modifyProblem(order, account, c.serverOrderId(), c.clientOrderId());
        if (problem != null) {
            session.send(modifyRejected(order, OrderUpdateReason.ORDER_CANCEL_REJECTED, account, c.serverOrderId(), c.clientOrderId(), problem));
            return;
        }
        cancel(order, "canceled by the client", session);
    }

    /** Cancels an active order, its waiting or working legs, and (for an OCO order without a parent) the other order. */
    private void cancel(ServerOrder order, String reason, ServerSession requester) {
        order.status = OrderStatus.CANCELED;
        order.lastChangeMicros = book.marketClockMicros();
        book.publish(order.account, requester, order.update(OrderUpdateReason.ORDER_CANCELED, reason).build());
        for (ServerOrder child : book.orders(order.account)) {
            if (child.parent == order && child.active()) {
                cancel(child, "parent order " + order.serverOrderId + " canceled", requester);
            }
        }
        ServerOrder other = order.ocoLinked;
        if (other != null && other.active() && order.parent == null) {
            cancel(other, "OCO: linked order " + order.serverOrderId + " canceled", requester);
        }
    }

    void replace(ServerSession session, CancelReplaceOrder r) {
        String account = book.account(r.tradeAccount(), session);
        ServerOrder order = find(account, r.serverOrderId(), r.clientOrderId());
        String problem = modifyProblem(order, account, r.serverOrderId(), r.clientOrderId());
        boolean newPrice = problem == null && r.price1IsSet() != 0 && order.orderType != OrderType.MARKET;
        if (newPrice && !validPrice(r.price1())) {
            problem = "Price1 must be a positive price, was " + r.price1();
        }
        if (problem == null && (r.quantity() < 0 || Double.isNaN(r.quantity()) || Double.isInfinite(r.quantity())
                || r.quantity() == Dtc.UNSET_DOUBLE)) {
            problem = "quantity must be positive (0 = unchanged), was " + r.quantity();
        }
        if (problem == null && r.timeInForce() != TimeInForce.UNSET && r.timeInForce() != order.timeInForce) {
            problem = "the time in force cannot be changed";
        }
        if (problem != null) {
            session.send(modifyRejected(order, OrderUpdateReason.ORDER_CANCEL_REPLACE_REJECTED, account, r.serverOrderId(),
                    r.clientOrderId(), problem));
            return;
        }
        StringBuilder change = new StringBuilder("replaced:");
        if (newPrice) {
            change.append(" price ").append(order.price1).append(" -> ").append(r.price1());
            order.price1 = r.price1();
        }
        if (r.quantity() > 0) {
            change.append(" quantity ").append(order.quantity).append(" -> ").append(r.quantity());
            order.quantity = r.quantity();
        }
        order.lastChangeMicros = book.marketClockMicros();
        book.publish(account, session, order.update(OrderUpdateReason.ORDER_CANCEL_REPLACE_COMPLETE, change.toString()).build());
    }

    private ServerOrder find(String account, String serverOrderId, String clientOrderId) {
        return serverOrderId.isEmpty() ? book.byClientId(account, clientOrderId) : book.byServerId(account, serverOrderId);
    }

    private static String modifyProblem(ServerOrder order, String account, String serverOrderId, String clientOrderId) {
        if (order == null) {
            return "unknown order " + (serverOrderId.isEmpty() ? "with ClientOrderID " + clientOrderId : serverOrderId)
                    + " in account " + account;
        }
        if (!clientOrderId.isEmpty() && !clientOrderId.equals(order.clientOrderId)) {
            return "ClientOrderID " + clientOrderId + " does not match order " + order.serverOrderId + " (" + order.clientOrderId + ")";
        }
        if (!order.active()) {
            return "order " + order.serverOrderId + " is already " + OrderStatus.name(order.status);
        }
        return null;
    }

    private static OrderUpdate modifyRejected(ServerOrder order, int reason, String account, String serverOrderId, String clientOrderId,
                                              String text) {
        if (order == null) {
            return OrderUpdate.builder().totalNumMessages(1).messageNumber(1).tradeAccount(account).clientOrderId(clientOrderId)
                    .orderStatus(OrderStatus.REJECTED).orderUpdateReason(reason).infoText(text).build();
        }
        return order.update(reason, text).build();
    }
}
