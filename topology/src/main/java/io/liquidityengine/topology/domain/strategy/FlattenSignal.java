package io.liquidityengine.topology.domain.strategy;

import io.liquidityengine.topology.domain.trend.TrendDirection;

import java.util.Optional;

/**
 * A signal to flatten an open position, with the rule that produces it: a long is flattened when
 * trend V2 turns SHORT or a short setup appears; a short mirrors it. Pure.
 *
 * @param position the position to flatten
 * @param reason   which rule fired
 */
public record FlattenSignal(PositionSide position, String reason) {

    public static final String TREND_AGAINST = "trend V2 turned against the position";
    public static final String OPPOSITE_SETUP = "opposite setup appeared";

    /** The flatten signal for {@code position}, empty when it may stay open (or is FLAT). */
    public static Optional<FlattenSignal> evaluate(PositionSide position, TrendDirection trend,
                                                   boolean longSetup, boolean shortSetup) {
        if (position == PositionSide.LONG) {
            if (trend == TrendDirection.SHORT) {
                return Optional.of(new FlattenSignal(position, TREND_AGAINST));
            }
            if (shortSetup) {
                return Optional.of(new FlattenSignal(position, OPPOSITE_SETUP));
            }
        } else if (position == PositionSide.SHORT) {
            if (trend == TrendDirection.LONG) {
                return Optional.of(new FlattenSignal(position, TREND_AGAINST));
            }
            if (longSetup) {
                return Optional.of(new FlattenSignal(position, OPPOSITE_SETUP));
            }
        }
        return Optional.empty();
    }
}
