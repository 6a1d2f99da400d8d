package io.liquidityengine.dtc.message;

/**
 * DTC {@code s_OpenOrdersRequest}: type 300 ({@link MessageType#OPEN_ORDERS_REQUEST}), 76 bytes in binary encoding.
 *
 * <p>{@link #defaults()} is the header's default-constructed struct; {@link #builder()} starts from it.
 *
 * @param requestId        {@code RequestID}, int32
 * @param requestAllOrders {@code RequestAllOrders}, int32, default 1
 * @param serverOrderId    {@code ServerOrderID}, char[32], at most 31 bytes of UTF-8
 * @param tradeAccount     {@code TradeAccount}, char[32], at most 31 bytes of UTF-8
 */
public record OpenOrdersRequest(
        int requestId,
        int requestAllOrders,
        String serverOrderId,
        String tradeAccount) implements DtcMessage {

    public static final int TYPE = MessageType.OPEN_ORDERS_REQUEST;

    private static final OpenOrdersRequest DEFAULTS = new OpenOrdersRequest(0, 1, "", "");

    /** The struct as the header's constructor leaves it ({@code Clear()}). */
    public static OpenOrdersRequest defaults() {
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

    /** Mutable builder for {@link OpenOrdersRequest}; every setter returns {@code this}. */
    public static final class Builder {
        private int requestId;
        private int requestAllOrders;
        private String serverOrderId;
        private String tradeAccount;

        private Builder(OpenOrdersRequest m) {
            requestId = m.requestId;
            requestAllOrders = m.requestAllOrders;
            serverOrderId = m.serverOrderId;
            tradeAccount = m.tradeAccount;
        }

        public Builder requestId(int requestId) {
            this.requestId = requestId;
            return this;
        }

        public Builder requestAllOrders(int requestAllOrders) {
            this.requestAllOrders = requestAllOrders;
            return this;
        }

        public Builder serverOrderId(String serverOrderId) {
            this.serverOrderId = serverOrderId;
            return this;
        }

        public Builder tradeAccount(String tradeAccount) {
            this.tradeAccount = tradeAccount;
            return this;
        }

        public OpenOrdersRequest build() {
            return new OpenOrdersRequest(requestId, requestAllOrders, serverOrderId, tradeAccount);
        }
    }
}
