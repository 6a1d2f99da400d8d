package io.liquidityengine.dtc.server;

import io.liquidityengine.dtc.message.BuySell;
import io.liquidityengine.dtc.message.OrderStatus;
import io.liquidityengine.dtc.message.OrderType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The server's fill rules: the paper broker's rules ({@code io.liquidityengine.execution.paper},
 * which fills whole brackets) applied to single DTC orders, OCO pairs and parent-triggered legs.
 * One trade at a time, in tape order, orders in the order they were placed:
 * <ul>
 *   <li>MARKET: at the first trade printed after the order was accepted, plus slippage;</li>
 *   <li>LIMIT: when a trade prints strictly through the limit (a buy limit on a print below it; with
 *       {@link LimitFill#TOUCH} a print at the limit is enough), at the limit price, never with slippage;</li>
 *   <li>STOP: when a trade touches the stop (a buy stop on a print at or above it), at that trade's
 *       price plus slippage (a gap fills at the gapped price);</li>
 *   <li>slippage is {@code slippageTicks} ticks of the tape against the order (a buy pays more);</li>
 *   <li>OCO: the fill of one order cancels the other; when both would fill on one trade the stop wins
 *       (two orders of one type: the first placed);</li>
 *   <li>a leg waiting for its parent (PENDING_CHILD) works from the trade after the parent's fill;</li>
 *   <li>whole quantities only, no partial fills. Prices are compared as they are given (the tape's
 *       and the order's doubles); fill prices with slippage are computed in decimal.</li>
 * </ul>
 * Pure: no sockets, no clock, no threads; it changes the orders it is given and says what happened.
 */
public final class OrderMatcher {

    /** When a limit fills: on a print strictly through the limit, or on a print at it. */
    public enum LimitFill { THROUGH, TOUCH }

    /** @param slippageTicks ticks against the order added to market and stop fills (never to limits) */
    public record Rules(int slippageTicks, LimitFill limitFill) {
        public Rules {
            if (slippageTicks < 0) {
                throw new IllegalArgumentException("slippage must be >= 0 ticks, was " + slippageTicks);
            }
            Objects.requireNonNull(limitFill, "limitFill");
        }

        /** No slippage, limits fill only through the price: the paper broker's frictionless default. */
        public static Rules defaults() {
            return new Rules(0, LimitFill.THROUGH);
        }
    }

    /** What a trade did to an order. */
    sealed interface Event permits Filled, Cancelled, Activated { }

    record Filled(ServerOrder order) implements Event { }

    record Cancelled(ServerOrder order, String reason) implements Event { }

    /** A leg whose parent filled: now OPEN, working from the next trade. */
    record Activated(ServerOrder order) implements Event { }

    private final Rules rules;

    OrderMatcher(Rules rules) {
        this.rules = rules;
    }

    Rules rules() {
        return rules;
    }

    /**
     * Runs trade number {@code index} of the tape against {@code orders} (one symbol's, in placement
     * order): fills, OCO cancels and activated legs, in the order they happened.
     */
    List<Event> onTrade(List<ServerOrder> orders, TapeTrade trade, int index, double tickSize) {
        List<Event> events = new ArrayList<>();
        for (ServerOrder order : orders) {
            if (!working(order, index)) {
                continue;
            }
            double price = fillPrice(order, trade.price(), tickSize);
            if (Double.isNaN(price)) {
                continue;
            }
            ServerOrder winner = order;
            ServerOrder other = order.ocoLinked;
            if (other != null && working(other, index) && !Double.isNaN(fillPrice(other, trade.price(), tickSize))
                    && other.orderType == OrderType.STOP && order.orderType != OrderType.STOP) {
                winner = other; // both would fill on this trade: the stop wins
                price = fillPrice(other, trade.price(), tickSize);
            }
            fill(winner, price, trade, index, orders, events);
        }
        return events;
    }

    private static boolean working(ServerOrder order, int index) {
        return order.status == OrderStatus.OPEN && !order.held && order.workingFrom <= index;
    }

    private void fill(ServerOrder order, double price, TapeTrade trade, int index, List<ServerOrder> orders, List<Event> events) {
        order.status = OrderStatus.FILLED;
        order.fillPrice = price;
        order.fillMicros = trade.timeMicros();
        order.lastChangeMicros = trade.timeMicros();
        events.add(new Filled(order));
        ServerOrder other = order.ocoLinked;
        if (other != null && other.active()) {
            other.status = OrderStatus.CANCELED;
            other.lastChangeMicros = trade.timeMicros();
            events.add(new Cancelled(other, "OCO: linked order " + order.serverOrderId + " filled"));
        }
        for (ServerOrder child : orders) {
            if (child.parent == order && child.status == OrderStatus.PENDING_CHILD) {
                child.status = OrderStatus.OPEN;
                child.workingFrom = index + 1;
                child.lastChangeMicros = trade.timeMicros();
                events.add(new Activated(child));
            }
        }
    }

    /** The price {@code order} fills at on a print at {@code p}, or NaN when that print does not fill it. */
    double fillPrice(ServerOrder order, double p, double tickSize) {
        boolean buy = order.buySell == BuySell.BUY;
        return switch (order.orderType) {
            case OrderType.MARKET -> slipped(p, buy, tickSize);
            case OrderType.LIMIT -> limitReached(buy, order.price1, p) ? order.price1 : Double.NaN;
            case OrderType.STOP -> (buy ? p >= order.price1 : p <= order.price1) ? slipped(p, buy, tickSize) : Double.NaN;
            default -> Double.NaN;
        };
    }

    private boolean limitReached(boolean buy, double limit, double p) {
        boolean through = buy ? p < limit : p > limit;
        return through || (rules.limitFill() == LimitFill.TOUCH && p == limit);
    }

    private double slipped(double p, boolean buy, double tickSize) {
        if (rules.slippageTicks() == 0) {
            return p;
        }
        BigDecimal slip = BigDecimal.valueOf(tickSize).multiply(BigDecimal.valueOf(buy ? rules.slippageTicks() : -rules.slippageTicks()));
        return BigDecimal.valueOf(p).add(slip).doubleValue();
    }
}
