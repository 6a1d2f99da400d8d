package io.liquidityengine.dtc.message;

/**
 * DTC {@code s_MarketDataUpdateTrade}: type 107 ({@link MessageType#MARKET_DATA_UPDATE_TRADE}), 40 bytes in binary encoding.
 *
 * <p>{@link #defaults()} is the header's default-constructed struct; {@link #builder()} starts from it.
 *
 * @param symbolId   {@code SymbolID}, uint32 held as its int bits
 * @param atBidOrAsk {@code AtBidOrAsk}, uint16, see {@link AtBidOrAsk}
 * @param price      {@code Price}, double
 * @param volume     {@code Volume}, double
 * @param dateTime   {@code DateTime}, UNIX time in seconds with a fraction (double)
 */
public record MarketDataUpdateTrade(
        int symbolId,
        int atBidOrAsk,
        double price,
        double volume,
        double dateTime) implements DtcMessage {

    public static final int TYPE = MessageType.MARKET_DATA_UPDATE_TRADE;

    private static final MarketDataUpdateTrade DEFAULTS = new MarketDataUpdateTrade(0, 0, 0.0, 0.0, 0.0);

    /** The struct as the header's constructor leaves it ({@code Clear()}). */
    public static MarketDataUpdateTrade defaults() {
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

    /** Mutable builder for {@link MarketDataUpdateTrade}; every setter returns {@code this}. */
    public static final class Builder {
        private int symbolId;
        private int atBidOrAsk;
        private double price;
        private double volume;
        private double dateTime;

        private Builder(MarketDataUpdateTrade m) {
            symbolId = m.symbolId;
            atBidOrAsk = m.atBidOrAsk;
            price = m.price;
            volume = m.volume;
            dateTime = m.dateTime;
        }

        public Builder symbolId(int symbolId) {
            this.symbolId = symbolId;
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

        public Builder dateTime(double dateTime) {
            this.dateTime = dateTime;
            return this;
        }

        public MarketDataUpdateTrade build() {
            return new MarketDataUpdateTrade(symbolId, atBidOrAsk, price, volume, dateTime);
        }
    }
}
