package io.liquidityengine.topology.domain.risk;

import io.liquidityengine.topology.domain.TickGrid;
import io.liquidityengine.topology.domain.position.BracketIds;
import io.liquidityengine.topology.domain.position.BracketPhase;
import io.liquidityengine.topology.domain.position.LegSplit;
import io.liquidityengine.topology.domain.position.ManagedBracket;
import io.liquidityengine.topology.domain.position.OrderInstruction;
import io.liquidityengine.topology.domain.position.Side;
import io.liquidityengine.topology.domain.strategy.PlanEvent;
import io.liquidityengine.topology.domain.strategy.PlanLeg;
import io.liquidityengine.topology.domain.strategy.PlanStatus;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The plan rules of one account's {@link AccountRisk}: a plan event becomes one decision, with the numbers behind it,
 * and the bracket orders it implies (the rules and their order are in {@link AccountRisk}'s comment). Reads the
 * account's state and adds the brackets it approves; the account has observed the event and rolled its day first.
 */
final class PlanRules {

    private final AccountRisk risk;
    private final String account;
    private final RiskConfig config;

    PlanRules(AccountRisk risk) {
        this.risk = risk;
        this.account = risk.account();
        this.config = risk.config();
    }

    /** {@link AccountRisk#onPlan}, after the account observed the event and rolled its day. */
    RiskOutcome onPlan(PlanEvent plan, InstrumentTerms terms, long eventMicros) {
        String bracketId = BracketIds.bracketId(account, plan.planId());
        ManagedBracket existing = risk.bracket(bracketId);
        Numbers n = new Numbers();
        if (existing == null && risk.retiredRevisions().containsKey(bracketId)) {
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
        if (risk.haltedAll() || risk.haltedInstruments().contains(instrument)) {
            return reject(plan, eventMicros, ReasonCode.HALTED, n, "halted: no new entries"
                    + (risk.haltedAll() ? "" : " on " + instrument));
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
        BigDecimal pnl = risk.dailyPnl();
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
        long age = risk.latestEventMicros() - plan.eventMicros();
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
        long onInstrument = risk.brackets().values().stream().filter(AccountRisk::counts)
                .filter(b -> b.instrument().equals(instrument)).count();
        n.put("positionsOnInstrument", onInstrument);
        if (config.onePositionPerInstrument() && onInstrument > 0) {
            return reject(plan, eventMicros, ReasonCode.POSITION_ALREADY_OPEN, n, "a position or working bracket on "
                    + instrument + " already exists");
        }
        if (config.lockAfterTrade() && risk.tradedToday().contains(instrument)) {
            return reject(plan, eventMicros, ReasonCode.INSTRUMENT_LOCKED, n, instrument + " was traded today and is locked");
        }
        long open = risk.brackets().values().stream().filter(AccountRisk::counts).count();
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
        risk.add(bracket);
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
        BigDecimal open = risk.brackets().values().stream().filter(AccountRisk::counts)
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
}
