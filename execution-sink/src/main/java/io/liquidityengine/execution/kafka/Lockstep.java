package io.liquidityengine.execution.kafka;

import io.liquidityengine.execution.sink.LockstepState;
import io.liquidityengine.execution.sink.LockstepState.RiskClockView;
import io.liquidityengine.schemas.Micros;
import io.liquidityengine.schemas.execution.MarketClock;
import io.liquidityengine.schemas.lockstep.LockstepRules;
import io.liquidityengine.schemas.risk.RiskClock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The sink's side of the backtest lockstep with the risk stage (the rules are {@link LockstepRules};
 * the topology's RiskLockstep has the other side). A trade at event time t is run only when, for every account:
 * <ul>
 *   <li>the risk stage has said how far it has decided (risk.clock) and t is before that time;</li>
 *   <li>every order it says it has emitted has been received (processed or queued);</li>
 *   <li>it has processed every report and position published for the account (so the sink stops after
 *       a fill until the risk stage has answered it, e.g. with a break-even stop).</li>
 * </ul>
 * When only the time holds trades back and every trade before it has been run, the sink publishes a
 * market clock (exec.market-clock) per account, which lets the risk stage decide the signals waiting
 * at that time. The counters are part of the sink's snapshot, committed with its outputs.
 */
final class Lockstep {

    enum Gate {
        /** The trade may run. */
        OPEN,
        /** No risk clock yet: the topology has not decided anything (or does not run in lockstep). */
        NO_CLOCK,
        /** Orders the risk stage has emitted are not all here yet. */
        ORDERS,
        /** Reports or positions published here are not all processed by the risk stage yet. */
        ANSWERS,
        /** The trade is at or after the time orders are decided through. */
        TIME
    }

    private final String sinkId;
    private final Set<String> accounts;
    private final Map<String, RiskClockView> riskClocks = new TreeMap<>();
    private final Map<String, Long> ordersProcessed = new TreeMap<>();
    private final Map<String, Long> reportsPublished = new TreeMap<>();
    private final Map<String, Long> positionsPublished = new TreeMap<>();
    private final Map<String, Long> marketMarks = new TreeMap<>();
    /** Orders fetched but not processed yet; rebuilt from the topic on a restart, so not snapshotted. */
    private final Map<String, Long> ordersQueued = new HashMap<>();
    private boolean dirty;

    /** @param accounts the accounts this sink executes; empty = every account */
    Lockstep(String sinkId, Set<String> accounts) {
        this.sinkId = sinkId;
        this.accounts = Set.copyOf(accounts);
    }

    void restore(LockstepState state) {
        if (state == null) {
            return;
        }
        riskClocks.putAll(state.riskClocks());
        ordersProcessed.putAll(state.ordersProcessed());
        reportsPublished.putAll(state.reportsPublished());
        positionsPublished.putAll(state.positionsPublished());
        marketMarks.putAll(state.marketMarks());
    }

    LockstepState snapshot() {
        dirty = false;
        return new LockstepState(riskClocks, ordersProcessed, reportsPublished, positionsPublished, marketMarks);
    }

    boolean dirty() {
        return dirty;
    }

    private boolean mine(String account) {
        return account != null && (accounts.isEmpty() || accounts.contains(account));
    }

    void riskClock(String account, RiskClock clock) {
        if (!mine(account)) {
            return;
        }
        riskClocks.put(account, new RiskClockView(Micros.of(clock.getEventTime()), clock.getOrdersEmitted(), clock.getReportsProcessed(),
                clock.getPositionsProcessed()));
        dirty = true;
    }

    void orderQueued(String account) {
        if (mine(account)) {
            ordersQueued.merge(account, 1L, Long::sum);
        }
    }

    void orderProcessed(String account) {
        if (mine(account)) {
            ordersQueued.merge(account, -1L, Long::sum);
            ordersProcessed.merge(account, 1L, Long::sum);
            dirty = true;
        }
    }

    void reportPublished(String account) {
        reportsPublished.merge(account, 1L, Long::sum);
        dirty = true;
    }

    void positionPublished(String account) {
        positionsPublished.merge(account, 1L, Long::sum);
        dirty = true;
    }

    /** Whether a trade at {@code tickMicros} may run now; {@link Gate#TIME} only when everything else is settled. */
    Gate gate(long tickMicros) {
        Gate settled = settled();
        if (settled != Gate.OPEN) {
            return settled;
        }
        return LockstepRules.tradeMayRun(tickMicros, decidedThrough()) ? Gate.OPEN : Gate.TIME;
    }

    /** OPEN when every account's orders are here and its reports and positions answered, whatever the time. */
    Gate settled() {
        if (riskClocks.isEmpty()) {
            return Gate.NO_CLOCK;
        }
        for (Map.Entry<String, RiskClockView> e : riskClocks.entrySet()) {
            String account = e.getKey();
            RiskClockView clock = e.getValue();
            if (ordersProcessed.getOrDefault(account, 0L) + ordersQueued.getOrDefault(account, 0L) < clock.ordersEmitted()) {
                return Gate.ORDERS;
            }
            if (clock.reportsProcessed() < reportsPublished.getOrDefault(account, 0L)
                    || clock.positionsProcessed() < positionsPublished.getOrDefault(account, 0L)) {
                return Gate.ANSWERS;
            }
        }
        return Gate.OPEN;
    }

    /** The earliest decided-through time over the accounts (UTC micros), or Long.MIN_VALUE before any risk clock. */
    long decidedThrough() {
        long min = Long.MAX_VALUE;
        for (RiskClockView clock : riskClocks.values()) {
            min = Math.min(min, clock.throughMicros());
        }
        return riskClocks.isEmpty() ? Long.MIN_VALUE : min;
    }

    /**
     * Market clocks at {@code throughMicros} for the accounts whose last one is earlier (and remembers
     * them as published): call only when every trade before that time has been run.
     */
    List<MarketClock> marks(long throughMicros) {
        List<MarketClock> out = new ArrayList<>();
        for (String account : riskClocks.keySet()) {
            if (marketMarks.getOrDefault(account, Long.MIN_VALUE) < throughMicros) {
                marketMarks.put(account, throughMicros);
                out.add(MarketClock.newBuilder().setAccount(account).setSinkId(sinkId).setEventTime(Micros.instant(throughMicros))
                        .setReportsPublished(reportsPublished.getOrDefault(account, 0L))
                        .setPositionsPublished(positionsPublished.getOrDefault(account, 0L)).build());
                dirty = true;
            }
        }
        return out;
    }

    /** One line for the progress log. */
    String describe() {
        return "lockstep " + settled() + ", decided through " + decidedThrough() + " us, risk clocks " + riskClocks + ", orders processed "
                + ordersProcessed + " queued " + ordersQueued + ", reports published " + reportsPublished + ", positions published "
                + positionsPublished + ", market clocks " + marketMarks;
    }
}
