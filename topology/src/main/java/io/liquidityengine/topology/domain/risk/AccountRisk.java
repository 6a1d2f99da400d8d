package io.liquidityengine.topology.domain.risk;

import io.liquidityengine.topology.domain.TickGrid;
import io.liquidityengine.topology.domain.position.BracketFeedback;
import io.liquidityengine.topology.domain.position.BracketIds;
import io.liquidityengine.topology.domain.position.BracketPhase;
import io.liquidityengine.topology.domain.position.ExecutionEvent;
import io.liquidityengine.topology.domain.position.LegSplit;
import io.liquidityengine.topology.domain.position.ManagedBracket;
import io.liquidityengine.topology.domain.position.OrderInstruction;
import io.liquidityengine.topology.domain.position.PositionUpdate;
import io.liquidityengine.topology.domain.position.Side;
import io.liquidityengine.topology.domain.strategy.FlattenSignal;
import io.liquidityengine.topology.domain.strategy.PlanEvent;
import io.liquidityengine.topology.domain.strategy.PlanLeg;
import io.liquidityengine.topology.domain.strategy.PlanStatus;
import io.liquidityengine.topology.domain.trend.TrendDirection;

import java.math.BigDecimal;
import java.math.RoundingMode;
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

    public AccountRisk(String account, RiskConfig config) {
        this.account = Objects.requireNonNull(account, "account");
        this.config = Objects.requireNonNull(config, "config");
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
     *
     * @param terms       the plan instrument's terms, null when unknown
     * @param eventMicros the record's event time (the plan's event time), UTC micros
     */
    public RiskOutcome onPlan(PlanEvent plan, InstrumentTerms terms, long eventMicros) {
        observe(eventMicros);
        if (terms != null && terms.symbol().equals(plan.instrument())) {
            roll(terms, eventMicros);
        }
        String bracketId = BracketIds.bracketId(account, plan.planId());
        ManagedBracket existing = brackets.get(bracketId);
        Numbers n = new Numbers();
        if (existing == null && retiredRevisions.containsKey(bracketId)) {
            // the signal stage does not know about fills: it keeps amending a plan whose position is already closed
            return reject(plan, eventMicros, plan.status() == PlanStatus.CANCELLED ? ReasonCode.PLAN_CANCELLED : ReasonCode.PLAN_BRACKET_ENDED,
                    n, "bracket " + bracketId + " of this plan already ended today; a plan gets one bracket");
        }
        int usedRevision = existing != null ? existing.planRevision() : -1;
        if (plan.revision() <= usedRevision) {
            return reject(plan, eventMicros, ReasonCode.OTHER, n, "revision " + plan.revision()
                    + " is not after revision " + usedRevision + " already applied to bracket " + bracketId);
        }
        switch (plan.status()) {
            case CANCELLED -> {
                if (existing == null) {
                    return reject(plan, eventMicros, ReasonCode.PLAN_CANCELLED, n, "plan cancelled; nothing working");
                }
                if (existing.isWorking()) {
                    OrderInstruction cancel = existing.cancelForPlan(plan.revision(), eventMicros,
                            "plan cancelled: " + Objects.toString(plan.reason(), ""));
                    return new RiskOutcome(decision(plan, eventMicros, DecisionStatus.APPROVED, ReasonCode.PLAN_CANCELLED,
                            0, n, "plan cancelled: working entry of " + bracketId + " cancelled"), List.of(cancel));
                }
                return untouched(plan, existing, eventMicros, n);
            }
            default -> {
                if (existing == null) {
                    return evaluateNew(plan, terms, eventMicros, n);
                }
                if (existing.isWorking()) {
                    return amend(plan, terms, existing, eventMicros, n);
                }
                return untouched(plan, existing, eventMicros, n);
            }
        }
    }

    private RiskOutcome untouched(PlanEvent plan, ManagedBracket existing, long eventMicros, Numbers n) {
        if (existing.phase() == BracketPhase.CANCELLING) {
            return reject(plan, eventMicros, plan.status() == PlanStatus.CANCELLED
                    ? ReasonCode.PLAN_CANCELLED : ReasonCode.OTHER, n, "bracket " + existing.bracketId() + " is being cancelled");
        }
        n.put("openQuantity", existing.openQuantity());
        return reject(plan, eventMicros, ReasonCode.POSITION_ALREADY_OPEN, n, "entry of " + existing.bracketId()
                + " filled; plan events do not touch the open position");
    }

    private RiskOutcome evaluateNew(PlanEvent plan, InstrumentTerms terms, long eventMicros, Numbers n) {
        String instrument = plan.instrument();
        if (haltedAll || haltedInstruments.contains(instrument)) {
            return reject(plan, eventMicros, ReasonCode.HALTED, n, "halted: no new entries"
                    + (haltedAll ? "" : " on " + instrument));
        }
        if (terms == null || !terms.symbol().equals(instrument)) {
            return reject(plan, eventMicros, ReasonCode.UNKNOWN_INSTRUMENT, n, "no reference data for " + instrument);
        }
        LocalDate day = terms.tradingDay(eventMicros);
        long start = terms.micros(day, config.windowStart());
        long end = terms.micros(day, config.windowEnd());
        n.put("localSecondOfDay", terms.local(eventMicros).toLocalTime().toSecondOfDay());
        n.put("windowStartSecondOfDay", config.windowStart().toSecondOfDay());
        n.put("windowEndSecondOfDay", config.windowEnd().toSecondOfDay());
        if (eventMicros < start || eventMicros >= end) {
            return reject(plan, eventMicros, ReasonCode.OUTSIDE_TRADING_WINDOW, n, "event at "
                    + terms.local(eventMicros).toLocalTime() + " " + terms.zone() + " is outside the trading window "
                    + config.windowStart() + "-" + config.windowEnd() + " of " + day);
        }
        BigDecimal pnl = dailyPnl();
        n.put("dailyPnl", pnl);
        n.put("profitTarget", config.profitTarget());
        n.put("maxDailyLoss", config.maxDailyLoss());
        if (pnl.compareTo(config.profitTarget()) >= 0) {
            return reject(plan, eventMicros, ReasonCode.PROFIT_TARGET_REACHED, n, "day's P&L " + pnl.toPlainString()
                    + " is at or above the profit target " + config.profitTarget().toPlainString());
        }
        if (pnl.compareTo(config.maxDailyLoss().negate()) <= 0) {
            return reject(plan, eventMicros, ReasonCode.DAILY_LOSS_LIMIT, n, "day's P&L " + pnl.toPlainString()
                    + " is at or below the loss limit -" + config.maxDailyLoss().toPlainString());
        }
        long age = latestEventMicros - plan.eventMicros();
        n.put("planAgeSeconds", seconds(age));
        n.put("staleAfterSeconds", seconds(config.staleAfterMicros()));
        if (age > config.staleAfterMicros()) {
            return reject(plan, eventMicros, ReasonCode.STALE_PLAN, n, "plan is " + seconds(age).toPlainString()
                    + " s older than the latest event; stale after " + seconds(config.staleAfterMicros()).toPlainString() + " s");
        }
        Sizing sizing = size(plan, terms, n);
        if (sizing.failure() != null) {
            return reject(plan, eventMicros, sizing.failure(), n, sizing.message());
        }
        long onInstrument = brackets.values().stream().filter(AccountRisk::counts)
                .filter(b -> b.instrument().equals(instrument)).count();
        n.put("positionsOnInstrument", onInstrument);
        if (config.onePositionPerInstrument() && onInstrument > 0) {
            return reject(plan, eventMicros, ReasonCode.POSITION_ALREADY_OPEN, n, "a position or working bracket on "
                    + instrument + " already exists");
        }
        if (config.lockAfterTrade() && tradedToday.contains(instrument)) {
            return reject(plan, eventMicros, ReasonCode.INSTRUMENT_LOCKED, n, instrument + " was traded today and is locked");
        }
        long open = brackets.values().stream().filter(AccountRisk::counts).count();
        n.put("openPositions", open);
        n.put("maxOpenPositions", config.maxOpenPositions());
        if (open >= config.maxOpenPositions()) {
            return reject(plan, eventMicros, ReasonCode.MAX_OPEN_POSITIONS, n, open + " positions and working brackets open, max "
                    + config.maxOpenPositions());
        }
        Sizing sized = sizing.withQuantity(n, config.riskPerTrade());
        if (sized.failure() != null) {
            return reject(plan, eventMicros, sized.failure(), n, sized.message());
        }
        String notionalFailure = notional(sized, terms, n, null);
        if (notionalFailure != null) {
            return reject(plan, eventMicros, ReasonCode.MAX_NOTIONAL, n, notionalFailure);
        }
        ManagedBracket bracket = ManagedBracket.placed(account, plan.planId(), plan.revision(), instrument,
                Side.of(plan.side()), terms.tickSize().doubleValue(), terms.tickValue(), sized.entryTicks(),
                sized.stopTicks(), sized.legQuantities(), sized.targetTicks());
        brackets.put(bracket.bracketId(), bracket);
        String message = "approved " + sized.quantity() + " of " + plan.totalQuantity() + ": "
                + config.riskPerTrade().toPlainString() + " / (" + sized.riskTicks() + " ticks x "
                + terms.tickValue().toPlainString() + ")";
        return new RiskOutcome(decision(plan, eventMicros, DecisionStatus.APPROVED, ReasonCode.OK, sized.quantity(), n, message),
                List.of(bracket.placeOrder(eventMicros, "plan " + plan.planId() + " approved")));
    }

    private RiskOutcome amend(PlanEvent plan, InstrumentTerms terms, ManagedBracket bracket, long eventMicros, Numbers n) {
        Sizing sized;
        if (terms == null || !terms.symbol().equals(plan.instrument())) {
            sized = Sizing.failed(ReasonCode.UNKNOWN_INSTRUMENT, "no reference data for " + plan.instrument());
        } else {
            sized = size(plan, terms, n);
            if (sized.failure() == null) {
                sized = sized.withQuantity(n, config.riskPerTrade());
            }
            if (sized.failure() == null) {
                String notionalFailure = notional(sized, terms, n, bracket.bracketId());
                if (notionalFailure != null) {
                    sized = Sizing.failed(ReasonCode.MAX_NOTIONAL, notionalFailure);
                }
            }
        }
        if (sized.failure() != null) {
            OrderInstruction cancel = bracket.cancelForPlan(plan.revision(), eventMicros, "amended plan rejected: " + sized.message());
            return new RiskOutcome(decision(plan, eventMicros, DecisionStatus.REJECTED, sized.failure(), 0, n,
                    "amended plan rejected, working entry cancelled: " + sized.message()), List.of(cancel));
        }
        String why = "plan amended: " + Objects.toString(plan.reason(), "");
        List<OrderInstruction> orders;
        if (sized.quantity() == bracket.quantity()) {
            orders = List.of(bracket.amend(plan.revision(), sized.entryTicks(), sized.stopTicks(), sized.targetTicks(),
                    eventMicros, why));
        } else {
            orders = bracket.replace(plan.revision(), sized.entryTicks(), sized.stopTicks(), sized.legQuantities(),
                    sized.targetTicks(), eventMicros, why + "; quantity " + bracket.quantity() + " -> " + sized.quantity());
        }
        return new RiskOutcome(decision(plan, eventMicros, DecisionStatus.APPROVED, ReasonCode.PLAN_AMENDED,
                sized.quantity(), n, "amended: " + (orders.size() == 1 ? "working bracket modified" : "bracket replaced")
                        + " at " + sized.quantity() + " contracts"), orders);
    }

    /** Prices to ticks and reward:risk; the quantity is added by {@link Sizing#withQuantity}. */
    private Sizing size(PlanEvent plan, InstrumentTerms terms, Numbers n) {
        TickGrid grid = terms.grid();
        int sign = Side.of(plan.side()).sign();
        long entry;
        long stop;
        long[] targets = new long[plan.legs().size()];
        try {
            entry = grid.ticks(plan.entryPrice());
            stop = grid.ticks(plan.stopPrice());
            for (PlanLeg leg : plan.legs()) {
                targets[leg.leg() - 1] = grid.ticks(leg.targetPrice());
            }
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return Sizing.failed(ReasonCode.OTHER, "invalid plan prices: " + e.getMessage());
        }
        long riskTicks = (entry - stop) * sign;
        if (riskTicks <= 0) {
            return Sizing.failed(ReasonCode.OTHER, "stop " + plan.stopPrice() + " is not beyond the entry " + plan.entryPrice());
        }
        for (long target : targets) {
            if ((target - entry) * sign <= 0) {
                return Sizing.failed(ReasonCode.OTHER, "a target is not beyond the entry " + plan.entryPrice());
            }
        }
        long rewardTicks = (targets[0] - entry) * sign;
        BigDecimal ratio = BigDecimal.valueOf(rewardTicks).divide(BigDecimal.valueOf(riskTicks), 4, RoundingMode.HALF_EVEN);
        n.put("stopTicks", riskTicks);
        n.put("rewardTicks", rewardTicks);
        n.put("rewardRisk", ratio);
        n.put("minRewardRisk", config.minRewardRisk());
        if (BigDecimal.valueOf(rewardTicks).compareTo(config.minRewardRisk().multiply(BigDecimal.valueOf(riskTicks))) < 0) {
            return Sizing.failed(ReasonCode.REWARD_RISK_TOO_LOW, "reward:risk " + rewardTicks + "/" + riskTicks + " = "
                    + ratio.toPlainString() + " is below " + config.minRewardRisk().toPlainString());
        }
        List<Integer> weights = plan.legs().stream().map(PlanLeg::weight).toList();
        return new Sizing(null, null, entry, stop, riskTicks, targets, weights, plan.totalQuantity(), terms.tickValue(), 0,
                null);
    }

    /** Null when the notional cap allows the sized bracket, else why not. */
    private String notional(Sizing sized, InstrumentTerms terms, Numbers n, String excluded) {
        BigDecimal perContract = BigDecimal.valueOf(sized.entryTicks()).multiply(terms.tickValue());
        BigDecimal notional = perContract.multiply(BigDecimal.valueOf(sized.quantity()));
        BigDecimal open = brackets.values().stream().filter(AccountRisk::counts)
                .filter(b -> !b.bracketId().equals(excluded)).map(ManagedBracket::notional)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        n.put("notional", notional);
        n.put("openNotional", open);
        if (config.maxNotional() == null) {
            return null;
        }
        n.put("maxNotional", config.maxNotional());
        if (open.add(notional).compareTo(config.maxNotional()) > 0) {
            return "notional " + notional.toPlainString() + " + open " + open.toPlainString() + " exceeds "
                    + config.maxNotional().toPlainString();
        }
        return null;
    }

    /** Entry, stop and targets in ticks, the stop distance in ticks, and once sized the quantity and leg split. */
    private record Sizing(ReasonCode failure, String message, long entryTicks, long stopTicks, long riskTicks,
                          long[] targetTicks, List<Integer> weights, int cap, BigDecimal tickValue, int quantity,
                          int[] legQuantities) {

        static Sizing failed(ReasonCode reason, String message) {
            return new Sizing(reason, message, 0, 0, 0, null, null, 0, null, 0, null);
        }

        /** quantity = floor(risk / (stop ticks x tick value)), capped at the plan's total; below 1 fails. */
        Sizing withQuantity(Numbers n, BigDecimal riskPerTrade) {
            BigDecimal perContract = BigDecimal.valueOf(riskTicks).multiply(tickValue);
            int byRisk = riskPerTrade.divide(perContract, 0, RoundingMode.FLOOR).min(BigDecimal.valueOf(Integer.MAX_VALUE))
                    .intValueExact();
            int q = Math.min(byRisk, cap);
            n.put("riskPerTrade", riskPerTrade);
            n.put("tickValue", tickValue);
            n.put("riskPerContract", perContract);
            n.put("sizeByRisk", byRisk);
            n.put("planQuantity", cap);
            n.put("quantity", q);
            if (q < 1) {
                return failed(ReasonCode.SIZE_BELOW_ONE, "risk " + riskPerTrade.toPlainString() + " / " + perContract.toPlainString()
                        + " per contract (" + riskTicks + " ticks x " + tickValue.toPlainString() + ") is below one contract");
            }
            return new Sizing(null, null, entryTicks, stopTicks, riskTicks, targetTicks, weights, cap, tickValue, q,
                    LegSplit.split(weights, q));
        }
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

    private static boolean counts(ManagedBracket b) {
        return b.isWorking() || b.isOpen();
    }

    // ---- decisions ---------------------------------------------------------------------------

    private RiskOutcome reject(PlanEvent plan, long eventMicros, ReasonCode reason, Numbers n, String message) {
        return new RiskOutcome(decision(plan, eventMicros, DecisionStatus.REJECTED, reason, 0, n, message), List.of());
    }

    private RiskDecision decision(PlanEvent plan, long eventMicros, DecisionStatus status, ReasonCode reason, int quantity,
                                  Numbers n, String message) {
        return new RiskDecision(BracketIds.decisionId(account, plan.planId(), plan.revision()), account, plan.planId(),
                plan.revision(), plan.instrument(), eventMicros, status, reason, quantity, n.values, message);
    }

    private static BigDecimal seconds(long micros) {
        return BigDecimal.valueOf(micros, 6).stripTrailingZeros();
    }

    /** The numbers behind a decision, sorted by name. */
    private static final class Numbers {
        private final TreeMap<String, BigDecimal> values = new TreeMap<>();

        void put(String name, BigDecimal value) {
            values.put(name, value);
        }

        void put(String name, long value) {
            values.put(name, BigDecimal.valueOf(value));
        }
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
