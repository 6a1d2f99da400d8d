package io.liquidityengine.topology.domain.position;

import io.liquidityengine.topology.domain.TickGrid;
import io.liquidityengine.topology.domain.strategy.PositionSide;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One bracket of an account from its PLACE to its end: the working entry, then the open position
 * with its OCO exit legs, managed by the rules of docs/strategy.md ("Managing an open position"):
 * break-even stops after T1, targets that follow their levels, stops that only ever move in the
 * position's favour, flatten on demand. Prices are whole ticks; realized P&L is ticks x contracts
 * (exact), money is only ever ticks x tick value.
 *
 * <p>Every instruction carries {@code clientOrderId = <bracketId>:<revision>:<action>}: plan-driven
 * instructions (PLACE, the MODIFY of an amendment, the CANCEL of a cancellation) use the plan's
 * revision; instructions the engine issues on its own (break-even, target moves, flatten, cancel on
 * halt or at the close) use the bracket's last revision + 1. Plan-driven ones only act on a working
 * entry and engine-driven ones that act on a working entry end it, so ids never repeat.
 *
 * <p>Fills and realized P&L are kept by its {@link BracketLedger}; each report id is applied once.
 */
public final class ManagedBracket {

    private final String account;
    private final String bracketId;
    private final String planId;
    private final String instrument;
    private final Side side;
    private final double tickSize;
    private final BigDecimal tickValue;
    private int planRevision;
    private int orderRevision;
    private String placeClientOrderId;
    private String replacedCancelId;
    private BracketPhase phase;
    private long entryTicks;
    private List<ManagedLeg> legs;
    private final BracketLedger ledger;
    private long openedMicros;
    private final TreeSet<String> appliedReports;

    /** Full state; use {@link #placed} for a new bracket. */
    public ManagedBracket(String account, String bracketId, String planId, String instrument, Side side, double tickSize,
                          BigDecimal tickValue, int planRevision, int orderRevision, String placeClientOrderId,
                          String replacedCancelId, BracketPhase phase, long entryTicks, List<ManagedLeg> legs,
                          BracketLedger ledger, long openedMicros, SortedSet<String> appliedReports) {
        this.account = Objects.requireNonNull(account, "account");
        this.bracketId = Objects.requireNonNull(bracketId, "bracketId");
        this.planId = Objects.requireNonNull(planId, "planId");
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        this.side = Objects.requireNonNull(side, "side");
        this.tickSize = tickSize;
        this.tickValue = Objects.requireNonNull(tickValue, "tickValue");
        this.planRevision = planRevision;
        this.orderRevision = orderRevision;
        this.placeClientOrderId = Objects.requireNonNull(placeClientOrderId, "placeClientOrderId");
        this.replacedCancelId = replacedCancelId;
        this.phase = Objects.requireNonNull(phase, "phase");
        this.entryTicks = entryTicks;
        this.legs = List.copyOf(legs);
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.openedMicros = openedMicros;
        this.appliedReports = new TreeSet<>(appliedReports);
        if (this.legs.isEmpty()) {
            throw new IllegalArgumentException("a bracket needs at least one leg");
        }
    }

    /**
     * A new bracket for an approved plan, entry working; legs with a zero quantity are dropped.
     *
     * @param legQuantities contracts per plan leg (from {@link LegSplit})
     * @param targetTicks   target per plan leg, whole ticks
     */
    public static ManagedBracket placed(String account, String planId, int planRevision, String instrument, Side side,
                                        double tickSize, BigDecimal tickValue, long entryTicks, long stopTicks,
                                        int[] legQuantities, long[] targetTicks) {
        String bracketId = BracketIds.bracketId(account, planId);
        return new ManagedBracket(account, bracketId, planId, instrument, side, tickSize, tickValue, planRevision,
                planRevision, BracketIds.clientOrderId(bracketId, planRevision, OrderAction.PLACE), null,
                BracketPhase.WORKING, entryTicks, legs(bracketId, stopTicks, legQuantities, targetTicks),
                BracketLedger.empty(side), Long.MIN_VALUE, Collections.emptySortedSet());
    }

    private static List<ManagedLeg> legs(String bracketId, long stopTicks, int[] quantities, long[] targets) {
        if (quantities.length != targets.length) {
            throw new IllegalArgumentException("one target per leg");
        }
        List<ManagedLeg> out = new ArrayList<>();
        for (int i = 0; i < quantities.length; i++) {
            if (quantities[i] > 0) {
                out.add(new ManagedLeg(BracketIds.legId(bracketId, i + 1), i + 1, quantities[i], targets[i], stopTicks,
                        LegStatus.WORKING));
            }
        }
        return out;
    }

    // ---- instructions ------------------------------------------------------------------------

    /** The PLACE of the current placement: limit entry, legs with their targets and stops. */
    public OrderInstruction placeOrder(long eventMicros, String reason) {
        return instruction(placeClientOrderId, OrderAction.PLACE, price(entryTicks), legOrders(legs), eventMicros, reason);
    }

    /**
     * An amendment of the working entry at the same quantity: new entry, stop and targets (by plan
     * leg number) on every leg; MODIFY with the plan's revision.
     */
    public OrderInstruction amend(int newPlanRevision, long newEntryTicks, long newStopTicks, long[] targetTicks,
                                  long eventMicros, String reason) {
        requirePhase(BracketPhase.WORKING);
        List<ManagedLeg> next = new ArrayList<>();
        for (ManagedLeg leg : legs) {
            next.add(leg.withTarget(targetTicks[leg.number() - 1]).withStop(newStopTicks));
        }
        legs = List.copyOf(next);
        entryTicks = newEntryTicks;
        planRevision = newPlanRevision;
        orderRevision = newPlanRevision;
        return instruction(BracketIds.clientOrderId(bracketId, newPlanRevision, OrderAction.MODIFY), OrderAction.MODIFY,
                price(entryTicks), legOrders(legs), eventMicros, reason);
    }

    /**
     * An amendment that changes the quantity: CANCEL the working entry and PLACE it again under the
     * same bracket id, both with the plan's revision.
     */
    public List<OrderInstruction> replace(int newPlanRevision, long newEntryTicks, long newStopTicks, int[] legQuantities,
                                          long[] targetTicks, long eventMicros, String reason) {
        requirePhase(BracketPhase.WORKING);
        String cancelId = BracketIds.clientOrderId(bracketId, newPlanRevision, OrderAction.CANCEL);
        OrderInstruction cancel = instruction(cancelId, OrderAction.CANCEL, null, List.of(), eventMicros, reason);
        replacedCancelId = cancelId;
        legs = legs(bracketId, newStopTicks, legQuantities, targetTicks);
        entryTicks = newEntryTicks;
        planRevision = newPlanRevision;
        orderRevision = newPlanRevision;
        placeClientOrderId = BracketIds.clientOrderId(bracketId, newPlanRevision, OrderAction.PLACE);
        return List.of(cancel, placeOrder(eventMicros, reason));
    }

    /** CANCEL of the working entry for a plan event (the plan's revision). */
    public OrderInstruction cancelForPlan(int newPlanRevision, long eventMicros, String reason) {
        requirePhase(BracketPhase.WORKING);
        planRevision = newPlanRevision;
        orderRevision = newPlanRevision;
        phase = BracketPhase.CANCELLING;
        return instruction(BracketIds.clientOrderId(bracketId, orderRevision, OrderAction.CANCEL), OrderAction.CANCEL,
                null, List.of(), eventMicros, reason);
    }

    /** CANCEL of the working entry issued by the engine (halt, close, loss limit). */
    public OrderInstruction cancel(long eventMicros, String reason) {
        requirePhase(BracketPhase.WORKING);
        orderRevision++;
        phase = BracketPhase.CANCELLING;
        return instruction(BracketIds.clientOrderId(bracketId, orderRevision, OrderAction.CANCEL), OrderAction.CANCEL,
                null, List.of(), eventMicros, reason);
    }

    /** FLATTEN of the open position: cancel the exit legs and close at market. */
    public OrderInstruction flatten(long eventMicros, String reason) {
        requirePhase(BracketPhase.OPEN);
        orderRevision++;
        phase = BracketPhase.FLATTENING;
        return instruction(BracketIds.clientOrderId(bracketId, orderRevision, OrderAction.FLATTEN), OrderAction.FLATTEN,
                null, List.of(), eventMicros, reason);
    }

    /**
     * Moves the stops of the working legs to {@code newStopTicks} where that is in the position's
     * favour (higher for a long, lower for a short); a stop is never loosened. Empty when no stop moves.
     */
    public Optional<OrderInstruction> tightenStops(long newStopTicks, long eventMicros, String reason) {
        if (phase != BracketPhase.OPEN) {
            return Optional.empty();
        }
        List<ManagedLeg> next = new ArrayList<>();
        List<ManagedLeg> changed = new ArrayList<>();
        for (ManagedLeg leg : legs) {
            if (leg.working() && (newStopTicks - leg.stopTicks()) * side.sign() > 0) {
                ManagedLeg moved = leg.withStop(newStopTicks);
                next.add(moved);
                changed.add(moved);
            } else {
                next.add(leg);
            }
        }
        return modify(next, changed, eventMicros, reason);
    }

    /** After T1: the remaining stops to break-even, the average entry (rounded towards the position's favour). */
    public Optional<OrderInstruction> breakEven(long eventMicros) {
        if (ledger.averageEntryTicks() == null) {
            return Optional.empty();
        }
        long be = ledger.averageEntryTicks().setScale(0, side == Side.BUY ? RoundingMode.CEILING : RoundingMode.FLOOR)
                .longValueExact();
        return tightenStops(be, eventMicros, "T1 filled: stops to break-even " + price(be));
    }

    /**
     * Moves each working leg's target to its level's new price ({@code targetTicks} by plan leg
     * number); a target that would not lie beyond the leg's stop is left where it is.
     */
    public Optional<OrderInstruction> moveTargets(Map<Integer, Long> targetTicks, long eventMicros) {
        if (phase != BracketPhase.OPEN) {
            return Optional.empty();
        }
        List<ManagedLeg> next = new ArrayList<>();
        List<ManagedLeg> changed = new ArrayList<>();
        for (ManagedLeg leg : legs) {
            Long target = targetTicks.get(leg.number());
            if (leg.working() && target != null && target != leg.targetTicks()
                    && (target - leg.stopTicks()) * side.sign() > 0) {
                ManagedLeg moved = leg.withTarget(target);
                next.add(moved);
                changed.add(moved);
            } else {
                next.add(leg);
            }
        }
        return modify(next, changed, eventMicros, "targets moved with their levels");
    }

    private Optional<OrderInstruction> modify(List<ManagedLeg> next, List<ManagedLeg> changed, long eventMicros,
                                              String reason) {
        if (changed.isEmpty()) {
            return Optional.empty();
        }
        legs = List.copyOf(next);
        orderRevision++;
        return Optional.of(instruction(BracketIds.clientOrderId(bracketId, orderRevision, OrderAction.MODIFY),
                OrderAction.MODIFY, null, legOrders(changed), eventMicros, reason));
    }

    // ---- feedback ----------------------------------------------------------------------------

    /** Applies an execution report of this bracket (each report id once). */
    public BracketFeedback onReport(ExecutionEvent report) {
        if (!appliedReports.add(report.reportId())) {
            return BracketFeedback.NONE;
        }
        TickGrid grid = new TickGrid(tickSize);
        switch (report.execType()) {
            case FILLED, PARTIALLY_FILLED -> {
                long ticks = grid.ticks(report.fillPrice());
                int q = report.fillQuantity();
                if (report.role() == OrderRole.ENTRY) {
                    return entryFill(ticks, q, report.eventMicros());
                }
                List<OrderInstruction> orders = new ArrayList<>();
                if (report.role() == OrderRole.FLATTEN) {
                    ledger.exit(ticks, q, entryTicks);
                    legs = legs.stream().map(l -> l.working() ? l.with(LegStatus.FLATTENED) : l).toList();
                } else {
                    ManagedLeg leg = leg(report.legId());
                    if (leg == null || !leg.working()) {
                        return BracketFeedback.NONE;
                    }
                    ledger.exit(ticks, q, entryTicks);
                    boolean target = report.role() == OrderRole.TARGET;
                    replaceLeg(leg.with(target ? LegStatus.TARGET_FILLED : LegStatus.STOPPED));
                    if (target && leg.number() == 1) {
                        breakEven(report.eventMicros()).ifPresent(orders::add);
                    }
                }
                return new BracketFeedback(orders, false, ledger.closedByReports());
            }
            case CANCELLED -> {
                boolean entryCancelled = report.role() == OrderRole.ENTRY && ledger.filledQuantity() == 0
                        && !report.clientOrderId().equals(replacedCancelId) && phase != BracketPhase.OPEN;
                return new BracketFeedback(List.of(), false, entryCancelled);
            }
            case REJECTED -> {
                if (report.clientOrderId().equals(placeClientOrderId) && ledger.filledQuantity() == 0 && phase != BracketPhase.OPEN) {
                    return new BracketFeedback(List.of(), false, true);
                }
                if (phase == BracketPhase.FLATTENING && report.clientOrderId()
                        .equals(BracketIds.clientOrderId(bracketId, orderRevision, OrderAction.FLATTEN))) {
                    phase = BracketPhase.OPEN;
                }
                return BracketFeedback.NONE;
            }
            default -> {
                return BracketFeedback.NONE;
            }
        }
    }

    private BracketFeedback entryFill(long ticks, int q, long eventMicros) {
        ledger.entryFill(ticks, q);
        boolean opened = phase == BracketPhase.WORKING || phase == BracketPhase.CANCELLING;
        if (opened) {
            phase = BracketPhase.OPEN;
            openedMicros = eventMicros;
        }
        return new BracketFeedback(List.of(), opened, false);
    }

    /** Applies the cumulative state of this bracket's position from exec.positions. */
    public BracketFeedback onPosition(PositionUpdate position) {
        boolean opened = false;
        if (phase == BracketPhase.WORKING || phase == BracketPhase.CANCELLING) {
            phase = BracketPhase.OPEN;
            openedMicros = position.openedMicros();
            opened = true;
            ledger.seedAverageFromPosition(position.averageEntryPrice(), tickSize);
        }
        int entered = position.status() == PositionStatus.CLOSED
                ? Math.max(ledger.filledQuantity(), quantity())
                : Math.max(ledger.filledQuantity(), position.quantity());
        ledger.position(entered - position.quantity(), position.realizedTicks());
        return new BracketFeedback(List.of(), opened, position.status() == PositionStatus.CLOSED);
    }

    // ---- P&L ---------------------------------------------------------------------------------

    /** Realized ticks x contracts so far, from whichever feed has seen more exits. */
    public BigDecimal realizedTicks() {
        return ledger.realizedTicks();
    }

    /** Realized ticks x contracts since the start of the current trading day. */
    public BigDecimal realizedTicksToday() {
        return realizedTicks().subtract(ledger.baselineTicks());
    }

    /** Realized money since the start of the trading day: ticks x tick value. */
    public BigDecimal realizedPnlToday() {
        return realizedTicksToday().multiply(tickValue);
    }

    /** A new trading day: what was realized so far belongs to the previous one. */
    public void rollDay() {
        ledger.rollDay();
    }

    // ---- views -------------------------------------------------------------------------------

    private ManagedLeg leg(String legId) {
        for (ManagedLeg leg : legs) {
            if (leg.legId().equals(legId)) {
                return leg;
            }
        }
        return null;
    }

    private void replaceLeg(ManagedLeg leg) {
        List<ManagedLeg> next = new ArrayList<>();
        for (ManagedLeg l : legs) {
            next.add(l.legId().equals(leg.legId()) ? leg : l);
        }
        legs = List.copyOf(next);
    }

    private void requirePhase(BracketPhase expected) {
        if (phase != expected) {
            throw new IllegalStateException("bracket " + bracketId + " is " + phase + ", not " + expected);
        }
    }

    private OrderInstruction instruction(String clientOrderId, OrderAction action, Double entryPrice,
                                         List<BracketLegOrder> legOrders, long eventMicros, String reason) {
        return new OrderInstruction(clientOrderId, bracketId, account, instrument, planId, action, side, OrderType.LIMIT,
                quantity(), entryPrice, legOrders, eventMicros, reason);
    }

    private List<BracketLegOrder> legOrders(List<ManagedLeg> of) {
        return of.stream().map(l -> new BracketLegOrder(l.legId(), l.quantity(), price(l.targetTicks()),
                price(l.stopTicks()))).toList();
    }

    private double price(long ticks) {
        return new TickGrid(tickSize).price(ticks);
    }

    /** Total contracts of the placement (sum of the legs). */
    public int quantity() {
        return legs.stream().mapToInt(ManagedLeg::quantity).sum();
    }

    /** Contracts open now by the reports (entry fills minus exits). */
    public int openQuantity() {
        return ledger.filledQuantity() - ledger.exitedQuantity();
    }

    /** Entry not filled and not being cancelled. */
    public boolean isWorking() {
        return phase == BracketPhase.WORKING;
    }

    /** Entry filled: an open (possibly flattening) position. */
    public boolean isOpen() {
        return phase == BracketPhase.OPEN || phase == BracketPhase.FLATTENING;
    }

    /** Side of the position the bracket holds or would open. */
    public PositionSide positionSide() {
        return side.position();
    }

    /** Notional of the placement: quantity x entry ticks x tick value (= price x tick value / tick size). */
    public BigDecimal notional() {
        return BigDecimal.valueOf(entryTicks).multiply(tickValue).multiply(BigDecimal.valueOf(quantity()));
    }

    public String account() {
        return account;
    }

    public String bracketId() {
        return bracketId;
    }

    public String planId() {
        return planId;
    }

    public String instrument() {
        return instrument;
    }

    public Side side() {
        return side;
    }

    public double tickSize() {
        return tickSize;
    }

    public BigDecimal tickValue() {
        return tickValue;
    }

    public int planRevision() {
        return planRevision;
    }

    public int orderRevision() {
        return orderRevision;
    }

    public String placeClientOrderId() {
        return placeClientOrderId;
    }

    /** The CANCEL that preceded the current placement when an amendment replaced it, else null. */
    public String replacedCancelId() {
        return replacedCancelId;
    }

    public BracketPhase phase() {
        return phase;
    }

    public long entryTicks() {
        return entryTicks;
    }

    public List<ManagedLeg> legs() {
        return legs;
    }

    /** Time of the first entry fill, UTC micros; Long.MIN_VALUE while working. */
    public long openedMicros() {
        return openedMicros;
    }

    /** Fills and realized P&L. */
    public BracketLedger ledger() {
        return ledger;
    }

    public SortedSet<String> appliedReports() {
        return Collections.unmodifiableSortedSet(appliedReports);
    }
}
