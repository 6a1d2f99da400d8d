package io.liquidityengine.dtc.message;

/**
 * DTC {@code s_TradeAccountsRequest}: type 400 ({@link MessageType#TRADE_ACCOUNTS_REQUEST}), 8 bytes in binary encoding.
 *
 * <p>{@link #defaults()} is the header's default-constructed struct; {@link #builder()} starts from it.
 *
 * @param requestId {@code RequestID}, int32
 */
public record TradeAccountsRequest(
        int requestId) implements DtcMessage {

    public static final int TYPE = MessageType.TRADE_ACCOUNTS_REQUEST;

    private static final TradeAccountsRequest DEFAULTS = new TradeAccountsRequest(0);

    /** The struct as the header's constructor leaves it ({@code Clear()}). */
    public static TradeAccountsRequest defaults() {
        return DEFAULTS;
    }

    /** A builder holding {@link #defaults()}. */
    public static Builder builder() {
        return new Builder(DEFAULTS);
    }

    /** A builder holding this message's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    @Override
    public int type() {
        return TYPE;
    }

    /** Mutable builder for {@link TradeAccountsRequest}; every setter returns {@code this}. */
    public static final class Builder {
        private int requestId;

        private Builder(TradeAccountsRequest m) {
            requestId = m.requestId;
        }

        public Builder requestId(int requestId) {
            this.requestId = requestId;
            return this;
        }

        public TradeAccountsRequest build() {
            return new TradeAccountsRequest(requestId);
        }
    }
}
