package io.liquidityengine.topology.domain.position;

/** State of one exit leg of a managed bracket. */
public enum LegStatus {
    /** Target and stop working (or waiting for the entry). */
    WORKING,
    /** Closed at its target. */
    TARGET_FILLED,
    /** Closed at its stop. */
    STOPPED,
    /** Closed by a flatten. */
    FLATTENED
}
