package io.liquidityengine.exchangesim;

import java.math.BigDecimal;

/**
 * An order at the simulated Binance spot venue, as the order-entry routes and the user data stream
 * describe it. Mutable; used on the simulator's market thread only.
 */
final class SpotOrder {

    final String apiKey;
    final String symbol;
    final long orderId;
    final long orderListId;
    final String clientOrderId;
    final String side;
    final String type;
    final String timeInForce;
    final BigDecimal quantity;
    /** The limit price; zero for MARKET (Binance prints "0.00000000"). */
    final BigDecimal price;
    /** The trigger of a STOP_LOSS_LIMIT; zero otherwise. */
    final BigDecimal stopPrice;
    final long time;
    /** The number of the last trade of the symbol when the order was placed: it works from the next one. */
    final long placedAfterTrade;
    long updateTime;
    String status = "NEW";
    boolean triggered;
    BigDecimal executedQty = BigDecimal.ZERO;
    BigDecimal quoteQty = BigDecimal.ZERO;

    SpotOrder(String apiKey, String symbol, long orderId, long orderListId, String clientOrderId, String side, String type,
              String timeInForce, BigDecimal quantity, BigDecimal price, BigDecimal stopPrice, long time, long placedAfterTrade) {
        this.apiKey = apiKey;
        this.symbol = symbol;
        this.orderId = orderId;
        this.orderListId = orderListId;
        this.clientOrderId = clientOrderId;
        this.side = side;
        this.type = type;
        this.timeInForce = timeInForce;
        this.quantity = quantity;
        this.price = price;
        this.stopPrice = stopPrice;
        this.time = time;
        this.placedAfterTrade = placedAfterTrade;
        this.updateTime = time;
    }

    boolean open() {
        return status.equals("NEW") || status.equals("PARTIALLY_FILLED");
    }

    boolean buy() {
        return side.equals("BUY");
    }

    boolean stop() {
        return type.equals("STOP_LOSS_LIMIT");
    }

    /**
     * The fill price of this order on a trade at {@code p}, or null: the paper broker's rules on spot
     * order types. MARKET fills at the trade; LIMIT and LIMIT_MAKER when a trade prints strictly through
     * the limit, at the limit; a STOP_LOSS_LIMIT triggers when a trade touches its stop and fills at that
     * trade if the trade is within its limit (else it rests as a limit at its price).
     */
    BigDecimal fillPrice(BigDecimal p) {
        switch (type) {
            case "MARKET":
                return p;
            case "LIMIT", "LIMIT_MAKER":
                return through(p) ? price : null;
            case "STOP_LOSS_LIMIT":
                if (triggered) {
                    return through(p) ? price : null;
                }
                if (buy() ? p.compareTo(stopPrice) >= 0 : p.compareTo(stopPrice) <= 0) {
                    triggered = true;
                    boolean withinLimit = buy() ? p.compareTo(price) <= 0 : p.compareTo(price) >= 0;
                    return withinLimit ? p : null;
                }
                return null;
            default:
                return null;
        }
    }

    /** A buy limit is printed through by a trade below it, a sell limit by one above. */
    private boolean through(BigDecimal p) {
        return buy() ? p.compareTo(price) < 0 : p.compareTo(price) > 0;
    }
}
