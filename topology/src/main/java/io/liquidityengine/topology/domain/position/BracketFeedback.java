package io.liquidityengine.topology.domain.position;

import java.util.List;

/**
 * What a report or position update did to a managed bracket.
 *
 * @param orders   instructions it triggers (the break-even MODIFY after T1)
 * @param opened   the entry filled for the first time (bracket -> position)
 * @param finished the bracket is done (position closed, entry cancelled or placement rejected)
 */
public record BracketFeedback(List<OrderInstruction> orders, boolean opened, boolean finished) {

    public static final BracketFeedback NONE = new BracketFeedback(List.of(), false, false);

    public BracketFeedback {
        orders = List.copyOf(orders);
    }
}
