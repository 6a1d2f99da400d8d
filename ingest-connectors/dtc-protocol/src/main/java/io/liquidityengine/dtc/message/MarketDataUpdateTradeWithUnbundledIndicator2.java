package io.liquidityengine.dtc.message;

/**
 * DTC {@code s_MarketDataUpdateTradeWithUnbundledIndicator2}: type 146 ({@link MessageType#MARKET_DATA_UPDATE_TRADE_WITH_UNBUNDLED_INDICATOR_2}), 27 bytes in binary encoding (declared under {@code #pragma pack(1)}, no padding).
 *
 * <p>{@link #defaults()} is the header's default-constructed struct; {@link #builder()} starts from it.
 *
 * @param symbolId                {@code SymbolID}, uint32 held as its int bits
 * @param price                   {@code Price}, float
 * @param volume                  {@code Volume}, uint32
 * @param dateTime                {@code DateTime}, UNIX time in microseconds (int64)
 * @param atBidOrAsk              {@code AtBidOrAsk}, uint8, see {@link AtBidOrAsk}
 * @param unbundledTradeIndicator {@code UnbundledTradeIndicator}, int8, see {@link UnbundledTradeIndicator}
 * @param tradeCondition          {@code TradeCondition}, int8, see {@link TradeCondition}
 */
public record MarketDataUpdateTradeWithUnbundledIndicator2(
        int symbolId,
        float price,
        long volume,
        long dateTime,
        int atBidOrAsk,
        int unbundledTradeIndicator,
        int tradeCondition) implements DtcMessage {

    public static final int TYPE = MessageType.MARKET_DATA_UPDATE_TRADE_WITH_UNBUNDLED_INDICATOR_2;

    private static final MarketDataUpdateTradeWithUnbundledIndicator2 DEFAULTS = new MarketDataUpdateTradeWithUnbundledIndicator2(0, 0.0f, 0L, 0L, 0, 0, 0);

    /** The struct as the header's constructor leaves it ({@code Clear()}). */
    public static MarketDataUpdateTradeWithUnbundledIndicator2 defaults() {
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

    /** Mutable builder for {@link MarketDataUpdateTradeWithUnbundledIndicator2}; every setter returns {@code this}. */
    public static final class Builder {
        private int symbolId;
        private float price;
        private long volume;
        private long dateTime;
        private int atBidOrAsk;
        private int unbundledTradeIndicator;
        private int tradeCondition;

        private Builder(MarketDataUpdateTradeWithUnbundledIndicator2 m) {
            symbolId = m.symbolId;
            price = m.price;
            volume = m.volume;
            dateTime = m.dateTime;
            atBidOrAsk = m.atBidOrAsk;
            unbundledTradeIndicator = m.unbundledTradeIndicator;
            tradeCondition = m.tradeCondition;
        }

        public Builder symbolId(int symbolId) {
            this.symbolId = symbolId;
            return this;
        }

        public Builder price(float price) {
            this.price = price;
            return this;
        }

        public Builder volume(long volume) {
            this.volume = volume;
            return this;
        }

        public Builder dateTime(long dateTime) {
            this.dateTime = dateTime;
            return this;
        }

        public Builder atBidOrAsk(int atBidOrAsk) {
            this.atBidOrAsk = atBidOrAsk;
            return this;
        }

        public Builder unbundledTradeIndicator(int unbundledTradeIndicator) {
            this.unbundledTradeIndicator = unbundledTradeIndicator;
            return this;
        }

        public Builder tradeCondition(int tradeCondition) {
            this.tradeCondition = tradeCondition;
            return this;
        }

        public MarketDataUpdateTradeWithUnbundledIndicator2 build() {
            return new MarketDataUpdateTradeWithUnbundledIndicator2(symbolId, price, volume, dateTime, atBidOrAsk, unbundledTradeIndicator, tradeCondition);
        }
    }
}
