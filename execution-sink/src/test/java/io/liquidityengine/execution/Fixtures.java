package io.liquidityengine.execution;

import io.liquidityengine.schemas.execution.BracketLeg;
import io.liquidityengine.schemas.execution.Order;
import io.liquidityengine.schemas.execution.OrderAction;
import io.liquidityengine.schemas.execution.OrderType;
import io.liquidityengine.schemas.execution.Side;
import io.liquidityengine.schemas.marketdata.AggressorSide;
import io.liquidityengine.schemas.marketdata.Tick;
import io.liquidityengine.schemas.reference.AssetClass;
import io.liquidityengine.schemas.reference.Instrument;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/** Avro orders, ticks and instruments for tests; ES-like instruments (0.25 tick, 12.50 USD). */
public final class Fixtures {

    public static final Instant T0 = Instant.parse("2024-12-05T15:00:00Z");

    private Fixtures() {
    }

    public static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }

    public static Instrument instrument(String symbol) {
        return Instrument.newBuilder().setSymbol(symbol).setDescription("test " + symbol).setAssetClass(AssetClass.FUTURE)
                .setTickSize(0.25).setTickValue(new BigDecimal("12.500000")).setCurrency("USD").setQuantityStep(1)
                .setTimeZone("America/New_York").setSessionOpen(LocalTime.of(18, 0)).setSessionClose(LocalTime.of(17, 0)).build();
    }

    public static Tick tick(String instrument, int seconds, double price) {
        return Tick.newBuilder().setInstrument(instrument).setEventTime(at(seconds)).setPrice(price).setSize(1)
                .setAggressor(AggressorSide.UNKNOWN).build();
    }

    public static BracketLeg leg(String legId, double quantity, Double target, double stop) {
        return BracketLeg.newBuilder().setLegId(legId).setQuantity(quantity).setTargetPrice(target).setStopPrice(stop).build();
    }

    public static Order place(String account, String instrument, String bracketId, Side side, OrderType type, Double entry, int seconds,
                              BracketLeg... legs) {
        double qty = 0;
        for (BracketLeg l : legs) {
            qty += l.getQuantity();
        }
        return Order.newBuilder().setClientOrderId(bracketId).setBracketId(bracketId).setAccount(account).setInstrument(instrument)
                .setPlanId("plan-" + bracketId).setAction(OrderAction.PLACE).setSide(side).setEntryType(type).setQuantity(qty)
                .setEntryPrice(entry).setLegs(List.of(legs)).setEventTime(at(seconds)).setReason("test").build();
    }

    public static Order modify(String account, String instrument, String clientOrderId, String bracketId, Side side, int seconds,
                               BracketLeg... legs) {
        return Order.newBuilder().setClientOrderId(clientOrderId).setBracketId(bracketId).setAccount(account).setInstrument(instrument)
                .setAction(OrderAction.MODIFY).setSide(side).setEntryType(OrderType.LIMIT).setQuantity(0)
                .setLegs(List.of(legs)).setEventTime(at(seconds)).setReason("break-even").build();
    }

    public static Order action(OrderAction action, String account, String instrument, String clientOrderId, String bracketId, Side side,
                               int seconds) {
        return Order.newBuilder().setClientOrderId(clientOrderId).setBracketId(bracketId).setAccount(account).setInstrument(instrument)
                .setAction(action).setSide(side).setEntryType(OrderType.MARKET).setQuantity(0).setEventTime(at(seconds))
                .setReason(action.name().toLowerCase()).build();
    }

    /** Three brackets on {@code instrument}: a long with two target legs, a short stopped out, a long flattened (ids L1, S1, F1). */
    public static List<SpecificRecord> day(String account, String instrument) {
        return List.of(
                place(account, instrument, "L1", Side.BUY, OrderType.MARKET, null, 0, leg("L1-1", 1, 6002.0, 5990.0), leg("L1-2", 2, 6004.0, 5990.0)),
                tick(instrument, 1, 6000.00),   // L1 long 3 at 6000.25 (with 1 tick of slippage)
                tick(instrument, 2, 6002.25),   // L1-1 at 6002.00: +7
                tick(instrument, 3, 6004.50),   // L1-2 at 6004.00: +15 x 2
                place(account, instrument, "S1", Side.SELL, OrderType.LIMIT, 6010.0, 4, leg("S1-1", 2, 6000.0, 6016.0)),
                tick(instrument, 5, 6010.00),   // at the limit: no fill
                tick(instrument, 6, 6010.25),   // S1 short 2 at 6010.00
                tick(instrument, 7, 6016.00),   // stop touched: 6016.00 + 1 tick = 6016.25: -25 x 2
                place(account, instrument, "F1", Side.BUY, OrderType.STOP, 6005.0, 8, leg("F1-1", 1, 6020.0, 6000.0)),
                tick(instrument, 9, 6005.00),   // F1 long 1 at 6005.00 + 1 tick = 6005.25
                action(OrderAction.FLATTEN, account, instrument, "F1-X", "F1", Side.BUY, 10),
                tick(instrument, 11, 6005.00)); // flatten: 6005.00 - 1 tick = 6004.75: -2
    }
}
