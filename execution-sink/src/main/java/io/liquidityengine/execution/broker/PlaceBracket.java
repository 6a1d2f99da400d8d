package io.liquidityengine.execution.broker;

import java.math.BigDecimal;
import java.util.List;

/**
 * A bracket: a parent entry order ({@code entryPrice} null for MARKET) and OCO exit legs that become
 * working once the entry has filled. The legs' quantities add up to {@code quantity}.
 */
public record PlaceBracket(String clientOrderId, String bracketId, String account, InstrumentSpec instrument, Side side,
                           EntryType entryType, BigDecimal quantity, BigDecimal entryPrice, List<BracketLegSpec> legs,
                           long eventTimeMicros) {

    public PlaceBracket {
        legs = List.copyOf(legs);
    }
}
