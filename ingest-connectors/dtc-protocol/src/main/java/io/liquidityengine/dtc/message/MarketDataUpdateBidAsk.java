package io.liquidityengine.dtc.message;

/**
 * DTC {@code s_MarketDataUpdateBidAsk}: type 108 ({@link MessageType#MARKET_DATA_UPDATE_BID_ASK}), 40 bytes in binary encoding.
 *
 * <p>{@link #defaults()} is the header's default-constructed struct; {@link #builder()} starts from it.
 *
 * @param symbolId    {@code SymbolID}, uint32 held as its int bits
 * @param bidPrice    {@code BidPrice}, double, default UNSET_DOUBLE (unset)
 * @param bidQuantity {@code BidQuantity}, float
 * @param askPrice    {@code AskPrice}, double, default UNSET_DOUBLE (unset)
 * @param askQuantity {@code AskQuantity}, float
 * @param dateTime    {@code DateTime}, UNIX time in seconds (uint32)
 */
public record MarketDataUpdateBidAsk(
        int symbolId,
        double bidPrice,
        float bidQuantity,
        double askPrice,
        float askQuantity,
        long dateTime) implements DtcMessage {

    public static final int TYPE = MessageType.MARKET_DATA_UPDATE_BID_ASK;

    private static final MarketDataUpdateBidAsk DEFAULTS = new MarketDataUpdateBidAsk(0, Dtc.UNSET_DOUBLE, 0.0f, Dtc.UNSET_DOUBLE, 0.0f, 0L);

    /** The struct as the header's constructor leaves it ({@code Clear()}). */
    public static MarketDataUpdateBidAsk defaults() {
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

    /** Mutable builder for {@link MarketDataUpdateBidAsk}; every setter returns {@code this}. */
    public static final class Builder {
        private int symbolId;
        private double bidPrice;
        private float bidQuantity;
        private double askPrice;
        private float askQuantity;
        private long dateTime;

        private Builder(MarketDataUpdateBidAsk m) {
            symbolId = m.symbolId;
            bidPrice = m.bidPrice;
            bidQuantity = m.bidQuantity;
            askPrice = m.askPrice;
            askQuantity = m.askQuantity;
            dateTime = m.dateTime;
        }

        public Builder symbolId(int symbolId) {
            this.symbolId = symbolId;
            return this;
        }

        public Builder bidPrice(double bidPrice) {
            this.bidPrice = bidPrice;
            return this;
        }

        public Builder bidQuantity(float bidQuantity) {
            this.bidQuantity = bidQuantity;
            return this;
        }

        public Builder askPrice(double askPrice) {
            this.askPrice = askPrice;
            return this;
        }

        public Builder askQuantity(float askQuantity) {
            this.askQuantity = askQuantity;
            return this;
        }

        public Builder dateTime(long dateTime) {
            this.dateTime = dateTime;
            return this;
        }

        public MarketDataUpdateBidAsk build() {
            return new MarketDataUpdateBidAsk(symbolId, bidPrice, bidQuantity, askPrice, askQuantity, dateTime);
        }
    }
}
