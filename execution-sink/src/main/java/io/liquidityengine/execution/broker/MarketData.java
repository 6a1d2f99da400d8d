package io.liquidityengine.execution.broker;

import java.math.BigDecimal;

/** Implemented by brokers that simulate fills: the sink hands them every trade from {@code md.ticks}, in event time. */
public interface MarketData {

    void onTrade(String instrument, BigDecimal price, long eventTimeMicros);

    /** True when no trade can change anything now (nothing working): the sink then skips the trade's decimal price. */
    default boolean idle() {
        return false;
    }
}
