package io.liquidityengine.topology.domain.strategy;

/**
 * Numbers of the reference strategy; {@link #DEFAULTS} are the defaults of docs/strategy.md.
 *
 * @param stopPoints           stop distance from entry, price points (6.00)
 * @param minRewardRisk        minimum (T1 - entry) / (entry - stop) (1.0)
 * @param t3MaxDistancePoints  the second gap becomes T3 only when closer than this to the bar's
 *                             close, price points (15.00); else T3 = T2
 * @param minNormalActionBars  normal-action bars required (24)
 * @param avgStudy             name of the study column gating entries ("Avg")
 * @param avgLongMin           a long needs Avg >= this when the bar supplies Avg (70)
 * @param avgShortMax          a short needs Avg <= this when the bar supplies Avg (30, the mirror of 70)
 * @param weightT1             leg weights 1:2:1
 * @param weightT2             see weightT1
 * @param weightT3             see weightT1
 */
public record ReferenceStrategyConfig(double stopPoints, double minRewardRisk, double t3MaxDistancePoints,
                                      int minNormalActionBars, String avgStudy, double avgLongMin, double avgShortMax,
                                      int weightT1, int weightT2, int weightT3) {

    public static final ReferenceStrategyConfig DEFAULTS =
            new ReferenceStrategyConfig(6.00, 1.0, 15.00, 24, "Avg", 70, 30, 1, 2, 1);

    public ReferenceStrategyConfig {
        if (!(stopPoints > 0) || !(minRewardRisk >= 0) || !(t3MaxDistancePoints > 0)) {
            throw new IllegalArgumentException("stop, reward:risk and T3 distance must be positive");
        }
        if (minNormalActionBars < 0 || weightT1 < 1 || weightT2 < 1 || weightT3 < 1) {
            throw new IllegalArgumentException("normal-action bars must be >= 0 and leg weights >= 1");
        }
    }

    public int totalQuantity() {
        return weightT1 + weightT2 + weightT3;
    }
}
