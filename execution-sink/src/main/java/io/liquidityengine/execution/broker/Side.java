package io.liquidityengine.execution.broker;

/** Side of an order; a bracket's exits are on the opposite side of its entry. */
public enum Side {
    BUY, SELL;

    public Side opposite() {
        return this == BUY ? SELL : BUY;
    }

    /** +1 for BUY (long), -1 for SELL (short): the sign of a price move that earns money. */
    public int sign() {
        return this == BUY ? 1 : -1;
    }
}
