package io.liquidityengine.dtc.message;

/**
 * DTC {@code s_HistoricalPriceDataReject}: type 802 ({@link MessageType#HISTORICAL_PRICE_DATA_REJECT}), 108 bytes in binary encoding.
 *
 * <p>{@link #defaults()} is the header's default-constructed struct; {@link #builder()} starts from it.
 *
 * @param requestId          {@code RequestID}, int32
 * @param rejectText         {@code RejectText}, char[96], at most 95 bytes of UTF-8
 * @param rejectReasonCode   {@code RejectReasonCode}, int16, see {@link HistoricalPriceDataRejectReason}
 * @param retryTimeInSeconds {@code RetryTimeInSeconds}, uint16
 */
public record HistoricalPriceDataReject(
        int requestId,
        String rejectText,
        int rejectReasonCode,
        int retryTimeInSeconds) implements DtcMessage {

    public static final int TYPE = MessageType.HISTORICAL_PRICE_DATA_REJECT;

    private static final HistoricalPriceDataReject DEFAULTS = new HistoricalPriceDataReject(0, "", 0, 0);

    /** The struct as the header's constructor leaves it ({@code Clear()}). */
    public static HistoricalPriceDataReject defaults() {
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

    /** Mutable builder for {@link HistoricalPriceDataReject}; every setter returns {@code this}. */
    public static final class Builder {
        private int requestId;
        private String rejectText;
        private int rejectReasonCode;
        private int retryTimeInSeconds;

        private Builder(HistoricalPriceDataReject m) {
            requestId = m.requestId;
            rejectText = m.rejectText;
            rejectReasonCode = m.rejectReasonCode;
            retryTimeInSeconds = m.retryTimeInSeconds;
        }

        public Builder requestId(int requestId) {
            this.requestId = requestId;
            return this;
        }

        public Builder rejectText(String rejectText) {
            this.rejectText = rejectText;
            return this;
        }

        public Builder rejectReasonCode(int rejectReasonCode) {
            this.rejectReasonCode = rejectReasonCode;
            return this;
        }

        public Builder retryTimeInSeconds(int retryTimeInSeconds) {
            this.retryTimeInSeconds = retryTimeInSeconds;
            return this;
        }

        public HistoricalPriceDataReject build() {
            return new HistoricalPriceDataReject(requestId, rejectText, rejectReasonCode, retryTimeInSeconds);
        }
    }
}
