package io.liquidityengine.dtc.message;

/**
 * DTC {@code s_HistoricalOrderFillsRequest}: type 303 ({@link MessageType#HISTORICAL_ORDER_FILLS_REQUEST}), 88 bytes in binary encoding.
 *
 * <p>{@link #defaults()} is the header's default-constructed struct; {@link #builder()} starts from it.
 *
 * @param requestId     {@code RequestID}, int32
 * @param serverOrderId {@code ServerOrderID}, char[32], at most 31 bytes of UTF-8
 * @param numberOfDays  {@code NumberOfDays}, int32
 * @param tradeAccount  {@code TradeAccount}, char[32], at most 31 bytes of UTF-8
 * @param startDateTime {@code StartDateTime}, UNIX time in seconds (int64)
 */
public record HistoricalOrderFillsRequest(
        int requestId,
        String serverOrderId,
        int numberOfDays,
        String tradeAccount,
        long startDateTime) implements DtcMessage {

    public static final int TYPE = MessageType.HISTORICAL_ORDER_FILLS_REQUEST;

    private static final HistoricalOrderFillsRequest DEFAULTS = new HistoricalOrderFillsRequest(0, "", 0, "", 0L);

    /** The struct as the header's constructor leaves it ({@code Clear()}). */
    public static HistoricalOrderFillsRequest defaults() {
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

    /** Mutable builder for {@link HistoricalOrderFillsRequest}; every setter returns {@code this}. */
    public static final class Builder {
        private int requestId;
        private String serverOrderId;
        private int numberOfDays;
        private String tradeAccount;
        private long startDateTime;

        private Builder(HistoricalOrderFillsRequest m) {
            requestId = m.requestId;
            serverOrderId = m.serverOrderId;
            numberOfDays = m.numberOfDays;
            tradeAccount = m.tradeAccount;
            startDateTime = m.startDateTime;
        }

        public Builder requestId(int requestId) {
            this.requestId = requestId;
            return this;
        }

        public Builder serverOrderId(String serverOrderId) {
            this.serverOrderId = serverOrderId;
            return this;
        }

        public Builder numberOfDays(int numberOfDays) {
            this.numberOfDays = numberOfDays;
            return this;
        }

        public Builder tradeAccount(String tradeAccount) {
            this.tradeAccount = tradeAccount;
            return this;
        }

        public Builder startDateTime(long startDateTime) {
            this.startDateTime = startDateTime;
            return this;
        }

        public HistoricalOrderFillsRequest build() {
            return new HistoricalOrderFillsRequest(requestId, serverOrderId, numberOfDays, tradeAccount, startDateTime);
        }
    }
}
