package io.liquidityengine.execution.dtc;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liquidityengine.dtc.message.OrderUpdate;
import io.liquidityengine.execution.broker.BrokerState;
import io.liquidityengine.execution.broker.EntryType;
import io.liquidityengine.execution.broker.InstrumentSpec;
import io.liquidityengine.execution.broker.OrderRole;
import io.liquidityengine.execution.broker.Side;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The DTC broker's book of one account: its brackets and their DTC orders (the saved state, format
 * {@value #STATE_FORMAT}) and the orders at the server it does not hold yet ({@link #unclaimed}, not saved).
 * Touched only on the sink's thread.
 */
final class DtcBook {

    /** Format of {@link #save()}: JSON {lastFillMicros, lastEventMicros, brackets, orders}. */
    static final int STATE_FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    enum Status { UNSENT, SENT, WORKING, FILLED, CANCELED, REJECTED;

        boolean active() {
            return this == UNSENT || this == SENT || this == WORKING;
        }
    }

    /** One DTC order of a bracket. */
    public static final class Order {
        public String id;
        public String serverId = "";
        public String bracketId;
        public OrderRole role;
        public String legId;
        public Side side;
        public int type;
        public BigDecimal price;
        public BigDecimal quantity;
        public Status status;
        public String modifyId;
        /** The price the pending modify ({@link #modifyId}) asked for; null in states saved before it was kept. */
        public BigDecimal modifyPrice;
    }

    /** A bracket: its orders by DTC client order id, in placement order. */
    public static final class Bracket {
        public String placeId;
        public String bracketId;
        public InstrumentSpec instrument;
        public String symbol;
        public String exchange;
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

    /** The saved state. */
    public static final class State {
        public long lastFillMicros;
        public long lastEventMicros;
        public Map<String, Bracket> brackets = new LinkedHashMap<>();
        public Map<String, Order> orders = new LinkedHashMap<>();
    }

    State state = new State();
    /**
     * Orders of the trade account the server has and the state does not (learned by reconciliation, by
     * client order id): an instruction processed again after a crash adopts them instead of sending them,
     * so no client order id is ever submitted twice. Not saved: every start reconciles again.
     */
    final Map<String, OrderUpdate> unclaimed = new LinkedHashMap<>();

    Bracket bracket(String bracketId) {
        return state.brackets.get(bracketId);
    }

    Order order(String clientOrderId) {
        return state.orders.get(clientOrderId);
    }

    Order entry(Bracket b) {
        return state.orders.get(b.orders.get(0));
    }

    /** A new order of bracket {@code b}, held by the state from now on. */
    Order add(Bracket b, String id, OrderRole role, String legId, Side side, int type, BigDecimal price, BigDecimal quantity, Status status) {
        Order o = new Order();
        o.id = id;
        o.bracketId = b.bracketId;
        o.role = role;
        o.legId = legId;
        o.side = side;
        o.type = type;
        o.price = price;
        o.quantity = quantity;
        o.status = status;
        state.orders.put(id, o);
        b.orders.add(id);
        return o;
    }

    void remove(Bracket b) {
        state.brackets.remove(b.bracketId);
        b.orders.forEach(state.orders::remove);
    }

    /** The bracket's OCO pairs (target, stop) by leg. */
    List<Order[]> pairs(Bracket b) {
        List<Order[]> out = new ArrayList<>();
        for (String id : b.orders) {
            Order t = state.orders.get(id);
            if (t.role == OrderRole.TARGET) {
                state.orders.values().stream().filter(s -> s.bracketId.equals(b.bracketId) && s.role == OrderRole.STOP && Objects.equals(s.legId, t.legId))
                        .findFirst().ifPresent(s -> out.add(new Order[] {t, s}));
            }
        }
        return out;
    }

    /** A DTC price (double) on the instrument's tick grid. */
    /** A price as the paper broker writes it: at least the tick size's decimals ({@code 6013.50}, not {@code 6013.5}). */
    static String plain(Bracket b, BigDecimal price) {
        return price.setScale(Math.max(price.scale(), b.instrument.tickSize().scale())).toPlainString();
    }

    static BigDecimal onGrid(Bracket b, double price) {
        BigDecimal tick = b.instrument.tickSize();
        return BigDecimal.valueOf(price).divide(tick, 0, RoundingMode.HALF_EVEN).multiply(tick);
    }

    Optional<BrokerState> save() {
        if (state.brackets.isEmpty() && state.lastFillMicros == 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BrokerState(STATE_FORMAT, JSON.writeValueAsBytes(state)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode the DTC broker's state: " + e.getMessage(), e);
        }
    }

    void restore(BrokerState s) {
        if (s.formatVersion() != STATE_FORMAT) {
            throw BrokerState.unsupported(DtcBrokerFactory.NAME, s.formatVersion(), STATE_FORMAT);
        }
        try {
            state = JSON.readValue(s.bytes(), new TypeReference<State>() { });
        } catch (IOException e) {
            throw new IllegalStateException("cannot decode the DTC broker's state (format " + STATE_FORMAT + "): " + e.getMessage(), e);
        }
    }
}
