package io.liquidityengine.execution.broker;

import java.math.BigDecimal;
import java.util.List;

/**
 * New prices for a working bracket: the entry price (null = unchanged; only while the entry is
 * working) and, per leg, the target (null = unchanged) and stop. Legs that are no longer working
 * (filled, stopped) are ignored, so "move every stop to break-even" can name all legs.
 */
public record ModifyBracket(String clientOrderId, String bracketId, BigDecimal entryPrice, List<LegChange> legs, long eventTimeMicros) {

    public ModifyBracket {
        legs = List.copyOf(legs);
    }

    public record LegChange(String legId, BigDecimal target, BigDecimal stop) {
    }
}
