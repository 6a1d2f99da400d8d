package io.liquidityengine.backtest.report;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One closed round trip as the report sees it: what was traded, by which strategy, in and out, and what it
 * made. {@code pnl} is gross (ticks x tick value, before commission, as exec.positions' realizedPnl);
 * {@link #netPnl()} subtracts the commission.
 *
 * <p>A position that leaves in several exits (the reference strategy's T1/T2/T3 legs, a stop after a
 * target) is one trade: {@code quantity} is the most contracts it held, {@code exitPrice} the
 * quantity-weighted average exit price, {@code exitTime} the last exit and {@code exitReason} names the
 * exits (for instance {@code TARGET,STOP}). exec.positions alone does not carry the exits, the strategy or
 * the largest quantity: they come from the position's exit fills on exec.reports (their role and price) and
 * from the bracket id ({@code account:strategy:instrument:...}).
 *
 * @param ticks result in ticks times contracts (as exec.positions' realizedTicks)
 */
public record ClosedTrade(String instrument, String strategy, Side side, long quantity, Instant entryTime,
                          BigDecimal entryPrice, Instant exitTime, BigDecimal exitPrice, long ticks, BigDecimal pnl,
                          BigDecimal commission, String exitReason) {

    public enum Side { LONG, SHORT }

    public ClosedTrade {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(entryTime, "entryTime");
        Objects.requireNonNull(entryPrice, "entryPrice");
        Objects.requireNonNull(exitTime, "exitTime");
        Objects.requireNonNull(exitPrice, "exitPrice");
        Objects.requireNonNull(pnl, "pnl");
        Objects.requireNonNull(commission, "commission");
        Objects.requireNonNull(exitReason, "exitReason");
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive, was " + quantity);
        }
        if (exitTime.isBefore(entryTime)) {
            throw new IllegalArgumentException("exit " + exitTime + " before entry " + entryTime);
        }
        if (commission.signum() < 0) {
            throw new IllegalArgumentException("commission must be >= 0, was " + commission);
        }
    }

    /** P&L after commission. */
    public BigDecimal netPnl() {
        return pnl.subtract(commission);
    }

    public Duration duration() {
        return Duration.between(entryTime, exitTime);
    }
}
