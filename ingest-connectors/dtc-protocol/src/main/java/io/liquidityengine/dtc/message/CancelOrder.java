package io.liquidityengine.dtc.message;

/**
 * DTC {@code s_CancelOrder}: type 203 ({@link MessageType#CANCEL_ORDER}), 100 bytes in binary encoding.
 *
 * <p>{@link #defaults()} is the header's default-constructed struct; {@link #builder()} starts from it.
 *
 * @param serverOrderId {@code ServerOrderID}, char[32], at most 31 bytes of UTF-8
 * @param clientOrderId {@code ClientOrderID}, char[32], at most 31 bytes of UTF-8
 * @param tradeAccount  {@code TradeAccount}, char[32], at most 31 bytes of UTF-8
 */
public record CancelOrder(
        String serverOrderId,
        String clientOrderId,
        String tradeAccount) implements DtcMessage {

    public static final int TYPE = MessageType.CANCEL_ORDER;

    private static final CancelOrder DEFAULTS = new CancelOrder("", "", "");

    /** The struct as the header's constructor leaves it ({@code Clear()}). */
    public static CancelOrder defaults() {
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

    /** Mutable builder for {@link CancelOrder}; every setter returns {@code this}. */
    public static final class Builder {
        private String serverOrderId;
        private String clientOrderId;
        private String tradeAccount;

        private Builder(CancelOrder m) {
            serverOrderId = m.serverOrderId;
            clientOrderId = m.clientOrderId;
            tradeAccount = m.tradeAccount;
        }

        public Builder serverOrderId(String serverOrderId) {
            this.serverOrderId = serverOrderId;
            return this;
        }

        public Builder clientOrderId(String clientOrderId) {
            this.clientOrderId = clientOrderId;
            return this;
        }

        public Builder tradeAccount(String tradeAccount) {
            this.tradeAccount = tradeAccount;
            return this;
        }

        public CancelOrder build() {
            return new CancelOrder(serverOrderId, clientOrderId, tradeAccount);
        }
    }
}
