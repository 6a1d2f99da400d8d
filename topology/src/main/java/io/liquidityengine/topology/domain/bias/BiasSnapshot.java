package io.liquidityengine.topology.domain.bias;

import io.liquidityengine.topology.domain.delta.DeltaPosition;
import io.liquidityengine.topology.domain.trend.TrendDirection;

import java.util.List;
import java.util.Objects;

/**
 * The bias after a base bar with the inputs behind it (the sig.bias payload).
 *
 * @param eventMicros      end of the base bar, UTC micros
 * @param liquiditySide    trend V1: +1, -1, or 0 before any fill
 * @param roc15            NaN while undefined
 * @param slope            NaN while undefined
 * @param rsi              NaN during warm-up
 * @param normalActionBars bars since the last extended bar
 * @param longTargets      T1, T2, T3 for a long from the level book after the bar, around its close
 *                         (the reference strategy's target rules); empty when not computable
 * @param shortTargets     the same for a short
 */
public record BiasSnapshot(String instrument, long eventMicros, Bias bias, Bias previousBias, boolean flip,
                           int liquiditySide, TrendDirection trend, DeltaPosition deltaPosition,
                           double roc15, double slope, double rsi, boolean extended, int normalActionBars,
                           double close, List<Double> longTargets, List<Double> shortTargets) {

    public BiasSnapshot {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(bias, "bias");
        Objects.requireNonNull(previousBias, "previousBias");
        Objects.requireNonNull(trend, "trend");
        Objects.requireNonNull(deltaPosition, "deltaPosition");
        longTargets = List.copyOf(longTargets);
        shortTargets = List.copyOf(shortTargets);
    }
}
