package io.liquidityengine.topology.domain.position;

/** Where a managed bracket is in its life. */
public enum BracketPhase {
    /** Entry order working, nothing filled. */
    WORKING,
    /** A CANCEL was sent for the working entry; waiting for the broker's answer. */
    CANCELLING,
    /** Entry filled: an open position with working exit legs. */
    OPEN,
    /** A FLATTEN was sent for the open position; waiting for the closing fill. */
    FLATTENING
}
