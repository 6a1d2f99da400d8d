package io.liquidityengine.topology.domain.position;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The state of a position after a fill, from exec.positions (mirrors execution Position).
 *
 * @param positionId    the bracket id that opened it
 * @param quantity      open contracts, 0 when closed
 * @param realizedTicks realized result in ticks x contracts, summed over the exits so far
 * @param realizedPnl   realizedTicks x tick value, currency, before commission
 */
public record PositionUpdate(String positionId, String account, String instrument, PositionStatus status, Side side,
                             int quantity, double averageEntryPrice, long realizedTicks, BigDecimal realizedPnl,
                             BigDecimal commission, String currency, long openedMicros, long eventMicros) {

    public PositionUpdate {
        Objects.requireNonNull(positionId, "positionId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(side, "side");
        if (quantity < 0) {
            throw new IllegalArgumentException("quantity must be >= 0");
        }
    }
}
