package io.liquidityengine.execution.sink;

import java.util.List;
import java.util.Map;

/**
 * Everything the sink must remember across a restart, snapshotted to {@code exec.sink-state} in the
 * same transaction as the outputs and consumed offsets it reflects: the client order ids already
 * executed (with their event time, for pruning), the books of active brackets, each account's broker
 * state (opaque to the sink, in account order) and, in a backtest, the lockstep counters (null otherwise).
 */
public record SinkState(int formatVersion, Map<String, Long> executedOrderIds, List<BracketBook> brackets,
                        List<BrokerSnapshot> brokers, long lastEventMicros, LockstepState lockstep) {

    /**
     * 2 added {@code lockstep}; a version 1 snapshot reads as one without it. 3 replaced {@code paperBrackets}
     * (the one paper broker's working brackets) by {@code brokers}, one opaque state per account; versions 1
     * and 2 read with their paper brackets moved into the paper broker's state of each account
     * ({@link StateCodec}).
     */
    public static final int FORMAT_VERSION = 3;

    public SinkState {
        executedOrderIds = Map.copyOf(executedOrderIds);
        brackets = List.copyOf(brackets);
        brokers = brokers == null ? List.of() : List.copyOf(brokers);
    }

    public SinkState withLockstep(LockstepState state) {
        return new SinkState(formatVersion, executedOrderIds, brackets, brokers, lastEventMicros, state);
    }
}
