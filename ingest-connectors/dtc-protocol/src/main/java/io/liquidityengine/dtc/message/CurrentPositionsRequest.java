package io.liquidityengine.dtc.message;

/**
 * DTC {@code s_CurrentPositionsRequest}: type 305 ({@link MessageType#CURRENT_POSITIONS_REQUEST}), 40 bytes in binary encoding.
 *
 * <p>{@link #defaults()} is the header's default-constructed struct; {@link #builder()} starts from it.
 *
 * @param requestId    {@code RequestID}, int32
 * @param tradeAccount {@code TradeAccount}, char[32], at most 31 bytes of UTF-8
 */
public record CurrentPositionsRequest(
        int requestId,
        String tradeAccount) implements DtcMessage {

    public static final int TYPE = MessageType.CURRENT_POSITIONS_REQUEST;

    private static final CurrentPositionsRequest DEFAULTS = new CurrentPositionsRequest(0, "");

    /** The struct as the header's constructor leaves it ({@code Clear()}). */
    public static CurrentPositionsRequest defaults() {
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

    /** Mutable builder for {@link CurrentPositionsRequest}; every setter returns {@code this}. */
    public static final class Builder {
        private int requestId;
        private String tradeAccount;

        private Builder(CurrentPositionsRequest m) {
            requestId = m.requestId;
            tradeAccount = m.tradeAccount;
        }

        public Builder requestId(int requestId) {
            this.requestId = requestId;
            return this;
        }

        public Builder tradeAccount(String tradeAccount) {
            this.tradeAccount = tradeAccount;
            return this;
        }

        public CurrentPositionsRequest build() {
            return new CurrentPositionsRequest(requestId, tradeAccount);
        }
    }
}
