package io.liquidityengine.execution.binance;

import io.liquidityengine.execution.broker.EntryType;
import io.liquidityengine.execution.broker.InstrumentSpec;
import io.liquidityengine.execution.broker.OrderRole;
import io.liquidityengine.execution.broker.Side;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Binance broker's saved state (format {@value BinanceBroker#STATE_FORMAT}, JSON): per active bracket its
 * Binance orders, and the times of the last booked fill and event. Changed on the sink's thread only.
 */
public final class BinanceState {

    public enum Status { UNSENT, SENT, WORKING, FILLED, CANCELED, REJECTED;

        boolean active() {
            return this == UNSENT || this == SENT || this == WORKING;
        }
    }

    /** One Binance order of a bracket, by its client order id ({@code id}). */
    public static final class Order {
        public String id;
        public long orderId;
        public String bracketId;
        public OrderRole role;
        public String legId;
        /** The leg's 1-based position (0 for the entry and a flatten). */
        public int leg;
        public Side side;
        public String type;
        public BigDecimal price;
        public BigDecimal quantity;
        public Status status;
        /** The OCO order list's client id, for a target or stop sent as a pair. */
        public String listId;
        /** The MODIFY this order was placed for (a replacement), reported MODIFIED once the venue has it; null otherwise. */
        public String modifyId;
        /** The price before the MODIFY, for the report's text. */
        public BigDecimal oldPrice;
        /**
         * When Binance ended this OCO exit while its partner still worked (event time, micros; 0: not held): the
         * cancel is reported once the partner's fill is, after it, as the paper broker reports an OCO.
         */
        public long heldCancelMicros;
    }

    /** A bracket: its orders by client order id, the entry first. */
    public static final class Bracket {
        public String placeId;
        public String bracketId;
        public InstrumentSpec instrument;
        public String symbol;
        public Side side;
        public EntryType entryType;
        public BigDecimal quantity;
        public long placedMicros;
        public boolean accepted;
        public boolean entryFilled;
        public String cancelId;
        public String flattenId;
        public boolean flattenSent;
        public List<String> orders = new ArrayList<>();
    }

    public long lastFillMicros;
    public long lastEventMicros;
    public Map<String, Bracket> brackets = new LinkedHashMap<>();
    public Map<String, Order> orders = new LinkedHashMap<>();

    Order entry(Bracket b) {
        return orders.get(b.orders.get(0));
    }

    /** The bracket's exit orders of leg {@code n} (target and stop), active or not. */
    List<Order> leg(Bracket b, int n) {
        List<Order> out = new ArrayList<>();
        for (String id : b.orders) {
            Order o = orders.get(id);
            if (o.leg == n && (o.role == OrderRole.TARGET || o.role == OrderRole.STOP)) {
                out.add(o);
            }
        }
        return out;
    }

    void remove(Bracket b) {
        brackets.remove(b.bracketId);
        b.orders.forEach(orders::remove);
    }

    /** Replaces order {@code old} of {@code b} by {@code replacement} (same place in the bracket's list). */
    void replace(Bracket b, Order old, Order replacement) {
        b.orders.set(b.orders.indexOf(old.id), replacement.id);
        orders.remove(old.id);
        orders.put(replacement.id, replacement);
    }
}
