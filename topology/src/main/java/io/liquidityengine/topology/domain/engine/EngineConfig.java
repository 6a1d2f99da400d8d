package io.liquidityengine.topology.domain.engine;

import io.liquidityengine.topology.domain.TickGrid;
import io.liquidityengine.topology.domain.delta.DeltaConfig;
import io.liquidityengine.topology.domain.levels.ImbalanceConfig;
import io.liquidityengine.topology.domain.strategy.ReferenceStrategyConfig;

import java.util.Objects;

/**
 * Configuration of a {@link ReferenceSignalEngine} for one instrument; {@link #defaults} uses the
 * numbers of docs/strategy.md.
 *
 * @param chopBandTicks  chop band N (24)
 * @param rsiPeriod      RSI period (14)
 * @param extendedUpper  RSI at or above this is extended (60)
 * @param extendedLower  RSI at or below this is extended (40)
 * @param detectLevels   whether levels are drawn from footprint imbalances (imported bars
 *                       without footprint simply yield none)
 */
public record EngineConfig(String instrument, TickGrid grid, String strategyId, ImbalanceConfig imbalance,
                           int chopBandTicks, int rsiPeriod, double extendedUpper, double extendedLower,
                           DeltaConfig delta, ReferenceStrategyConfig strategy, boolean detectLevels) {

    public EngineConfig {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(grid, "grid");
        Objects.requireNonNull(strategyId, "strategyId");
        Objects.requireNonNull(imbalance, "imbalance");
        Objects.requireNonNull(delta, "delta");
        Objects.requireNonNull(strategy, "strategy");
    }

    public static EngineConfig defaults(String instrument, double tickSize) {
        return new EngineConfig(instrument, new TickGrid(tickSize), "reference", ImbalanceConfig.DEFAULTS, 24, 14,
                60, 40, DeltaConfig.DEFAULTS, ReferenceStrategyConfig.DEFAULTS, true);
    }

    public EngineConfig withStrategy(ReferenceStrategyConfig newStrategy) {
        return new EngineConfig(instrument, grid, strategyId, imbalance, chopBandTicks, rsiPeriod, extendedUpper,
                extendedLower, delta, newStrategy, detectLevels);
    }

    public EngineConfig withImbalance(ImbalanceConfig newImbalance) {
        return new EngineConfig(instrument, grid, strategyId, newImbalance, chopBandTicks, rsiPeriod, extendedUpper,
                extendedLower, delta, strategy, detectLevels);
    }
}
