package io.liquidityengine.topology.domain.levels;

/** Read-only queries over the unfilled levels of one instrument, as strategies see them. */
public interface LevelView {

    /** Nearest unfilled level strictly above {@code price}, NaN when none. */
    double nearestUnfilledAbove(double price);

    /** Nearest unfilled level strictly below {@code price}, NaN when none. */
    double nearestUnfilledBelow(double price);

    /**
     * Up to {@code max} liquidity gaps above {@code price}, nearest first: sorting the distinct
     * unfilled prices above by distance, a level is a gap when the next one is more than one tick
     * beyond it (the farthest level has no next one and is never a gap).
     */
    double[] gapsAbove(double price, int max);

    /** Mirror of {@link #gapsAbove} below {@code price}, nearest (highest) first. */
    double[] gapsBelow(double price, int max);
}
