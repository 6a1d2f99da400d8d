package io.liquidityengine.dtc.message;

/**
 * DTC {@code s_MarketDataUpdateBidAskCompact}: type 117 ({@link MessageType#MARKET_DATA_UPDATE_BID_ASK_COMPACT}), 28 bytes in binary encoding.
 *
 * <p>{@link #defaults()} is the header's default-constructed struct; {@link #builder()} starts from it.
 *
 * @param bidPrice    {@code BidPrice}, float, default UNSET_FLOAT (unset)
 * @param bidQuantity {@code BidQuantity}, float
 * @param askPrice    {@code AskPrice}, float, default UNSET_FLOAT (unset)
 * @param askQuantity {@code AskQuantity}, float
 * @param dateTime    {@code DateTime}, UNIX time in seconds (uint32)
 * @param symbolId    {@code SymbolID}, uint32 held as its int bits
 */
public record MarketDataUpdateBidAskCompact(
        float bidPrice,
        float bidQuantity,
        float askPrice,
        float askQuantity,
        long dateTime,
        int symbolId) implements DtcMessage {

    public static final int TYPE = MessageType.MARKET_DATA_UPDATE_BID_ASK_COMPACT;

    private static final MarketDataUpdateBidAskCompact DEFAULTS = new MarketDataUpdateBidAskCompact(Dtc.UNSET_FLOAT, 0.0f, Dtc.UNSET_FLOAT, 0.0f, 0L, 0);

    /** The struct as the header's constructor leaves it ({@code Clear()}). */
    public static MarketDataUpdateBidAskCompact defaults() {
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

    /** Mutable builder for {@link MarketDataUpdateBidAskCompact}; every setter returns {@code this}. */
    public static final class Builder {
        private float bidPrice;
        private float bidQuantity;
        private float askPrice;
        private float askQuantity;
        private long dateTime;
        private int symbolId;

        private Builder(MarketDataUpdateBidAskCompact m) {
            bidPrice = m.bidPrice;
            bidQuantity = m.bidQuantity;
            askPrice = m.askPrice;
            askQuantity = m.askQuantity;
            dateTime = m.dateTime;
            symbolId = m.symbolId;
        }

        public Builder bidPrice(float bidPrice) {
            this.bidPrice = bidPrice;
            return this;
        }

        public Builder bidQuantity(float bidQuantity) {
            this.bidQuantity = bidQuantity;
            return this;
        }

        public Builder askPrice(float askPrice) {
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

        public Builder symbolId(int symbolId) {
            this.symbolId = symbolId;
            return this;
        }

        public MarketDataUpdateBidAskCompact build() {
            return new MarketDataUpdateBidAskCompact(bidPrice, bidQuantity, askPrice, askQuantity, dateTime, symbolId);
        }
    }
}
