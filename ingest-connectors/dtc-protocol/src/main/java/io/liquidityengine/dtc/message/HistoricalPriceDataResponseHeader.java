package io.liquidityengine.dtc.message;

/**
 * DTC {@code s_HistoricalPriceDataResponseHeader}: type 801 ({@link MessageType#HISTORICAL_PRICE_DATA_RESPONSE_HEADER}), 20 bytes in binary encoding.
 *
 * <p>{@link #defaults()} is the header's default-constructed struct; {@link #builder()} starts from it.
 *
 * @param requestId              {@code RequestID}, int32
 * @param recordInterval         {@code RecordInterval}, int32, see {@link HistoricalDataInterval}
 * @param useZLibCompression     {@code UseZLibCompression}, uint8
 * @param noRecordsToReturn      {@code NoRecordsToReturn}, uint8
 * @param intToFloatPriceDivisor {@code IntToFloatPriceDivisor}, float
 */
public record HistoricalPriceDataResponseHeader(
        int requestId,
        int recordInterval,
        int useZLibCompression,
        int noRecordsToReturn,
        float intToFloatPriceDivisor) implements DtcMessage {

    public static final int TYPE = MessageType.HISTORICAL_PRICE_DATA_RESPONSE_HEADER;

    private static final HistoricalPriceDataResponseHeader DEFAULTS = new HistoricalPriceDataResponseHeader(0, 0, 0, 0, 0.0f);

    /** The struct as the header's constructor leaves it ({@code Clear()}). */
    public static HistoricalPriceDataResponseHeader defaults() {
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

    /** Mutable builder for {@link HistoricalPriceDataResponseHeader}; every setter returns {@code this}. */
    public static final class Builder {
        private int requestId;
        private int recordInterval;
        private int useZLibCompression;
        private int noRecordsToReturn;
        private float intToFloatPriceDivisor;

        private Builder(HistoricalPriceDataResponseHeader m) {
            requestId = m.requestId;
            recordInterval = m.recordInterval;
            useZLibCompression = m.useZLibCompression;
            noRecordsToReturn = m.noRecordsToReturn;
            intToFloatPriceDivisor = m.intToFloatPriceDivisor;
        }

        public Builder requestId(int requestId) {
            this.requestId = requestId;
            return this;
        }

        public Builder recordInterval(int recordInterval) {
            this.recordInterval = recordInterval;
            return this;
        }

        public Builder useZLibCompression(int useZLibCompression) {
            this.useZLibCompression = useZLibCompression;
            return this;
        }

        public Builder noRecordsToReturn(int noRecordsToReturn) {
            this.noRecordsToReturn = noRecordsToReturn;
            return this;
        }

        public Builder intToFloatPriceDivisor(float intToFloatPriceDivisor) {
            this.intToFloatPriceDivisor = intToFloatPriceDivisor;
            return this;
        }

        public HistoricalPriceDataResponseHeader build() {
            return new HistoricalPriceDataResponseHeader(requestId, recordInterval, useZLibCompression, noRecordsToReturn, intToFloatPriceDivisor);
        }
    }
}
