package io.liquidityengine.execution.broker;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a broker needs to know of an instrument: its price grid, the money value of one tick, and
 * the quantity step. Prices are converted to whole ticks once, so fills and P&L are exact.
 */
public record InstrumentSpec(String symbol, BigDecimal tickSize, BigDecimal tickValue, String currency, BigDecimal quantityStep) {

    public InstrumentSpec {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(currency, "currency");
        if (tickSize == null || tickSize.signum() <= 0) {
            throw new IllegalArgumentException(symbol + ": tick size must be positive, was " + tickSize);
        }
        if (tickValue == null || tickValue.signum() <= 0) {
            throw new IllegalArgumentException(symbol + ": tick value must be positive, was " + tickValue);
        }
        if (quantityStep == null || quantityStep.signum() <= 0) {
            throw new IllegalArgumentException(symbol + ": quantity step must be positive, was " + quantityStep);
        }
    }

    /** True when {@code price} is a positive multiple of the tick size. */
    public boolean onGrid(BigDecimal price) {
        return price != null && price.signum() > 0 && price.remainder(tickSize).signum() == 0;
    }

    /** The price as a whole number of ticks; rejects prices off the grid. */
    public long toTicks(BigDecimal price) {
        if (!onGrid(price)) {
            throw new IllegalArgumentException(symbol + ": price " + price + " is not on the " + tickSize.toPlainString() + " tick grid");
        }
        return price.divide(tickSize).longValueExact();
    }

    /** The price of {@code ticks} whole ticks. */
    public BigDecimal price(long ticks) {
        return tickSize.multiply(BigDecimal.valueOf(ticks));
    }

    /** True when {@code quantity} is a positive multiple of the quantity step. */
    public boolean validQuantity(BigDecimal quantity) {
        return quantity != null && quantity.signum() > 0 && quantity.remainder(quantityStep).signum() == 0;
    }
}
