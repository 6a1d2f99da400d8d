package io.liquidityengine.execution.broker;

/** Cancel a bracket whose entry has not filled yet (an open position needs {@link FlattenBracket}). */
public record CancelBracket(String clientOrderId, String bracketId, long eventTimeMicros) {
}
