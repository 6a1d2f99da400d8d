package io.liquidityengine.execution.sink;

import java.util.Map;
import java.util.TreeMap;

/**
 * The execution sink's side of the backtest lockstep with the risk stage, per account, as snapshotted
 * with the sink's outputs and offsets (see the kafka package's Lockstep for the protocol).
 *
 * @param riskClocks         the latest risk.clock of each account: decided-through time (UTC micros) and counts
 * @param ordersProcessed    exec.orders records of each account processed so far
 * @param reportsPublished   exec.reports records published for each account so far
 * @param positionsPublished exec.positions records published for each account so far
 * @param marketMarks        the last market clock published for each account (UTC micros)
 */
public record LockstepState(Map<String, RiskClockView> riskClocks, Map<String, Long> ordersProcessed, Map<String, Long> reportsPublished,
                            Map<String, Long> positionsPublished, Map<String, Long> marketMarks) {

    /** One account's risk clock: orders decided through {@code throughMicros}, and what the risk stage has put out and taken in. */
    public record RiskClockView(long throughMicros, long ordersEmitted, long reportsProcessed, long positionsProcessed) {
    }

    public LockstepState {
        riskClocks = new TreeMap<>(riskClocks);
        ordersProcessed = new TreeMap<>(ordersProcessed);
        reportsPublished = new TreeMap<>(reportsPublished);
        positionsPublished = new TreeMap<>(positionsPublished);
        marketMarks = new TreeMap<>(marketMarks);
    }

    public static LockstepState empty() {
        return new LockstepState(Map.of(), Map.of(), Map.of(), Map.of(), Map.of());
    }
}
