package io.liquidityengine.execution.broker;

import java.math.BigDecimal;

/**
 * What a broker reports back. {@code clientOrderId} is the instruction the event answers: the
 * bracket's PLACE for entry and leg fills, the MODIFY, CANCEL or FLATTEN otherwise. {@code legId} is
 * null for the entry and for flatten fills. Times are broker time (market event time for the paper
 * broker), UTC microseconds.
 */
public sealed interface BrokerEvent {

    String clientOrderId();

    String bracketId();

    long eventTimeMicros();

    record Accepted(String clientOrderId, String bracketId, long eventTimeMicros) implements BrokerEvent {
    }

    record Modified(String clientOrderId, String bracketId, OrderRole role, String legId, BigDecimal price, String text,
                    long eventTimeMicros) implements BrokerEvent {
    }

    /** A fill of {@code quantity} at {@code price}; {@code commission} is charged for this fill, in the instrument's currency. */
    record Filled(String clientOrderId, String bracketId, OrderRole role, String legId, Side side, BigDecimal price,
                  BigDecimal quantity, BigDecimal commission, long eventTimeMicros) implements BrokerEvent {
    }

    record Cancelled(String clientOrderId, String bracketId, OrderRole role, String legId, String text, long eventTimeMicros)
            implements BrokerEvent {
    }

    record Rejected(String clientOrderId, String bracketId, String text, long eventTimeMicros) implements BrokerEvent {
    }

    /**
     * What a broker's reconciliation found between the sink's view and the venue's (not an order's
     * answer): an order of an active bracket the venue does not know ({@code ORDER_UNKNOWN_AT_VENUE}:
     * the sink reports the bracket REJECTED with the text and drops it), an order at the venue the sink
     * never sent ({@code FOREIGN_ORDER}: logged and counted, left alone), or a position at the venue
     * that differs from the sink's ({@code POSITION_MISMATCH}: the sink publishes a HALT for the account
     * on control.commands). {@code clientOrderId}/{@code bracketId} may be null.
     */
    record Discrepancy(String clientOrderId, String bracketId, String account, Kind kind, String instrument, String text,
                       long eventTimeMicros) implements BrokerEvent {
        public enum Kind { ORDER_UNKNOWN_AT_VENUE, FOREIGN_ORDER, POSITION_MISMATCH }
    }
}
