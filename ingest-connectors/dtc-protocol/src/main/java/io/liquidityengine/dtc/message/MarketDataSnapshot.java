package io.liquidityengine.dtc.message;

/**
 * DTC {@code s_MarketDataSnapshot}: type 104 ({@link MessageType#MARKET_DATA_SNAPSHOT}), 144 bytes in binary encoding.
 *
 * <p>{@link #defaults()} is the header's default-constructed struct; {@link #builder()} starts from it.
 *
 * @param symbolId                  {@code SymbolID}, uint32 held as its int bits
 * @param sessionSettlementPrice    {@code SessionSettlementPrice}, double, default UNSET_DOUBLE (unset)
 * @param sessionOpenPrice          {@code SessionOpenPrice}, double, default UNSET_DOUBLE (unset)
 * @param sessionHighPrice          {@code SessionHighPrice}, double, default UNSET_DOUBLE (unset)
 * @param sessionLowPrice           {@code SessionLowPrice}, double, default UNSET_DOUBLE (unset)
 * @param sessionVolume             {@code SessionVolume}, double, default UNSET_DOUBLE (unset)
 * @param sessionNumTrades          {@code SessionNumTrades}, uint32, default UNSET_UINT32 (unset)
 * @param openInterest              {@code OpenInterest}, uint32, default UNSET_UINT32 (unset)
 * @param bidPrice                  {@code BidPrice}, double, default UNSET_DOUBLE (unset)
 * @param askPrice                  {@code AskPrice}, double, default UNSET_DOUBLE (unset)
 * @param askQuantity               {@code AskQuantity}, double, default UNSET_DOUBLE (unset)
 * @param bidQuantity               {@code BidQuantity}, double, default UNSET_DOUBLE (unset)
 * @param lastTradePrice            {@code LastTradePrice}, double, default UNSET_DOUBLE (unset)
 * @param lastTradeVolume           {@code LastTradeVolume}, double, default UNSET_DOUBLE (unset)
 * @param lastTradeDateTime         {@code LastTradeDateTime}, UNIX time in seconds with a fraction (double)
 * @param bidAskDateTime            {@code BidAskDateTime}, UNIX time in seconds with a fraction (double)
 * @param sessionSettlementDateTime {@code SessionSettlementDateTime}, UNIX time in seconds (uint32)
 * @param tradingSessionDate        {@code TradingSessionDate}, UNIX time in seconds (uint32)
 * @param tradingStatus             {@code TradingStatus}, int8, see {@link TradingStatus}
 * @param marketDepthUpdateDateTime {@code MarketDepthUpdateDateTime}, UNIX time in seconds with a fraction (double)
 */
public record MarketDataSnapshot(
        int symbolId,
        double sessionSettlementPrice,
        double sessionOpenPrice,
        double sessionHighPrice,
        double sessionLowPrice,
        double sessionVolume,
        long sessionNumTrades,
        long openInterest,
        double bidPrice,
        double askPrice,
        double askQuantity,
        double bidQuantity,
        double lastTradePrice,
        double lastTradeVolume,
        double lastTradeDateTime,
        double bidAskDateTime,
        long sessionSettlementDateTime,
        long tradingSessionDate,
        int tradingStatus,
        double marketDepthUpdateDateTime) implements DtcMessage {

    public static final int TYPE = MessageType.MARKET_DATA_SNAPSHOT;

    private static final MarketDataSnapshot DEFAULTS = new MarketDataSnapshot(0, Dtc.UNSET_DOUBLE, Dtc.UNSET_DOUBLE, Dtc.UNSET_DOUBLE, Dtc.UNSET_DOUBLE, Dtc.UNSET_DOUBLE, Dtc.UNSET_UINT32, Dtc.UNSET_UINT32, Dtc.UNSET_DOUBLE, Dtc.UNSET_DOUBLE, Dtc.UNSET_DOUBLE, Dtc.UNSET_DOUBLE, Dtc.UNSET_DOUBLE, Dtc.UNSET_DOUBLE, 0.0, 0.0, 0L, 0L, 0, 0.0);

    /** The struct as the header's constructor leaves it ({@code Clear()}). */
    public static MarketDataSnapshot defaults() {
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

    /** Mutable builder for {@link MarketDataSnapshot}; every setter returns {@code this}. */
    public static final class Builder {
        private int symbolId;
        private double sessionSettlementPrice;
        private double sessionOpenPrice;
        private double sessionHighPrice;
        private double sessionLowPrice;
        private double sessionVolume;
        private long sessionNumTrades;
        private long openInterest;
        private double bidPrice;
        private double askPrice;
        private double askQuantity;
        private double bidQuantity;
        private double lastTradePrice;
        private double lastTradeVolume;
        private double lastTradeDateTime;
        private double bidAskDateTime;
        private long sessionSettlementDateTime;
        private long tradingSessionDate;
        private int tradingStatus;
        private double marketDepthUpdateDateTime;

        private Builder(MarketDataSnapshot m) {
            symbolId = m.symbolId;
            sessionSettlementPrice = m.sessionSettlementPrice;
            sessionOpenPrice = m.sessionOpenPrice;
            sessionHighPrice = m.sessionHighPrice;
            sessionLowPrice = m.sessionLowPrice;
            sessionVolume = m.sessionVolume;
            sessionNumTrades = m.sessionNumTrades;
            openInterest = m.openInterest;
            bidPrice = m.bidPrice;
            askPrice = m.askPrice;
            askQuantity = m.askQuantity;
            bidQuantity = m.bidQuantity;
            lastTradePrice = m.lastTradePrice;
            lastTradeVolume = m.lastTradeVolume;
            lastTradeDateTime = m.lastTradeDateTime;
            bidAskDateTime = m.bidAskDateTime;
            sessionSettlementDateTime = m.sessionSettlementDateTime;
            tradingSessionDate = m.tradingSessionDate;
            tradingStatus = m.tradingStatus;
            marketDepthUpdateDateTime = m.marketDepthUpdateDateTime;
        }

        public Builder symbolId(int symbolId) {
            this.symbolId = symbolId;
            return this;
        }

        public Builder sessionSettlementPrice(double sessionSettlementPrice) {
            this.sessionSettlementPrice = sessionSettlementPrice;
            return this;
        }

        public Builder sessionOpenPrice(double sessionOpenPrice) {
            this.sessionOpenPrice = sessionOpenPrice;
            return this;
        }

        public Builder sessionHighPrice(double sessionHighPrice) {
            this.sessionHighPrice = sessionHighPrice;
            return this;
        }

        public Builder sessionLowPrice(double sessionLowPrice) {
            this.sessionLowPrice = sessionLowPrice;
            return this;
        }

        public Builder sessionVolume(double sessionVolume) {
            this.sessionVolume = sessionVolume;
            return this;
        }

        public Builder sessionNumTrades(long sessionNumTrades) {
            this.sessionNumTrades = sessionNumTrades;
            return this;
        }

        public Builder openInterest(long openInterest) {
            this.openInterest = openInterest;
            return this;
        }

        public Builder bidPrice(double bidPrice) {
            this.bidPrice = bidPrice;
            return this;
        }

        public Builder askPrice(double askPrice) {
            this.askPrice = askPrice;
            return this;
        }

        public Builder askQuantity(double askQuantity) {
            this.askQuantity = askQuantity;
            return this;
        }

        public Builder bidQuantity(double bidQuantity) {
            this.bidQuantity = bidQuantity;
            return this;
        }

        public Builder lastTradePrice(double lastTradePrice) {
            this.lastTradePrice = lastTradePrice;
            return this;
        }

        public Builder lastTradeVolume(double lastTradeVolume) {
            this.lastTradeVolume = lastTradeVolume;
            return this;
        }

        public Builder lastTradeDateTime(double lastTradeDateTime) {
            this.lastTradeDateTime = lastTradeDateTime;
            return this;
        }

        public Builder bidAskDateTime(double bidAskDateTime) {
            this.bidAskDateTime = bidAskDateTime;
            return this;
        }

        public Builder sessionSettlementDateTime(long sessionSettlementDateTime) {
            this.sessionSettlementDateTime = sessionSettlementDateTime;
            return this;
        }

        public Builder tradingSessionDate(long tradingSessionDate) {
            this.tradingSessionDate = tradingSessionDate;
            return this;
        }

        public Builder tradingStatus(int tradingStatus) {
            this.tradingStatus = tradingStatus;
            return this;
        }

        public Builder marketDepthUpdateDateTime(double marketDepthUpdateDateTime) {
            this.marketDepthUpdateDateTime = marketDepthUpdateDateTime;
            return this;
        }

        public MarketDataSnapshot build() {
            return new MarketDataSnapshot(symbolId, sessionSettlementPrice, sessionOpenPrice, sessionHighPrice, sessionLowPrice, sessionVolume, sessionNumTrades, openInterest, bidPrice, askPrice, askQuantity, bidQuantity, lastTradePrice, lastTradeVolume, lastTradeDateTime, bidAskDateTime, sessionSettlementDateTime, tradingSessionDate, tradingStatus, marketDepthUpdateDateTime);
        }
    }
}
