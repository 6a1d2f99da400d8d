package io.liquidityengine.dtc.message;

/**
 * DTC {@code s_MarketDataUpdateTradeWithUnbundledIndicator}: type 137 ({@link MessageType#MARKET_DATA_UPDATE_TRADE_WITH_UNBUNDLED_INDICATOR}), 40 bytes in binary encoding.
 *
 * <p>{@link #defaults()} is the header's default-constructed struct; {@link #builder()} starts from it.
 *
 * @param symbolId                {@code SymbolID}, uint32 held as its int bits
 * @param atBidOrAsk              {@code AtBidOrAsk}, uint8, see {@link AtBidOrAsk}
 * @param unbundledTradeIndicator {@code UnbundledTradeIndicator}, int8, see {@link UnbundledTradeIndicator}
 * @param tradeCondition          {@code TradeCondition}, uint8
 * @param price                   {@code Price}, double
 * @param volume                  {@code Volume}, uint32
 * @param dateTime                {@code DateTime}, UNIX time in seconds with a fraction (double)
 */
public record MarketDataUpdateTradeWithUnbundledIndicator(
        int symbolId,
        int atBidOrAsk,
        int unbundledTradeIndicator,
        int tradeCondition,
        double price,
        long volume,
        double dateTime) implements DtcMessage {

    public static final int TYPE = MessageType.MARKET_DATA_UPDATE_TRADE_WITH_UNBUNDLED_INDICATOR;

    private static final MarketDataUpdateTradeWithUnbundledIndicator DEFAULTS = new MarketDataUpdateTradeWithUnbundledIndicator(0, 0, 0, 0, 0.0, 0L, 0.0);

    /** The struct as the header's constructor leaves it ({@code Clear()}). */
    public static MarketDataUpdateTradeWithUnbundledIndicator defaults() {
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

    /** Mutable builder for {@link MarketDataUpdateTradeWithUnbundledIndicator}; every setter returns {@code this}. */
    public static final class Builder {
        private int symbolId;
        private int atBidOrAsk;
        private int unbundledTradeIndicator;
        private int tradeCondition;
        private double price;
        private long volume;
        private double dateTime;

        private Builder(MarketDataUpdateTradeWithUnbundledIndicator m) {
            symbolId = m.symbolId;
            atBidOrAsk = m.atBidOrAsk;
            unbundledTradeIndicator = m.unbundledTradeIndicator;
            tradeCondition = m.tradeCondition;
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

        public Builder unbundledTradeIndicator(int unbundledTradeIndicator) {
            this.unbundledTradeIndicator = unbundledTradeIndicator;
            return this;
        }

        public Builder tradeCondition(int tradeCondition) {
            this.tradeCondition = tradeCondition;
            return this;
        }

        public Builder price(double price) {
            this.price = price;
            return this;
        }

        public Builder volume(long volume) {
            this.volume = volume;
            return this;
        }

        public Builder dateTime(double dateTime) {
            this.dateTime = dateTime;
            return this;
        }

        public MarketDataUpdateTradeWithUnbundledIndicator build() {
            return new MarketDataUpdateTradeWithUnbundledIndicator(symbolId, atBidOrAsk, unbundledTradeIndicator, tradeCondition, price, volume, dateTime);
        }
    }
}
