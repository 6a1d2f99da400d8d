package io.liquidityengine.execution.broker;

/** Close a bracket now: cancel a working entry, or cancel the exit legs and close the open quantity at market. */
public record FlattenBracket(String clientOrderId, String bracketId, long eventTimeMicros) {
}
