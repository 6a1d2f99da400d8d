package io.liquidityengine.topology.domain.position;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/**
 * The fills and realized P&L of one bracket, in whole ticks: entry fills and their average, exits
 * from exec.reports (incremental) and the cumulative view of exec.positions. The feed that has seen
 * more exited contracts wins, so the order in which the two topics arrive does not matter. What
 * realized P&L belongs to earlier trading days is kept as a baseline. Owned by its
 * {@link ManagedBracket}, which decides phases and orders.
 */
public final class BracketLedger {

    private final int sign;
    private int filledQuantity;
    private BigDecimal averageEntryTicks;
    private int exitedQuantity;
    private BigDecimal reportRealizedTicks;
    private int positionExited;
    private long positionRealizedTicks;
    private BigDecimal baselineTicks;

    /** Nothing filled yet. */
    static BracketLedger empty(Side side) {
        return new BracketLedger(side, 0, null, 0, BigDecimal.ZERO, -1, 0, BigDecimal.ZERO);
    }

    /** Full state (a restore); {@code averageEntryTicks} is null before the first entry fill. */
    public BracketLedger(Side side, int filledQuantity, BigDecimal averageEntryTicks, int exitedQuantity,
                  BigDecimal reportRealizedTicks, int positionExited, long positionRealizedTicks,
                  BigDecimal baselineTicks) {
        this.sign = side.sign();
        this.filledQuantity = filledQuantity;
        this.averageEntryTicks = averageEntryTicks;
        this.exitedQuantity = exitedQuantity;
        this.reportRealizedTicks = Objects.requireNonNull(reportRealizedTicks, "realizedTicks");
        this.positionExited = positionExited;
        this.positionRealizedTicks = positionRealizedTicks;
        this.baselineTicks = Objects.requireNonNull(baselineTicks, "baselineTicks");
    }

    /** An entry fill of {@code q} contracts at {@code ticks}: the average entry moves. */
    void entryFill(long ticks, int q) {
        BigDecimal cost = (filledQuantity == 0 ? BigDecimal.ZERO
                : averageEntryTicks.multiply(BigDecimal.valueOf(filledQuantity)))
                .add(BigDecimal.valueOf(ticks).multiply(BigDecimal.valueOf(q)));
        filledQuantity += q;
        averageEntryTicks = cost.divide(BigDecimal.valueOf(filledQuantity), MathContext.DECIMAL128).stripTrailingZeros();
    }

    /** An exit of {@code q} contracts at {@code ticks}; before any entry fill the planned entry stands in. */
    void exit(long ticks, int q, long plannedEntryTicks) {
        BigDecimal average = averageEntryTicks == null ? BigDecimal.valueOf(plannedEntryTicks) : averageEntryTicks;
        reportRealizedTicks = reportRealizedTicks.add(BigDecimal.valueOf(ticks).subtract(average)
                .multiply(BigDecimal.valueOf((long) q * sign)));
        exitedQuantity += q;
    }

    /** The average entry from a position update, when no entry fill was reported (yet). */
    void seedAverageFromPosition(double averageEntryPrice, double tickSize) {
        if (filledQuantity == 0) {
            averageEntryTicks = BigDecimal.valueOf(averageEntryPrice)
                    .divide(BigDecimal.valueOf(tickSize), MathContext.DECIMAL128).stripTrailingZeros();
        }
    }

    /** A cumulative position update: {@code exited} contracts closed so far, with their realized ticks. */
    void position(int exited, long realizedTicks) {
        if (exited > positionExited) {
            positionExited = exited;
            positionRealizedTicks = realizedTicks;
        }
    }

    boolean closedByReports() {
        return filledQuantity > 0 && exitedQuantity >= filledQuantity;
    }

    /** Realized ticks x contracts so far, from whichever feed has seen more exits. */
    public BigDecimal realizedTicks() {
        return positionExited > exitedQuantity ? BigDecimal.valueOf(positionRealizedTicks) : reportRealizedTicks;
    }

    /** A new trading day: what was realized so far belongs to the previous one. */
    void rollDay() {
        baselineTicks = realizedTicks();
    }

    /** Contracts entered. */
    public int filledQuantity() {
        return filledQuantity;
    }

    /** Average entry in ticks, null before the first entry fill. */
    public BigDecimal averageEntryTicks() {
        return averageEntryTicks;
    }

    public int exitedQuantity() {
        return exitedQuantity;
    }

    /** Realized ticks x contracts from the reports alone. */
    public BigDecimal reportRealizedTicks() {
        return reportRealizedTicks;
    }

    /** Exited contracts according to the latest position update, -1 before any. */
    public int positionExited() {
        return positionExited;
    }

    public long positionRealizedTicks() {
        return positionRealizedTicks;
    }

    /** Realized ticks x contracts of earlier trading days. */
    public BigDecimal baselineTicks() {
        return baselineTicks;
    }
}
