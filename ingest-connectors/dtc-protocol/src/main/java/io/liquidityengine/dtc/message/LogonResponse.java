package io.liquidityengine.dtc.message;

/**
 * DTC {@code s_LogonResponse}: type 2 ({@link MessageType#LOGON_RESPONSE}), 256 bytes in binary encoding.
 *
 * <p>{@link #defaults()} is the header's default-constructed struct; {@link #builder()} starts from it.
 *
 * @param protocolVersion                               {@code ProtocolVersion}, int32, default CURRENT_PROTOCOL_VERSION
 * @param result                                        {@code Result}, int32, see {@link LogonStatus}
 * @param resultText                                    {@code ResultText}, char[96], at most 95 bytes of UTF-8
 * @param reconnectAddress                              {@code ReconnectAddress}, char[64], at most 63 bytes of UTF-8
 * @param integer_1                                     {@code Integer_1}, int32
 * @param serverName                                    {@code ServerName}, char[60], at most 59 bytes of UTF-8
 * @param marketDepthUpdatesBestBidAndAsk               {@code MarketDepthUpdatesBestBidAndAsk}, uint8
 * @param tradingIsSupported                            {@code TradingIsSupported}, uint8
 * @param ocoOrdersSupported                            {@code OCOOrdersSupported}, uint8
 * @param orderCancelReplaceSupported                   {@code OrderCancelReplaceSupported}, uint8, default 1
 * @param symbolExchangeDelimiter                       {@code SymbolExchangeDelimiter}, char[4], at most 3 bytes of UTF-8
 * @param securityDefinitionsSupported                  {@code SecurityDefinitionsSupported}, uint8
 * @param historicalPriceDataSupported                  {@code HistoricalPriceDataSupported}, uint8
 * @param resubscribeWhenMarketDataFeedAvailable        {@code ResubscribeWhenMarketDataFeedAvailable}, uint8
 * @param marketDepthIsSupported                        {@code MarketDepthIsSupported}, uint8, default 1
 * @param oneHistoricalPriceDataRequestPerConnection    {@code OneHistoricalPriceDataRequestPerConnection}, uint8
 * @param bracketOrdersSupported                        {@code BracketOrdersSupported}, uint8
 * @param usesMultiplePositionsPerSymbolAndTradeAccount {@code UsesMultiplePositionsPerSymbolAndTradeAccount}, uint8
 * @param marketDataSupported                           {@code MarketDataSupported}, uint8, default 1
 */
public record LogonResponse(
        int protocolVersion,
        int result,
        String resultText,
        String reconnectAddress,
        int integer_1,
        String serverName,
        int marketDepthUpdatesBestBidAndAsk,
        int tradingIsSupported,
        int ocoOrdersSupported,
        int orderCancelReplaceSupported,
        String symbolExchangeDelimiter,
        int securityDefinitionsSupported,
        int historicalPriceDataSupported,
        int resubscribeWhenMarketDataFeedAvailable,
        int marketDepthIsSupported,
        int oneHistoricalPriceDataRequestPerConnection,
        int bracketOrdersSupported,
        int usesMultiplePositionsPerSymbolAndTradeAccount,
        int marketDataSupported) implements DtcMessage {

    public static final int TYPE = MessageType.LOGON_RESPONSE;

    private static final LogonResponse DEFAULTS = new LogonResponse(Dtc.CURRENT_PROTOCOL_VERSION, 0, "", "", 0, "", 0, 0, 0, 1, "", 0, 0, 0, 1, 0, 0, 0, 1);

    /** The struct as the header's constructor leaves it ({@code Clear()}). */
    public static LogonResponse defaults() {
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

    /** Mutable builder for {@link LogonResponse}; every setter returns {@code this}. */
    public static final class Builder {
        private int protocolVersion;
        private int result;
        private String resultText;
        private String reconnectAddress;
        private int integer_1;
        private String serverName;
        private int marketDepthUpdatesBestBidAndAsk;
        private int tradingIsSupported;
        private int ocoOrdersSupported;
        private int orderCancelReplaceSupported;
        private String symbolExchangeDelimiter;
        private int securityDefinitionsSupported;
        private int historicalPriceDataSupported;
        private int resubscribeWhenMarketDataFeedAvailable;
        private int marketDepthIsSupported;
        private int oneHistoricalPriceDataRequestPerConnection;
        private int bracketOrdersSupported;
        private int usesMultiplePositionsPerSymbolAndTradeAccount;
        private int marketDataSupported;

        private Builder(LogonResponse m) {
            protocolVersion = m.protocolVersion;
            result = m.result;
            resultText = m.resultText;
            reconnectAddress = m.reconnectAddress;
            integer_1 = m.integer_1;
            serverName = m.serverName;
            marketDepthUpdatesBestBidAndAsk = m.marketDepthUpdatesBestBidAndAsk;
            tradingIsSupported = m.tradingIsSupported;
            ocoOrdersSupported = m.ocoOrdersSupported;
            orderCancelReplaceSupported = m.orderCancelReplaceSupported;
            symbolExchangeDelimiter = m.symbolExchangeDelimiter;
            securityDefinitionsSupported = m.securityDefinitionsSupported;
            historicalPriceDataSupported = m.historicalPriceDataSupported;
            resubscribeWhenMarketDataFeedAvailable = m.resubscribeWhenMarketDataFeedAvailable;
            marketDepthIsSupported = m.marketDepthIsSupported;
            oneHistoricalPriceDataRequestPerConnection = m.oneHistoricalPriceDataRequestPerConnection;
            bracketOrdersSupported = m.bracketOrdersSupported;
            usesMultiplePositionsPerSymbolAndTradeAccount = m.usesMultiplePositionsPerSymbolAndTradeAccount;
            marketDataSupported = m.marketDataSupported;
        }

        public Builder protocolVersion(int protocolVersion) {
            this.protocolVersion = protocolVersion;
            return this;
        }

        public Builder result(int result) {
            this.result = result;
            return this;
        }

        public Builder resultText(String resultText) {
            this.resultText = resultText;
            return this;
        }

        public Builder reconnectAddress(String reconnectAddress) {
            this.reconnectAddress = reconnectAddress;
            return this;
        }

        public Builder integer_1(int integer_1) {
            this.integer_1 = integer_1;
            return this;
        }

        public Builder serverName(String serverName) {
            this.serverName = serverName;
            return this;
        }

        public Builder marketDepthUpdatesBestBidAndAsk(int marketDepthUpdatesBestBidAndAsk) {
            this.marketDepthUpdatesBestBidAndAsk = marketDepthUpdatesBestBidAndAsk;
            return this;
        }

        public Builder tradingIsSupported(int tradingIsSupported) {
            this.tradingIsSupported = tradingIsSupported;
            return this;
        }

        public Builder ocoOrdersSupported(int ocoOrdersSupported) {
            this.ocoOrdersSupported = ocoOrdersSupported;
            return this;
        }

        public Builder orderCancelReplaceSupported(int orderCancelReplaceSupported) {
            this.orderCancelReplaceSupported = orderCancelReplaceSupported;
            return this;
        }

        public Builder symbolExchangeDelimiter(String symbolExchangeDelimiter) {
            this.symbolExchangeDelimiter = symbolExchangeDelimiter;
            return this;
        }

        public Builder securityDefinitionsSupported(int securityDefinitionsSupported) {
            this.securityDefinitionsSupported = securityDefinitionsSupported;
            return this;
        }

        public Builder historicalPriceDataSupported(int historicalPriceDataSupported) {
            this.historicalPriceDataSupported = historicalPriceDataSupported;
            return this;
        }

        public Builder resubscribeWhenMarketDataFeedAvailable(int resubscribeWhenMarketDataFeedAvailable) {
            this.resubscribeWhenMarketDataFeedAvailable = resubscribeWhenMarketDataFeedAvailable;
            return this;
        }

        public Builder marketDepthIsSupported(int marketDepthIsSupported) {
            this.marketDepthIsSupported = marketDepthIsSupported;
            return this;
        }

        public Builder oneHistoricalPriceDataRequestPerConnection(int oneHistoricalPriceDataRequestPerConnection) {
            this.oneHistoricalPriceDataRequestPerConnection = oneHistoricalPriceDataRequestPerConnection;
            return this;
        }

        public Builder bracketOrdersSupported(int bracketOrdersSupported) {
            this.bracketOrdersSupported = bracketOrdersSupported;
            return this;
        }

        public Builder usesMultiplePositionsPerSymbolAndTradeAccount(int usesMultiplePositionsPerSymbolAndTradeAccount) {
            this.usesMultiplePositionsPerSymbolAndTradeAccount = usesMultiplePositionsPerSymbolAndTradeAccount;
            return this;
        }

        public Builder marketDataSupported(int marketDataSupported) {
            this.marketDataSupported = marketDataSupported;
            return this;
        }

        public LogonResponse build() {
            return new LogonResponse(protocolVersion, result, resultText, reconnectAddress, integer_1, serverName, marketDepthUpdatesBestBidAndAsk, tradingIsSupported, ocoOrdersSupported, orderCancelReplaceSupported, symbolExchangeDelimiter, securityDefinitionsSupported, historicalPriceDataSupported, resubscribeWhenMarketDataFeedAvailable, marketDepthIsSupported, oneHistoricalPriceDataRequestPerConnection, bracketOrdersSupported, usesMultiplePositionsPerSymbolAndTradeAccount, marketDataSupported);
        }
    }
}
