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
}
