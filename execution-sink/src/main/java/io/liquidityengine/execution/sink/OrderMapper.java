package io.liquidityengine.execution.sink;

import io.liquidityengine.schemas.Micros;
import static io.liquidityengine.schemas.deadletter.DeadLetterReason.INVALID_VALUE;

import io.liquidityengine.execution.broker.BracketLegSpec;
import io.liquidityengine.execution.broker.CancelBracket;
import io.liquidityengine.execution.broker.EntryType;
import io.liquidityengine.execution.broker.FlattenBracket;
import io.liquidityengine.execution.broker.InstrumentSpec;
import io.liquidityengine.execution.broker.ModifyBracket;
import io.liquidityengine.execution.broker.PlaceBracket;
import io.liquidityengine.execution.broker.Side;
import io.liquidityengine.schemas.execution.BracketLeg;
import io.liquidityengine.schemas.execution.Order;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Avro orders to broker instructions, rejecting anything a broker must not see (fail fast on corrupt orders). */
final class OrderMapper {

    private OrderMapper() {
    }

    static PlaceBracket place(Order o, InstrumentSpec instrument) throws InvalidOrderException {
        Side side = Side.valueOf(o.getSide().name());
        EntryType type = EntryType.valueOf(o.getEntryType().name());
        BigDecimal quantity = quantity(o.getQuantity(), instrument, "quantity");
        BigDecimal entry = o.getEntryPrice() == null ? null : price(o.getEntryPrice(), instrument, "entryPrice");
        if (type == EntryType.MARKET && entry != null) {
            throw invalid("a MARKET entry has no entryPrice, got " + entry.toPlainString());
        }
        if (type != EntryType.MARKET && entry == null) {
            throw invalid("a " + type + " entry needs an entryPrice");
        }
        if (o.getLegs().isEmpty()) {
            throw invalid("a bracket needs at least one exit leg");
        }
        List<BracketLegSpec> legs = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (BracketLeg leg : o.getLegs()) {
            if (!ids.add(leg.getLegId())) {
                throw invalid("leg id " + leg.getLegId() + " appears twice");
            }
            BigDecimal q = quantity(leg.getQuantity(), instrument, "leg " + leg.getLegId() + " quantity");
            BigDecimal stop = price(leg.getStopPrice(), instrument, "leg " + leg.getLegId() + " stopPrice");
            BigDecimal target = leg.getTargetPrice() == null ? null : price(leg.getTargetPrice(), instrument, "leg " + leg.getLegId() + " targetPrice");
            int s = side.sign();
            if (target != null && target.subtract(stop).signum() != s) {
                throw invalid("leg " + leg.getLegId() + ": a " + side + " bracket needs its target " + (s > 0 ? "above" : "below")
                        + " its stop, got target " + target.toPlainString() + " stop " + stop.toPlainString());
            }
            if (entry != null && entry.subtract(stop).signum() != s) {
                throw invalid("leg " + leg.getLegId() + ": stop " + stop.toPlainString() + " is on the wrong side of the " + side
                        + " entry " + entry.toPlainString());
            }
            if (entry != null && target != null && target.subtract(entry).signum() != s) {
                throw invalid("leg " + leg.getLegId() + ": target " + target.toPlainString() + " is on the wrong side of the " + side
                        + " entry " + entry.toPlainString());
            }
            sum = sum.add(q);
            legs.add(new BracketLegSpec(leg.getLegId(), q, target, stop));
        }
        if (sum.compareTo(quantity) != 0) {
            throw invalid("leg quantities add up to " + sum.toPlainString() + ", not the order quantity " + quantity.toPlainString());
        }
        return new PlaceBracket(o.getClientOrderId(), o.getBracketId(), o.getAccount(), instrument, side, type, quantity, entry, legs,
                Micros.of(o.getEventTime()));
    }

    static ModifyBracket modify(Order o, InstrumentSpec instrument) throws InvalidOrderException {
        BigDecimal entry = o.getEntryPrice() == null ? null : price(o.getEntryPrice(), instrument, "entryPrice");
        List<ModifyBracket.LegChange> legs = new ArrayList<>();
        for (BracketLeg leg : o.getLegs()) {
            BigDecimal stop = price(leg.getStopPrice(), instrument, "leg " + leg.getLegId() + " stopPrice");
            BigDecimal target = leg.getTargetPrice() == null ? null : price(leg.getTargetPrice(), instrument, "leg " + leg.getLegId() + " targetPrice");
            legs.add(new ModifyBracket.LegChange(leg.getLegId(), target, stop));
        }
        return new ModifyBracket(o.getClientOrderId(), o.getBracketId(), entry, legs, Micros.of(o.getEventTime()));
    }

    static CancelBracket cancel(Order o) {
        return new CancelBracket(o.getClientOrderId(), o.getBracketId(), Micros.of(o.getEventTime()));
    }

    static FlattenBracket flatten(Order o) {
        return new FlattenBracket(o.getClientOrderId(), o.getBracketId(), Micros.of(o.getEventTime()));
    }

    private static BigDecimal price(double value, InstrumentSpec instrument, String what) throws InvalidOrderException {
        if (!Double.isFinite(value)) {
            throw invalid(what + " is " + value);
        }
        BigDecimal price = BigDecimal.valueOf(value);
        if (!instrument.onGrid(price)) {
            throw invalid(what + " " + price.toPlainString() + " is not a positive price on the " + instrument.symbol() + " tick grid of "
                    + instrument.tickSize().toPlainString());
        }
        return price;
    }

    private static BigDecimal quantity(double value, InstrumentSpec instrument, String what) throws InvalidOrderException {
        if (!Double.isFinite(value)) {
            throw invalid(what + " is " + value);
        }
        BigDecimal q = BigDecimal.valueOf(value);
        if (!instrument.validQuantity(q)) {
            throw invalid(what + " " + q.toPlainString() + " is not a positive multiple of the " + instrument.symbol() + " quantity step "
                    + instrument.quantityStep().toPlainString());
        }
        return q.stripTrailingZeros();
    }

    private static InvalidOrderException invalid(String message) {
        return new InvalidOrderException(INVALID_VALUE, message);
    }
}
