package io.liquidityengine.dtc.message;

/**
 * DTC {@code s_HistoricalPriceDataTickRecordResponse}: type 804 ({@link MessageType#HISTORICAL_PRICE_DATA_TICK_RECORD_RESPONSE}), 48 bytes in binary encoding.
 *
 * <p>{@link #defaults()} is the header's default-constructed struct; {@link #builder()} starts from it.
 *
 * @param requestId     {@code RequestID}, int32
 * @param dateTime      {@code DateTime}, UNIX time in seconds with a fraction (double)
 * @param atBidOrAsk    {@code AtBidOrAsk}, uint16, see {@link AtBidOrAsk}
 * @param price         {@code Price}, double
 * @param volume        {@code Volume}, double
 * @param isFinalRecord {@code IsFinalRecord}, uint8
 */
public record HistoricalPriceDataTickRecordResponse(
        int requestId,
        double dateTime,
        int atBidOrAsk,
        double price,
        double volume,
        int isFinalRecord) implements DtcMessage {

    public static final int TYPE = MessageType.HISTORICAL_PRICE_DATA_TICK_RECORD_RESPONSE;

    private static final HistoricalPriceDataTickRecordResponse DEFAULTS = new HistoricalPriceDataTickRecordResponse(0, 0.0, 0, 0.0, 0.0, 0);

    /** The struct as the header's constructor leaves it ({@code Clear()}). */
    public static HistoricalPriceDataTickRecordResponse defaults() {
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

    /** Mutable builder for {@link HistoricalPriceDataTickRecordResponse}; every setter returns {@code this}. */
    public static final class Builder {
        private int requestId;
        private double dateTime;
        private int atBidOrAsk;
        private double price;
        private double volume;
        private int isFinalRecord;

        private Builder(HistoricalPriceDataTickRecordResponse m) {
            requestId = m.requestId;
            dateTime = m.dateTime;
            atBidOrAsk = m.atBidOrAsk;
            price = m.price;
            volume = m.volume;
            isFinalRecord = m.isFinalRecord;
        }

        public Builder requestId(int requestId) {
            this.requestId = requestId;
            return this;
        }

        public Builder dateTime(double dateTime) {
            this.dateTime = dateTime;
            return this;
        }

        public Builder atBidOrAsk(int atBidOrAsk) {
            this.atBidOrAsk = atBidOrAsk;
            return this;
        }

        public Builder price(double price) {
            this.price = price;
            return this;
        }

        public Builder volume(double volume) {
            this.volume = volume;
            return this;
        }

        public Builder isFinalRecord(int isFinalRecord) {
            this.isFinalRecord = isFinalRecord;
            return this;
        }

        public HistoricalPriceDataTickRecordResponse build() {
            return new HistoricalPriceDataTickRecordResponse(requestId, dateTime, atBidOrAsk, price, volume, isFinalRecord);
        }
    }
}
