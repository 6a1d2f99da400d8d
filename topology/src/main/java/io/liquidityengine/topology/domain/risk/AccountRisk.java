package io.liquidityengine.topology.domain.risk;

import io.liquidityengine.topology.domain.TickGrid;
import io.liquidityengine.topology.domain.position.BracketFeedback;
import io.liquidityengine.topology.domain.position.BracketIds;
import io.liquidityengine.topology.domain.position.BracketPhase;
import io.liquidityengine.topology.domain.position.ExecutionEvent;
import io.liquidityengine.topology.domain.position.ManagedBracket;
import io.liquidityengine.topology.domain.position.OrderInstruction;
import io.liquidityengine.topology.domain.position.PositionUpdate;
import io.liquidityengine.topology.domain.position.Side;
import io.liquidityengine.topology.domain.strategy.FlattenSignal;
import io.liquidityengine.topology.domain.strategy.PlanEvent;
import io.liquidityengine.topology.domain.trend.TrendDirection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The risk state of one account and the rules that act on it: plan events become decisions and
 * bracket orders, execution feedback updates brackets, positions, locks and the day's realized P&L,
 * the kill switch and the clock flatten and cancel. Deterministic: no wall clock (every input
 * carries its event time, UTC micros), brackets iterated in bracket-id order, ids derived from
 * the account, plan id and revision ({@link BracketIds}).
 *
 * <p>The trading day is the latest trading day ({@link InstrumentTerms#tradingDay}) of any event
 * passed with its instrument's terms; when it advances, the day's P&L, the locks, the retired
 * bracket revisions and the flatten-done flags start over (a loss-limit stop is lifted with the
 * P&L; an operator HALT stays until RESUME). The account's P&L is summed in one currency.
 *
 * <p>Rules for a plan that would open a bracket, in order, the first failure reported: halted,
 * unknown instrument, outside the trading window, profit target reached, daily loss limit, stale
 * plan, invalid prices (OTHER), reward:risk, one position per instrument, intraday lock, max open
 * positions, size, max notional. Working brackets count as positions for the last four rules; a
 * bracket whose CANCEL is pending does not.
 */
public final class AccountRisk {

    private final String account;
    private final RiskConfig config;
    private boolean haltedAll;
    private final TreeSet<String> haltedInstruments = new TreeSet<>();
    private LocalDate tradingDay;
    private long latestEventMicros = Long.MIN_VALUE;
    private BigDecimal closedPnlToday = BigDecimal.ZERO;
    private final TreeSet<String> tradedToday = new TreeSet<>();
    private final TreeSet<String> closeFlattened = new TreeSet<>();
    private boolean lossFlattenDone;
    private final TreeMap<String, ManagedBracket> brackets = new TreeMap<>();
    private final TreeMap<String, Integer> retiredRevisions = new TreeMap<>();
    private final PlanRules planRules;

    public AccountRisk(String account, RiskConfig config) {
        this.account = Objects.requireNonNull(account, "account");
        this.config = Objects.requireNonNull(config, "config");
        this.planRules = new PlanRules(this);
    }

    /** Restores a state (see {@link AccountRiskCodec}). */
    public AccountRisk(String account, RiskConfig config, boolean haltedAll, SortedSet<String> haltedInstruments,
                       LocalDate tradingDay, long latestEventMicros, BigDecimal closedPnlToday,
                       SortedSet<String> tradedToday, SortedSet<String> closeFlattened, boolean lossFlattenDone,
                       Collection<ManagedBracket> brackets, SortedMap<String, Integer> retiredRevisions) {
        this(account, config);
        this.haltedAll = haltedAll;
        this.haltedInstruments.addAll(haltedInstruments);
        this.tradingDay = tradingDay;
        this.latestEventMicros = latestEventMicros;
        this.closedPnlToday = Objects.requireNonNull(closedPnlToday, "closedPnlToday");
        this.tradedToday.addAll(tradedToday);
        this.closeFlattened.addAll(closeFlattened);
        this.lossFlattenDone = lossFlattenDone;
        brackets.forEach(b -> this.brackets.put(b.bracketId(), b));
        this.retiredRevisions.putAll(retiredRevisions);
    }

    // ---- plans -------------------------------------------------------------------------------

    /**
     * A plan event (sig.plans) for this account: always one decision, and the orders it implies.
     * NEW (or AMENDED with nothing working) runs every rule and PLACEs a bracket when approved;
     * AMENDED with the entry still working re-runs reward:risk, size and notional and MODIFYs the
     * bracket (CANCEL + PLACE when the size changes; CANCEL and REJECTED when a rule now fails);
     * CANCELLED with the entry working CANCELs it. Plan events never touch a filled bracket.
     * The rules themselves are {@link PlanRules}.
     *
     * @param terms       the plan instrument's terms, null when unknown
     * @param eventMicros the record's event time (the plan's event time), UTC micros
     */
    public RiskOutcome onPlan(PlanEvent plan, InstrumentTerms terms, long eventMicros) {
        observe(eventMicros);
        if (terms != null && terms.symbol().equals(plan.instrument())) {
            roll(terms, eventMicros);
        }
        return planRules.onPlan(plan, terms, eventMicros);
    }

    /** A bracket the plan rules approved. */
    void add(ManagedBracket bracket) {
        brackets.put(bracket.bracketId(), bracket);
    }

    // ---- feedback ----------------------------------------------------------------------------

    /**
     * A report from exec.reports: entry fills open positions (and lock the instrument for the day),
     * exits realize P&L in ticks x tick value, a T1 fill moves the remaining stops to break-even,
     * cancels and rejects end brackets; at the loss limit everything is flattened.
     *
     * @param terms the report instrument's terms (for the trading day), null when unknown
     */
    public List<OrderInstruction> onExecution(ExecutionEvent report, InstrumentTerms terms) {
        observe(report.eventMicros());
        rollFor(terms, report.instrument(), report.eventMicros());
        ManagedBracket bracket = brackets.get(report.bracketId());
        if (bracket == null) {
            return List.of();
        }
        List<OrderInstruction> orders = new ArrayList<>(after(bracket, bracket.onReport(report)));
        orders.addAll(lossLimit(report.eventMicros()));
        return orders;
    }

    /** A position from exec.positions: reconciles the bracket (entry, realized P&L, close). */
    public List<OrderInstruction> onPosition(PositionUpdate position, InstrumentTerms terms) {
        observe(position.eventMicros());
        rollFor(terms, position.instrument(), position.eventMicros());
        ManagedBracket bracket = brackets.get(position.positionId());
        if (bracket == null) {
            return List.of();
        }
        List<OrderInstruction> orders = new ArrayList<>(after(bracket, bracket.onPosition(position)));
        orders.addAll(lossLimit(position.eventMicros()));
        return orders;
    }

    private List<OrderInstruction> after(ManagedBracket bracket, BracketFeedback feedback) {
        if (feedback.opened()) {
            tradedToday.add(bracket.instrument());
        }
        if (feedback.finished()) {
            closedPnlToday = closedPnlToday.add(bracket.realizedPnlToday());
            brackets.remove(bracket.bracketId());
            retiredRevisions.merge(bracket.bracketId(), Math.max(bracket.planRevision(), bracket.orderRevision()), Math::max);
        }
        return feedback.orders();
    }

    // ---- position management -----------------------------------------------------------------

    /**
     * New target levels of an instrument from the signal stage, by leg number (index 0 = T1); NaN
     * leaves a leg's target alone. Open positions move each working leg's target to its level.
     */
    public List<OrderInstruction> onTargetLevels(String instrument, List<Double> targets, long eventMicros) {
        return moveTargets(instrument, targets, targets, eventMicros);
    }

    /**
     * The current targets of an instrument from its bias record (sig.bias, every base bar): each open
     * bracket's working legs move to the targets of the bracket's side, {@code longTargets} for a
     * long and {@code shortTargets} for a short, by leg number (index 0 = T1); an empty list (not
     * computable on that bar) leaves that side's brackets alone. {@link ManagedBracket#moveTargets}
     * keeps its rules: only working legs of OPEN brackets move (not a working entry, not a leg that
     * filled or stopped, not while flattening), a target not beyond the leg's stop stays where it is,
     * and a leg already at its target gives no MODIFY, so an unchanged book gives no orders. Every
     * price is converted to whole ticks before any bracket changes: an off-grid price throws with the
     * account untouched.
     *
     * @return one MODIFY per bracket whose targets moved, in bracket-id order
     */
    public List<OrderInstruction> onBiasTargets(String instrument, List<Double> longTargets, List<Double> shortTargets,
                                                long eventMicros) {
        return moveTargets(instrument, longTargets, shortTargets, eventMicros);
    }

    private List<OrderInstruction> moveTargets(String instrument, List<Double> longTargets, List<Double> shortTargets,
                                               long eventMicros) {
        Map<ManagedBracket, Map<Integer, Long>> moves = new LinkedHashMap<>();
        for (ManagedBracket b : brackets.values()) {
            if (b.instrument().equals(instrument) && b.phase() == BracketPhase.OPEN) {
                moves.put(b, targetTicks(b, b.side() == Side.BUY ? longTargets : shortTargets));
            }
        }
        observe(eventMicros);
        List<OrderInstruction> orders = new ArrayList<>();
        moves.forEach((b, byLeg) -> b.moveTargets(byLeg, eventMicros).ifPresent(orders::add));
        return orders;
    }

    /** Targets by leg number in the bracket's ticks; NaN skips a leg; off-grid or infinite prices throw. */
    private static Map<Integer, Long> targetTicks(ManagedBracket bracket, List<Double> targets) {
        TickGrid grid = new TickGrid(bracket.tickSize());
        Map<Integer, Long> byLeg = new HashMap<>();
        for (int i = 0; i < targets.size(); i++) {
            if (!Double.isNaN(targets.get(i))) {
                byLeg.put(i + 1, grid.ticks(targets.get(i)));
            }
        }
        return byLeg;
    }

    /**
     * Trend V2 and the setups of an instrument: open positions the trend turned against, or whose
     * opposite setup appeared, are flattened ({@link FlattenSignal#evaluate}).
     */
    public List<OrderInstruction> onTrend(String instrument, TrendDirection trend, boolean longSetup, boolean shortSetup,
                                          long eventMicros) {
        observe(eventMicros);
        List<OrderInstruction> orders = new ArrayList<>();
        for (ManagedBracket b : List.copyOf(brackets.values())) {
            if (b.instrument().equals(instrument) && b.phase() == BracketPhase.OPEN) {
                FlattenSignal.evaluate(b.positionSide(), trend, longSetup, shortSetup)
                        .ifPresent(s -> orders.add(b.flatten(eventMicros, s.reason())));
            }
        }
        return orders;
    }

    /** A flatten signal from the signal stage: open positions of its side on the instrument are flattened. */
    public List<OrderInstruction> onFlattenSignal(String instrument, FlattenSignal signal, long eventMicros) {
        observe(eventMicros);
        List<OrderInstruction> orders = new ArrayList<>();
        for (ManagedBracket b : List.copyOf(brackets.values())) {
            if (b.instrument().equals(instrument) && b.phase() == BracketPhase.OPEN && b.positionSide() == signal.position()) {
                orders.add(b.flatten(eventMicros, signal.reason()));
            }
        }
        return orders;
    }

    // ---- kill switch and clock ---------------------------------------------------------------

    /**
     * HALT: no new entries (for the command's instrument, or all), working entries cancelled;
     * RESUME: entries allowed again; FLATTEN: every position flattened and working entries
     * cancelled, then halted.
     */
    public List<OrderInstruction> onCommand(ControlCommand command) {
        observe(command.eventMicros());
        String instrument = command.instrument();
        String why = command.command() + (command.issuedBy().isEmpty() ? "" : " by " + command.issuedBy())
                + (command.reason().isEmpty() ? "" : ": " + command.reason());
        switch (command.command()) {
            case RESUME -> {
                if (instrument == null) {
                    haltedAll = false;
                    haltedInstruments.clear();
                } else {
                    haltedInstruments.remove(instrument);
                }
                return List.of();
            }
            case HALT -> {
                halt(instrument);
                return closeAll(instrument, false, command.eventMicros(), why);
            }
            default -> {
                List<OrderInstruction> orders = closeAll(instrument, true, command.eventMicros(), why);
                halt(instrument);
                return orders;
            }
        }
    }

    private void halt(String instrument) {
        if (instrument == null) {
            haltedAll = true;
        } else {
            haltedInstruments.add(instrument);
        }
    }

    /**
     * The clock: rolls the trading day, flattens every position and cancels working entries of an
     * instrument once per day at or after the flatten time, and flattens everything at the loss limit.
     *
     * @param terms the instruments the account trades
     */
    public List<OrderInstruction> onTime(long eventMicros, Collection<InstrumentTerms> terms) {
        observe(eventMicros);
        List<InstrumentTerms> sorted = new ArrayList<>(terms);
        sorted.sort(Comparator.comparing(InstrumentTerms::symbol));
        sorted.forEach(t -> roll(t, eventMicros));
        List<OrderInstruction> orders = new ArrayList<>();
        for (InstrumentTerms t : sorted) {
            long flattenAt = t.micros(t.tradingDay(eventMicros), config.flattenTime());
            if (eventMicros >= flattenAt && closeFlattened.add(t.symbol())) {
                orders.addAll(closeAll(t.symbol(), true, eventMicros, "flatten time " + config.flattenTime() + " " + t.zone()));
            }
        }
        orders.addAll(lossLimit(eventMicros));
        return orders;
    }

    private List<OrderInstruction> lossLimit(long eventMicros) {
        BigDecimal pnl = dailyPnl();
        if (lossFlattenDone || pnl.compareTo(config.maxDailyLoss().negate()) > 0) {
            return List.of();
        }
        lossFlattenDone = true;
        return closeAll(null, true, eventMicros, "daily loss limit: P&L " + pnl.toPlainString() + " <= -"
                + config.maxDailyLoss().toPlainString());
    }

    /** Cancels working entries and (when {@code flatten}) flattens open positions, of one instrument or all. */
    private List<OrderInstruction> closeAll(String instrument, boolean flatten, long eventMicros, String reason) {
        List<OrderInstruction> orders = new ArrayList<>();
        for (ManagedBracket b : List.copyOf(brackets.values())) {
            if (instrument != null && !b.instrument().equals(instrument)) {
                continue;
            }
            if (b.isWorking()) {
                orders.add(b.cancel(eventMicros, reason));
            } else if (flatten && b.phase() == BracketPhase.OPEN) {
                orders.add(b.flatten(eventMicros, reason));
            }
        }
        return orders;
    }

    private void rollFor(InstrumentTerms terms, String instrument, long eventMicros) {
        if (terms != null && terms.symbol().equals(instrument)) {
            roll(terms, eventMicros);
        }
    }

    private void roll(InstrumentTerms terms, long eventMicros) {
        LocalDate day = terms.tradingDay(eventMicros);
        if (tradingDay == null) {
            tradingDay = day;
        } else if (day.isAfter(tradingDay)) {
            tradingDay = day;
            closedPnlToday = BigDecimal.ZERO;
            // a cancel the broker never answered by the next session is over: day orders do not outlive their session
            brackets.values().removeIf(b -> b.phase() == BracketPhase.CANCELLING);
            brackets.values().forEach(ManagedBracket::rollDay);
            tradedToday.clear();
            closeFlattened.clear();
            retiredRevisions.clear();
            lossFlattenDone = false;
        }
    }

    private void observe(long eventMicros) {
        latestEventMicros = Math.max(latestEventMicros, eventMicros);
    }

    static boolean counts(ManagedBracket b) {
        return b.isWorking() || b.isOpen();
    }

    // ---- views -------------------------------------------------------------------------------

    /** The day's realized P&L: closed brackets plus the realized part of open ones, ticks x tick value. */
    public BigDecimal dailyPnl() {
        BigDecimal pnl = closedPnlToday;
        for (ManagedBracket b : brackets.values()) {
            pnl = pnl.add(b.realizedPnlToday());
        }
        return pnl;
    }

    public String account() {
        return account;
    }

    public RiskConfig config() {
        return config;
    }

    /** Halted for every instrument. */
    public boolean haltedAll() {
        return haltedAll;
    }

    /** Instruments halted one by one. */
    public SortedSet<String> haltedInstruments() {
        return Collections.unmodifiableSortedSet(haltedInstruments);
    }

    /** The current trading day, null before the first event with terms. */
    public LocalDate tradingDay() {
        return tradingDay;
    }

    public long latestEventMicros() {
        return latestEventMicros;
    }

    /** Realized P&L of the brackets closed today. */
    public BigDecimal closedPnlToday() {
        return closedPnlToday;
    }

    /** Instruments with an entry fill today (locked when the config asks for it). */
    public SortedSet<String> tradedToday() {
        return Collections.unmodifiableSortedSet(tradedToday);
    }

    /** Instruments flattened at the flatten time today. */
    public SortedSet<String> closeFlattened() {
        return Collections.unmodifiableSortedSet(closeFlattened);
    }

    public boolean lossFlattenDone() {
        return lossFlattenDone;
    }

    /** Working and open brackets by bracket id. */
    public SortedMap<String, ManagedBracket> brackets() {
        return Collections.unmodifiableSortedMap(brackets);
    }

    /** The bracket with this id, null when none. */
    public ManagedBracket bracket(String bracketId) {
        return brackets.get(bracketId);
    }

    /** Last revision used by brackets that ended today, by bracket id. */
    public SortedMap<String, Integer> retiredRevisions() {
        return Collections.unmodifiableSortedMap(retiredRevisions);
    }
}
