package io.liquidityengine.topology.domain.position;

import java.util.Objects;

/**
 * One OCO exit leg of a PLACE or MODIFY instruction (mirrors execution BracketLeg).
 *
 * @param legId       {@code <bracketId>:L<n>}
 * @param quantity    contracts, >= 1
 * @param targetPrice take-profit limit, instrument price units
 * @param stopPrice   stop, instrument price units (shared by the legs of a bracket until managed)
 */
public record BracketLegOrder(String legId, int quantity, double targetPrice, double stopPrice) {

    public BracketLegOrder {
        Objects.requireNonNull(legId, "legId");
        if (quantity < 1) {
            throw new IllegalArgumentException("leg quantity must be >= 1, was " + quantity);
        }
        if (!Double.isFinite(targetPrice) || !Double.isFinite(stopPrice)) {
            throw new IllegalArgumentException("leg prices must be finite");
        }
    }
}
