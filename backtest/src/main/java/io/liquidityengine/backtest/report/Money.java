package io.liquidityengine.backtest.report;

import java.math.BigDecimal;

/** How the report prints money: exact, no trailing zeros beyond the cents (-112.5 prints as -112.50). */
final class Money {

    private Money() {
    }

    static String plain(BigDecimal value) {
        if (value == null) {
            return "";
        }
        BigDecimal v = value.stripTrailingZeros();
        return (v.scale() < 2 ? v.setScale(2) : v).toPlainString();
    }
}
