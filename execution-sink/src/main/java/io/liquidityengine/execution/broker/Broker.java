package io.liquidityengine.execution.broker;

import java.util.function.Consumer;

/**
 * A venue the sink routes orders to. Each call answers with zero or more events on the listener
 * given at construction ({@link BrokerEvent}); the sink guarantees a client order id reaches a
 * broker at most once. Implementations: {@link io.liquidityengine.execution.paper.PaperBroker};
 * Sierra Chart DTC and exchange REST follow the same shape (events may then arrive later, from the
 * transport, and are handed to the same listener).
 */
public interface Broker {

    void place(PlaceBracket order);

    void modify(ModifyBracket order);

    void cancel(CancelBracket order);

    void flatten(FlattenBracket order);

    /** A listener that collects nothing; for brokers built before the sink wires them. */
    Consumer<BrokerEvent> IGNORE = e -> { };
}
