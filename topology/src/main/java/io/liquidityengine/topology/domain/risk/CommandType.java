package io.liquidityengine.topology.domain.risk;

/** Kill-switch command (mirrors control CommandType). */
public enum CommandType {
    /** No new entries; working entry brackets are cancelled. */
    HALT,
    /** New entries allowed again. */
    RESUME,
    /** Flatten every position, cancel working brackets, then halt. */
    FLATTEN
}
