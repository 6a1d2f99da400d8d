package io.liquidityengine.topology.domain.levels;

/**
 * Stacked-imbalance rule.
 *
 * @param ratio     dominant volume must be at least ratio x the diagonal opposite volume (3.0)
 * @param minStack  consecutive imbalanced prices needed for a level (3)
 * @param minVolume dominant volume (ask for a buy imbalance, bid for a sell) needed at a price
 *                  for it to count (5 contracts)
 */
public record ImbalanceConfig(double ratio, int minStack, double minVolume) {

    public static final ImbalanceConfig DEFAULTS = new ImbalanceConfig(3.0, 3, 5.0);

    public ImbalanceConfig {
        if (!(ratio > 0) || Double.isInfinite(ratio)) {
            throw new IllegalArgumentException("ratio must be positive, was " + ratio);
        }
        if (minStack < 1) {
            throw new IllegalArgumentException("minStack must be >= 1, was " + minStack);
        }
        if (!(minVolume > 0) || Double.isInfinite(minVolume)) {
            throw new IllegalArgumentException("minVolume must be positive, was " + minVolume);
        }
    }
}
