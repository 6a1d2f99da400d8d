package io.liquidityengine.dtc.message;

/**
 * DTC {@code s_HistoricalPriceDataRequest}: type 800 ({@link MessageType#HISTORICAL_PRICE_DATA_REQUEST}), 120 bytes in binary encoding.
 *
 * <p>{@link #defaults()} is the header's default-constructed struct; {@link #builder()} starts from it.
 *
 * @param requestId                        {@code RequestID}, int32
 * @param symbol                           {@code Symbol}, char[64], at most 63 bytes of UTF-8
 * @param exchange                         {@code Exchange}, char[16], at most 15 bytes of UTF-8
 * @param recordInterval                   {@code RecordInterval}, int32, see {@link HistoricalDataInterval}
 * @param startDateTime                    {@code StartDateTime}, UNIX time in seconds (int64)
 * @param endDateTime                      {@code EndDateTime}, UNIX time in seconds (int64)
 * @param maxDaysToReturn                  {@code MaxDaysToReturn}, uint32
 * @param useZLibCompression               {@code UseZLibCompression}, uint8
 * @param requestDividendAdjustedStockData {@code RequestDividendAdjustedStockData}, uint8
 * @param integer_1                        {@code Integer_1}, uint16
 */
public record HistoricalPriceDataRequest(
        int requestId,
        String symbol,
        String exchange,
        int recordInterval,
        long startDateTime,
        long endDateTime,
        long maxDaysToReturn,
        int useZLibCompression,
        int requestDividendAdjustedStockData,
        int integer_1) implements DtcMessage {

    public static final int TYPE = MessageType.HISTORICAL_PRICE_DATA_REQUEST;

    private static final HistoricalPriceDataRequest DEFAULTS = new HistoricalPriceDataRequest(0, "", "", 0, 0L, 0L, 0L, 0, 0, 0);

    /** The struct as the header's constructor leaves it ({@code Clear()}). */
    public static HistoricalPriceDataRequest defaults() {
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

    /** Mutable builder for {@link HistoricalPriceDataRequest}; every setter returns {@code this}. */
    public static final class Builder {
        private int requestId;
        private String symbol;
        private String exchange;
        private int recordInterval;
        private long startDateTime;
        private long endDateTime;
        private long maxDaysToReturn;
        private int useZLibCompression;
        private int requestDividendAdjustedStockData;
        private int integer_1;

        private Builder(HistoricalPriceDataRequest m) {
            requestId = m.requestId;
            symbol = m.symbol;
            exchange = m.exchange;
            recordInterval = m.recordInterval;
            startDateTime = m.startDateTime;
            endDateTime = m.endDateTime;
            maxDaysToReturn = m.maxDaysToReturn;
            useZLibCompression = m.useZLibCompression;
            requestDividendAdjustedStockData = m.requestDividendAdjustedStockData;
            integer_1 = m.integer_1;
        }

        public Builder requestId(int requestId) {
            this.requestId = requestId;
            return this;
        }

        public Builder symbol(String symbol) {
            this.symbol = symbol;
            return this;
        }

        public Builder exchange(String exchange) {
            this.exchange = exchange;
            return this;
        }

        public Builder recordInterval(int recordInterval) {
            this.recordInterval = recordInterval;
            return this;
        }

        public Builder startDateTime(long startDateTime) {
            this.startDateTime = startDateTime;
            return this;
        }

        public Builder endDateTime(long endDateTime) {
            this.endDateTime = endDateTime;
            return this;
        }

        public Builder maxDaysToReturn(long maxDaysToReturn) {
            this.maxDaysToReturn = maxDaysToReturn;
            return this;
        }

        public Builder useZLibCompression(int useZLibCompression) {
            this.useZLibCompression = useZLibCompression;
            return this;
        }

        public Builder requestDividendAdjustedStockData(int requestDividendAdjustedStockData) {
            this.requestDividendAdjustedStockData = requestDividendAdjustedStockData;
            return this;
        }

        public Builder integer_1(int integer_1) {
            this.integer_1 = integer_1;
            return this;
        }

        public HistoricalPriceDataRequest build() {
            return new HistoricalPriceDataRequest(requestId, symbol, exchange, recordInterval, startDateTime, endDateTime, maxDaysToReturn, useZLibCompression, requestDividendAdjustedStockData, integer_1);
        }
    }
}
