package io.liquidityengine.dtc.message;

/**
 * DTC {@code s_HistoricalPriceDataRecordResponse}: type 803 ({@link MessageType#HISTORICAL_PRICE_DATA_RECORD_RESPONSE}), 88 bytes in binary encoding.
 *
 * <p>{@link #defaults()} is the header's default-constructed struct; {@link #builder()} starts from it.
 *
 * @param requestId     {@code RequestID}, int32
 * @param startDateTime {@code StartDateTime}, UNIX time in microseconds (int64); the header notes that a server may send
 *                      seconds ({@code t_DateTime}) here instead: tell them apart by magnitude
 * @param openPrice     {@code OpenPrice}, double
 * @param highPrice     {@code HighPrice}, double
 * @param lowPrice      {@code LowPrice}, double
 * @param lastPrice     {@code LastPrice}, double
 * @param volume        {@code Volume}, double
 * @param numTrades     {@code NumTrades}, uint32, shares its 4 bytes with {@code OpenInterest} (a C union), see {@link #openInterest()}
 * @param bidVolume     {@code BidVolume}, double
 * @param askVolume     {@code AskVolume}, double
 * @param isFinalRecord {@code IsFinalRecord}, uint8
 */
public record HistoricalPriceDataRecordResponse(
        int requestId,
        long startDateTime,
        double openPrice,
        double highPrice,
        double lowPrice,
        double lastPrice,
        double volume,
        long numTrades,
        double bidVolume,
        double askVolume,
        int isFinalRecord) implements DtcMessage {

    public static final int TYPE = MessageType.HISTORICAL_PRICE_DATA_RECORD_RESPONSE;

    private static final HistoricalPriceDataRecordResponse DEFAULTS = new HistoricalPriceDataRecordResponse(0, 0L, 0.0, 0.0, 0.0, 0.0, 0.0, 0L, 0.0, 0.0, 0);

    /** The struct as the header's constructor leaves it ({@code Clear()}). */
    public static HistoricalPriceDataRecordResponse defaults() {
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

    /** {@code OpenInterest}: the same 4 bytes as {@link #numTrades()} (a C union in the header). */
    public long openInterest() {
        return numTrades;
    }

    /** Mutable builder for {@link HistoricalPriceDataRecordResponse}; every setter returns {@code this}. */
    public static final class Builder {
        private int requestId;
        private long startDateTime;
        private double openPrice;
        private double highPrice;
        private double lowPrice;
        private double lastPrice;
        private double volume;
        private long numTrades;
        private double bidVolume;
        private double askVolume;
        private int isFinalRecord;

        private Builder(HistoricalPriceDataRecordResponse m) {
            requestId = m.requestId;
            startDateTime = m.startDateTime;
            openPrice = m.openPrice;
            highPrice = m.highPrice;
            lowPrice = m.lowPrice;
            lastPrice = m.lastPrice;
            volume = m.volume;
            numTrades = m.numTrades;
            bidVolume = m.bidVolume;
            askVolume = m.askVolume;
            isFinalRecord = m.isFinalRecord;
        }

        public Builder requestId(int requestId) {
            this.requestId = requestId;
            return this;
        }

        public Builder startDateTime(long startDateTime) {
            this.startDateTime = startDateTime;
            return this;
        }

        public Builder openPrice(double openPrice) {
            this.openPrice = openPrice;
            return this;
        }

        public Builder highPrice(double highPrice) {
            this.highPrice = highPrice;
            return this;
        }

        public Builder lowPrice(double lowPrice) {
            this.lowPrice = lowPrice;
            return this;
        }

        public Builder lastPrice(double lastPrice) {
            this.lastPrice = lastPrice;
            return this;
        }

        public Builder volume(double volume) {
            this.volume = volume;
            return this;
        }

        public Builder numTrades(long numTrades) {
            this.numTrades = numTrades;
            return this;
        }

        /** Sets {@code OpenInterest}, which shares its bytes with {@code NumTrades}. */
        public Builder openInterest(long openInterest) {
            this.numTrades = openInterest;
            return this;
        }

        public Builder bidVolume(double bidVolume) {
            this.bidVolume = bidVolume;
            return this;
        }

        public Builder askVolume(double askVolume) {
            this.askVolume = askVolume;
            return this;
        }

        public Builder isFinalRecord(int isFinalRecord) {
            this.isFinalRecord = isFinalRecord;
            return this;
        }

        public HistoricalPriceDataRecordResponse build() {
            return new HistoricalPriceDataRecordResponse(requestId, startDateTime, openPrice, highPrice, lowPrice, lastPrice, volume, numTrades, bidVolume, askVolume, isFinalRecord);
        }
    }
}
