package io.liquidityengine.dtc.message;

/**
 * DTC {@code s_TradeAccountResponse}: type 401 ({@link MessageType#TRADE_ACCOUNT_RESPONSE}), 48 bytes in binary encoding.
 *
 * <p>{@link #defaults()} is the header's default-constructed struct; {@link #builder()} starts from it.
 *
 * @param totalNumberMessages {@code TotalNumberMessages}, int32
 * @param messageNumber       {@code MessageNumber}, int32
 * @param tradeAccount        {@code TradeAccount}, char[32], at most 31 bytes of UTF-8
 * @param requestId           {@code RequestID}, int32
 */
public record TradeAccountResponse(
        int totalNumberMessages,
        int messageNumber,
        String tradeAccount,
        int requestId) implements DtcMessage {

    public static final int TYPE = MessageType.TRADE_ACCOUNT_RESPONSE;

    private static final TradeAccountResponse DEFAULTS = new TradeAccountResponse(0, 0, "", 0);

    /** The struct as the header's constructor leaves it ({@code Clear()}). */
    public static TradeAccountResponse defaults() {
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

    /** Mutable builder for {@link TradeAccountResponse}; every setter returns {@code this}. */
    public static final class Builder {
        private int totalNumberMessages;
        private int messageNumber;
        private String tradeAccount;
        private int requestId;

        private Builder(TradeAccountResponse m) {
            totalNumberMessages = m.totalNumberMessages;
            messageNumber = m.messageNumber;
            tradeAccount = m.tradeAccount;
            requestId = m.requestId;
        }

        public Builder totalNumberMessages(int totalNumberMessages) {
            this.totalNumberMessages = totalNumberMessages;
            return this;
        }

        public Builder messageNumber(int messageNumber) {
            this.messageNumber = messageNumber;
            return this;
        }

        public Builder tradeAccount(String tradeAccount) {
            this.tradeAccount = tradeAccount;
            return this;
        }

        public Builder requestId(int requestId) {
            this.requestId = requestId;
            return this;
        }

        public TradeAccountResponse build() {
            return new TradeAccountResponse(totalNumberMessages, messageNumber, tradeAccount, requestId);
        }
    }
}
