package io.liquidityengine.execution.sink;

import io.liquidityengine.execution.broker.BrokerEvent.Filled;
import io.liquidityengine.execution.broker.OrderRole;
import io.liquidityengine.execution.broker.Side;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The sink's book of one bracket: who it belongs to and the position its fills built, in ticks.
 * {@code realizedTicks} is the sum over exits of (exit - average entry) x side x quantity, exact;
 * money is only ever realizedTicks x tick value. Immutable: {@link #apply(Filled)} returns the next book.
 */
public record BracketBook(String bracketId, String placeClientOrderId, String account, String instrument, Side side,
                          BigDecimal tickSize, BigDecimal tickValue, String currency, BigDecimal openQuantity,
                          BigDecimal enteredQuantity, BigDecimal averageEntryTicks, BigDecimal realizedTicks, BigDecimal commission,
                          Long openedMicros, long lastEventMicros) {

    static BracketBook placed(String bracketId, String placeClientOrderId, String account, String instrument, Side side,
                              BigDecimal tickSize, BigDecimal tickValue, String currency, long eventMicros) {
        return new BracketBook(bracketId, placeClientOrderId, account, instrument, side, tickSize, tickValue, currency,
                BigDecimal.ZERO, BigDecimal.ZERO, null, BigDecimal.ZERO, BigDecimal.ZERO, null, eventMicros);
    }

    /** The book after a fill; the fill price must be on the tick grid. */
    BracketBook apply(Filled fill) {
        BigDecimal ticks = fill.price().divide(tickSize);
        BigDecimal qty = fill.quantity();
        BigDecimal open = openQuantity;
        BigDecimal entered = enteredQuantity;
        BigDecimal average = averageEntryTicks;
        BigDecimal realized = realizedTicks;
        Long opened = openedMicros;
        if (fill.role() == OrderRole.ENTRY) {
            BigDecimal cost = (average == null ? BigDecimal.ZERO : average.multiply(entered)).add(ticks.multiply(qty));
            entered = entered.add(qty);
            average = cost.divide(entered, MathContext.DECIMAL128).stripTrailingZeros();
            open = open.add(qty);
            opened = opened == null ? fill.eventTimeMicros() : opened;
        } else {
            realized = realized.add(ticks.subtract(average).multiply(qty).multiply(BigDecimal.valueOf(side.sign())));
            open = open.subtract(qty);
        }
        return new BracketBook(bracketId, placeClientOrderId, account, instrument, side, tickSize, tickValue, currency, open, entered,
                average, realized, commission.add(fill.commission()), opened, fill.eventTimeMicros());
    }

    boolean closed() {
        return averageEntryTicks != null && openQuantity.signum() == 0;
    }

    /** Realized P&L in currency: realized ticks x tick value, before commission. */
    public BigDecimal realizedPnl() {
        return realizedTicks.multiply(tickValue);
    }

    /** Realized ticks as the whole number published in exec.positions (exact for whole-contract quantities). */
    public long realizedWholeTicks() {
        return realizedTicks.setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    }

    public BigDecimal averageEntryPrice() {
        return averageEntryTicks == null ? BigDecimal.ZERO : averageEntryTicks.multiply(tickSize);
    }
}
