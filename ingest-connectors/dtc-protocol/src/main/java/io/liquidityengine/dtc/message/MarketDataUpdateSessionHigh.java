package io.liquidityengine.dtc.message;

/**
 * DTC {@code s_MarketDataUpdateSessionHigh}: type 114 ({@link MessageType#MARKET_DATA_UPDATE_SESSION_HIGH}), 24 bytes in binary encoding.
 *
 * <p>{@link #defaults()} is the header's default-constructed struct; {@link #builder()} starts from it.
 *
 * @param symbolId           {@code SymbolID}, uint32 held as its int bits
 * @param price              {@code Price}, double
 * @param tradingSessionDate {@code TradingSessionDate}, UNIX time in seconds (uint32)
 */
public record MarketDataUpdateSessionHigh(
        int symbolId,
        double price,
        long tradingSessionDate) implements DtcMessage {

    public static final int TYPE = MessageType.MARKET_DATA_UPDATE_SESSION_HIGH;

    private static final MarketDataUpdateSessionHigh DEFAULTS = new MarketDataUpdateSessionHigh(0, 0.0, 0L);

    /** The struct as the header's constructor leaves it ({@code Clear()}). */
    public static MarketDataUpdateSessionHigh defaults() {
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

    /** Mutable builder for {@link MarketDataUpdateSessionHigh}; every setter returns {@code this}. */
    public static final class Builder {
        private int symbolId;
        private double price;
        private long tradingSessionDate;

        private Builder(MarketDataUpdateSessionHigh m) {
            symbolId = m.symbolId;
            price = m.price;
            tradingSessionDate = m.tradingSessionDate;
        }

        public Builder symbolId(int symbolId) {
            this.symbolId = symbolId;
            return this;
        }

        public Builder price(double price) {
            this.price = price;
            return this;
        }

        public Builder tradingSessionDate(long tradingSessionDate) {
            this.tradingSessionDate = tradingSessionDate;
            return this;
        }

        public MarketDataUpdateSessionHigh build() {
            return new MarketDataUpdateSessionHigh(symbolId, price, tradingSessionDate);
        }
    }
}
