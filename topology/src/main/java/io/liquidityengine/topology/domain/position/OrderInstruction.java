package io.liquidityengine.topology.domain.position;

import java.util.List;
import java.util.Objects;

/**
 * An order instruction for exec.orders (mirrors execution Order one-to-one).
 *
 * @param clientOrderId {@code <bracketId>:<revision>:<action>}, deterministic
 * @param bracketId     {@code <account>:<planId>}
 * @param planId        plan the bracket comes from
 * @param side          side of the entry (the legs exit on the other side)
 * @param entryType     type of the parent entry (LIMIT for plan brackets)
 * @param quantity      total entry quantity, contracts (sum of the legs for PLACE)
 * @param entryPrice    limit entry price for PLACE and for a MODIFY of a working entry; null otherwise
 * @param legs          exit legs for PLACE and MODIFY; empty for CANCEL and FLATTEN
 * @param eventMicros   event time of the decision that produced it, UTC micros
 * @param reason        why it was issued, one line
 */
public record OrderInstruction(String clientOrderId, String bracketId, String account, String instrument, String planId,
                               OrderAction action, Side side, OrderType entryType, int quantity, Double entryPrice,
                               List<BracketLegOrder> legs, long eventMicros, String reason) {

    public OrderInstruction {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(bracketId, "bracketId");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(entryType, "entryType");
        Objects.requireNonNull(reason, "reason");
        legs = List.copyOf(legs);
        if (action == OrderAction.PLACE && legs.stream().mapToInt(BracketLegOrder::quantity).sum() != quantity) {
            throw new IllegalArgumentException("leg quantities must add up to the order quantity " + quantity);
        }
    }
}
