package io.liquidityengine.execution.sink;

import io.liquidityengine.schemas.deadletter.DeadLetterReason;

/** An order that must not reach a broker, with the dead-letter reason. */
public final class InvalidOrderException extends Exception {

    private final DeadLetterReason reason;

    public InvalidOrderException(DeadLetterReason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public DeadLetterReason reason() {
        return reason;
    }
}
