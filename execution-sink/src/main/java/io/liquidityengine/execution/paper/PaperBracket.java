package io.liquidityengine.execution.paper;

import io.liquidityengine.execution.broker.EntryType;
import io.liquidityengine.execution.broker.InstrumentSpec;
import io.liquidityengine.execution.broker.Side;
import java.math.BigDecimal;
import java.util.List;

/**
 * A bracket working at the paper broker (immutable; the broker replaces it on every change and
 * snapshots the list). {@code entryTicks} is null for MARKET; {@code entryFillTicks} is set once the
 * entry filled; {@code flattenClientOrderId} is set while a flatten waits for the next trade.
 */
public record PaperBracket(String clientOrderId, String bracketId, String account, InstrumentSpec instrument, Side side,
                           EntryType entryType, BigDecimal quantity, Long entryTicks, long placedMicros, boolean entryFilled,
                           Long entryFillTicks, List<PaperLeg> legs, String flattenClientOrderId) {

    public PaperBracket {
        legs = List.copyOf(legs);
    }

    PaperBracket withEntry(Long newEntryTicks) {
        return new PaperBracket(clientOrderId, bracketId, account, instrument, side, entryType, quantity, newEntryTicks, placedMicros,
                entryFilled, entryFillTicks, legs, flattenClientOrderId);
    }

    PaperBracket filled(long fillTicks) {
        return new PaperBracket(clientOrderId, bracketId, account, instrument, side, entryType, quantity, entryTicks, placedMicros,
                true, fillTicks, legs, flattenClientOrderId);
    }

    PaperBracket withLegs(List<PaperLeg> newLegs) {
        return new PaperBracket(clientOrderId, bracketId, account, instrument, side, entryType, quantity, entryTicks, placedMicros,
                entryFilled, entryFillTicks, newLegs, flattenClientOrderId);
    }

    PaperBracket flattening(String flattenId, List<PaperLeg> newLegs) {
        return new PaperBracket(clientOrderId, bracketId, account, instrument, side, entryType, quantity, entryTicks, placedMicros,
                entryFilled, entryFillTicks, newLegs, flattenId);
    }

    boolean done() {
        return entryFilled && legs.stream().noneMatch(l -> l.status() == PaperLeg.Status.WORKING) && flattenClientOrderId == null;
    }
}
