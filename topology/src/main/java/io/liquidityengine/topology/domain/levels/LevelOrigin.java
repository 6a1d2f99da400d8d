package io.liquidityengine.topology.domain.levels;

/** Where a level comes from. */
public enum LevelOrigin {
    FOOTPRINT_IMBALANCE, IMPORTED
}
