package io.liquidityengine.dtc.message;

/**
 * DTC {@code s_MarketDataUpdateTradeCompact}: type 112 ({@link MessageType#MARKET_DATA_UPDATE_TRADE_COMPACT}), 24 bytes in binary encoding.
 *
 * <p>{@link #defaults()} is the header's default-constructed struct; {@link #builder()} starts from it.
 *
 * @param price      {@code Price}, float
 * @param volume     {@code Volume}, float
 * @param dateTime   {@code DateTime}, UNIX time in seconds (uint32)
 * @param symbolId   {@code SymbolID}, uint32 held as its int bits
 * @param atBidOrAsk {@code AtBidOrAsk}, uint16, see {@link AtBidOrAsk}
 */
public record MarketDataUpdateTradeCompact(
        float price,
        float volume,
        long dateTime,
        int symbolId,
        int atBidOrAsk) implements DtcMessage {

    public static final int TYPE = MessageType.MARKET_DATA_UPDATE_TRADE_COMPACT;

    private static final MarketDataUpdateTradeCompact DEFAULTS = new MarketDataUpdateTradeCompact(0.0f, 0.0f, 0L, 0, 0);

    /** The struct as the header's constructor leaves it ({@code Clear()}). */
    public static MarketDataUpdateTradeCompact defaults() {
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

    /** Mutable builder for {@link MarketDataUpdateTradeCompact}; every setter returns {@code this}. */
    public static final class Builder {
        private float price;
        private float volume;
        private long dateTime;
        private int symbolId;
        private int atBidOrAsk;

        private Builder(MarketDataUpdateTradeCompact m) {
            price = m.price;
            volume = m.volume;
            dateTime = m.dateTime;
            symbolId = m.symbolId;
            atBidOrAsk = m.atBidOrAsk;
        }

        public Builder price(float price) {
            this.price = price;
            return this;
        }

        public Builder volume(float volume) {
            this.volume = volume;
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

        public Builder atBidOrAsk(int atBidOrAsk) {
            this.atBidOrAsk = atBidOrAsk;
            return this;
        }

        public MarketDataUpdateTradeCompact build() {
            return new MarketDataUpdateTradeCompact(price, volume, dateTime, symbolId, atBidOrAsk);
        }
    }
}
