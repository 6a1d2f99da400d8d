package io.liquidityengine.execution.broker;

import java.math.BigDecimal;

/**
 * One OCO exit leg of a bracket: a take-profit limit ({@code target}, null for none) and a stop,
 * for {@code quantity} of the position; whichever fills first cancels the other.
 */
public record BracketLegSpec(String legId, BigDecimal quantity, BigDecimal target, BigDecimal stop) {
}
