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
}
