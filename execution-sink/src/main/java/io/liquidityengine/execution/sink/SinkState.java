package io.liquidityengine.execution.sink;

import io.liquidityengine.execution.paper.PaperBracket;
import java.util.List;
import java.util.Map;

/**
 * Everything the sink must remember across a restart, snapshotted to {@code exec.sink-state} in the
 * same transaction as the outputs and consumed offsets it reflects: the client order ids already
 * executed (with their event time, for pruning), the books of active brackets, the paper
 * broker's working brackets and, in a backtest, the lockstep counters (null otherwise).
 */
public record SinkState(int formatVersion, Map<String, Long> executedOrderIds, List<BracketBook> brackets,
                        List<PaperBracket> paperBrackets, long lastEventMicros, LockstepState lockstep) {

    /** 2 added {@code lockstep}; a version 1 snapshot reads as one without it. */
    public static final int FORMAT_VERSION = 2;

    public SinkState {
        executedOrderIds = Map.copyOf(executedOrderIds);
        brackets = List.copyOf(brackets);
        paperBrackets = List.copyOf(paperBrackets);
    }

    public SinkState withLockstep(LockstepState state) {
        return new SinkState(formatVersion, executedOrderIds, brackets, paperBrackets, lastEventMicros, state);
    }
}
