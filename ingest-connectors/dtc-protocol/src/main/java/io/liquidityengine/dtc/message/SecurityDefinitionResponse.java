package io.liquidityengine.dtc.message;

/**
 * DTC {@code s_SecurityDefinitionResponse}: type 507 ({@link MessageType#SECURITY_DEFINITION_RESPONSE}), 432 bytes in binary encoding.
 *
 * <p>{@link #defaults()} is the header's default-constructed struct; {@link #builder()} starts from it.
 *
 * @param requestId                    {@code RequestID}, int32
 * @param symbol                       {@code Symbol}, char[64], at most 63 bytes of UTF-8
 * @param exchange                     {@code Exchange}, char[16], at most 15 bytes of UTF-8
 * @param securityType                 {@code SecurityType}, int32, see {@link SecurityType}
 * @param description                  {@code Description}, char[64], at most 63 bytes of UTF-8
 * @param minPriceIncrement            {@code MinPriceIncrement}, float
 * @param priceDisplayFormat           {@code PriceDisplayFormat}, int32, see {@link PriceDisplayFormat}, default -1
 * @param currencyValuePerIncrement    {@code CurrencyValuePerIncrement}, float
 * @param isFinalMessage               {@code IsFinalMessage}, uint8
 * @param floatToIntPriceMultiplier    {@code FloatToIntPriceMultiplier}, float, default 1.0f
 * @param intToFloatPriceDivisor       {@code IntToFloatPriceDivisor}, float, default 1.0f
 * @param underlyingSymbol             {@code UnderlyingSymbol}, char[32], at most 31 bytes of UTF-8
 * @param updatesBidAskOnly            {@code UpdatesBidAskOnly}, uint8
 * @param strikePrice                  {@code StrikePrice}, float
 * @param putOrCall                    {@code PutOrCall}, uint8, see {@link PutCall}
 * @param shortInterest                {@code ShortInterest}, uint32
 * @param securityExpirationDate       {@code SecurityExpirationDate}, UNIX time in seconds (uint32)
 * @param buyRolloverInterest          {@code BuyRolloverInterest}, float
 * @param sellRolloverInterest         {@code SellRolloverInterest}, float
 * @param earningsPerShare             {@code EarningsPerShare}, float
 * @param sharesOutstanding            {@code SharesOutstanding}, uint32
 * @param intToFloatQuantityDivisor    {@code IntToFloatQuantityDivisor}, float
 * @param hasMarketDepthData           {@code HasMarketDepthData}, uint8, default 1
 * @param displayPriceMultiplier       {@code DisplayPriceMultiplier}, float, default 1.0f
 * @param exchangeSymbol               {@code ExchangeSymbol}, char[64], at most 63 bytes of UTF-8
 * @param initialMarginRequirement     {@code InitialMarginRequirement}, float
 * @param maintenanceMarginRequirement {@code MaintenanceMarginRequirement}, float
 * @param currency                     {@code Currency}, char[8], at most 7 bytes of UTF-8
 * @param contractSize                 {@code ContractSize}, float
 * @param openInterest                 {@code OpenInterest}, uint32
 * @param rolloverDate                 {@code RolloverDate}, UNIX time in seconds (uint32)
 * @param isDelayed                    {@code IsDelayed}, uint8
 * @param securityIdentifier           {@code SecurityIdentifier}, int64
 * @param productIdentifier            {@code ProductIdentifier}, char[64], at most 63 bytes of UTF-8
 */
public record SecurityDefinitionResponse(
        int requestId,
        String symbol,
        String exchange,
        int securityType,
        String description,
        float minPriceIncrement,
        int priceDisplayFormat,
        float currencyValuePerIncrement,
        int isFinalMessage,
        float floatToIntPriceMultiplier,
        float intToFloatPriceDivisor,
        String underlyingSymbol,
        int updatesBidAskOnly,
        float strikePrice,
        int putOrCall,
        long shortInterest,
        long securityExpirationDate,
        float buyRolloverInterest,
        float sellRolloverInterest,
        float earningsPerShare,
        long sharesOutstanding,
        float intToFloatQuantityDivisor,
        int hasMarketDepthData,
        float displayPriceMultiplier,
        String exchangeSymbol,
        float initialMarginRequirement,
        float maintenanceMarginRequirement,
        String currency,
        float contractSize,
        long openInterest,
        long rolloverDate,
        int isDelayed,
        long securityIdentifier,
        String productIdentifier) implements DtcMessage {

    public static final int TYPE = MessageType.SECURITY_DEFINITION_RESPONSE;

    private static final SecurityDefinitionResponse DEFAULTS = new SecurityDefinitionResponse(0, "", "", 0, "", 0.0f, -1, 0.0f, 0, 1.0f, 1.0f, "", 0, 0.0f, 0, 0L, 0L, 0.0f, 0.0f, 0.0f, 0L, 0.0f, 1, 1.0f, "", 0.0f, 0.0f, "", 0.0f, 0L, 0L, 0, 0L, "");

    /** The struct as the header's constructor leaves it ({@code Clear()}). */
    public static SecurityDefinitionResponse defaults() {
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

    /** Mutable builder for {@link SecurityDefinitionResponse}; every setter returns {@code this}. */
    public static final class Builder {
        private int requestId;
        private String symbol;
        private String exchange;
        private int securityType;
        private String description;
        private float minPriceIncrement;
        private int priceDisplayFormat;
        private float currencyValuePerIncrement;
        private int isFinalMessage;
        private float floatToIntPriceMultiplier;
        private float intToFloatPriceDivisor;
        private String underlyingSymbol;
        private int updatesBidAskOnly;
        private float strikePrice;
        private int putOrCall;
        private long shortInterest;
        private long securityExpirationDate;
        private float buyRolloverInterest;
        private float sellRolloverInterest;
        private float earningsPerShare;
        private long sharesOutstanding;
        private float intToFloatQuantityDivisor;
        private int hasMarketDepthData;
        private float displayPriceMultiplier;
        private String exchangeSymbol;
        private float initialMarginRequirement;
        private float maintenanceMarginRequirement;
        private String currency;
        private float contractSize;
        private long openInterest;
        private long rolloverDate;
        private int isDelayed;
        private long securityIdentifier;
        private String productIdentifier;

        private Builder(SecurityDefinitionResponse m) {
            requestId = m.requestId;
            symbol = m.symbol;
            exchange = m.exchange;
            securityType = m.securityType;
            description = m.description;
            minPriceIncrement = m.minPriceIncrement;
            priceDisplayFormat = m.priceDisplayFormat;
            currencyValuePerIncrement = m.currencyValuePerIncrement;
            isFinalMessage = m.isFinalMessage;
            floatToIntPriceMultiplier = m.floatToIntPriceMultiplier;
            intToFloatPriceDivisor = m.intToFloatPriceDivisor;
            underlyingSymbol = m.underlyingSymbol;
            updatesBidAskOnly = m.updatesBidAskOnly;
            strikePrice = m.strikePrice;
            putOrCall = m.putOrCall;
            shortInterest = m.shortInterest;
            securityExpirationDate = m.securityExpirationDate;
            buyRolloverInterest = m.buyRolloverInterest;
            sellRolloverInterest = m.sellRolloverInterest;
            earningsPerShare = m.earningsPerShare;
            sharesOutstanding = m.sharesOutstanding;
            intToFloatQuantityDivisor = m.intToFloatQuantityDivisor;
            hasMarketDepthData = m.hasMarketDepthData;
            displayPriceMultiplier = m.displayPriceMultiplier;
            exchangeSymbol = m.exchangeSymbol;
            initialMarginRequirement = m.initialMarginRequirement;
            maintenanceMarginRequirement = m.maintenanceMarginRequirement;
            currency = m.currency;
            contractSize = m.contractSize;
            openInterest = m.openInterest;
            rolloverDate = m.rolloverDate;
            isDelayed = m.isDelayed;
            securityIdentifier = m.securityIdentifier;
            productIdentifier = m.productIdentifier;
        }

        public Builder requestId(int requestId) {
            this.requestId = requestId;
            return this;
        }

        public Builder symbol(String symbol) {
            this.symbol = symbol;
            return this;
        }

        public Builder exchange(String exchange) {
            this.exchange = exchange;
            return this;
        }

        public Builder securityType(int securityType) {
            this.securityType = securityType;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder minPriceIncrement(float minPriceIncrement) {
            this.minPriceIncrement = minPriceIncrement;
            return this;
        }

        public Builder priceDisplayFormat(int priceDisplayFormat) {
            this.priceDisplayFormat = priceDisplayFormat;
            return this;
        }

        public Builder currencyValuePerIncrement(float currencyValuePerIncrement) {
            this.currencyValuePerIncrement = currencyValuePerIncrement;
            return this;
        }

        public Builder isFinalMessage(int isFinalMessage) {
            this.isFinalMessage = isFinalMessage;
            return this;
        }

        public Builder floatToIntPriceMultiplier(float floatToIntPriceMultiplier) {
            this.floatToIntPriceMultiplier = floatToIntPriceMultiplier;
            return this;
        }

        public Builder intToFloatPriceDivisor(float intToFloatPriceDivisor) {
            this.intToFloatPriceDivisor = intToFloatPriceDivisor;
            return this;
        }

        public Builder underlyingSymbol(String underlyingSymbol) {
            this.underlyingSymbol = underlyingSymbol;
            return this;
        }

        public Builder updatesBidAskOnly(int updatesBidAskOnly) {
            this.updatesBidAskOnly = updatesBidAskOnly;
            return this;
        }

        public Builder strikePrice(float strikePrice) {
            this.strikePrice = strikePrice;
            return this;
        }

        public Builder putOrCall(int putOrCall) {
            this.putOrCall = putOrCall;
            return this;
        }

        public Builder shortInterest(long shortInterest) {
            this.shortInterest = shortInterest;
            return this;
        }

        public Builder securityExpirationDate(long securityExpirationDate) {
            this.securityExpirationDate = securityExpirationDate;
            return this;
        }

        public Builder buyRolloverInterest(float buyRolloverInterest) {
            this.buyRolloverInterest = buyRolloverInterest;
            return this;
        }

        public Builder sellRolloverInterest(float sellRolloverInterest) {
            this.sellRolloverInterest = sellRolloverInterest;
            return this;
        }

        public Builder earningsPerShare(float earningsPerShare) {
            this.earningsPerShare = earningsPerShare;
            return this;
        }

        public Builder sharesOutstanding(long sharesOutstanding) {
            this.sharesOutstanding = sharesOutstanding;
            return this;
        }

        public Builder intToFloatQuantityDivisor(float intToFloatQuantityDivisor) {
            this.intToFloatQuantityDivisor = intToFloatQuantityDivisor;
            return this;
        }

        public Builder hasMarketDepthData(int hasMarketDepthData) {
            this.hasMarketDepthData = hasMarketDepthData;
            return this;
        }

        public Builder displayPriceMultiplier(float displayPriceMultiplier) {
            this.displayPriceMultiplier = displayPriceMultiplier;
            return this;
        }

        public Builder exchangeSymbol(String exchangeSymbol) {
            this.exchangeSymbol = exchangeSymbol;
            return this;
        }

        public Builder initialMarginRequirement(float initialMarginRequirement) {
            this.initialMarginRequirement = initialMarginRequirement;
            return this;
        }

        public Builder maintenanceMarginRequirement(float maintenanceMarginRequirement) {
            this.maintenanceMarginRequirement = maintenanceMarginRequirement;
            return this;
        }

        public Builder currency(String currency) {
            this.currency = currency;
            return this;
        }

        public Builder contractSize(float contractSize) {
            this.contractSize = contractSize;
            return this;
        }

        public Builder openInterest(long openInterest) {
            this.openInterest = openInterest;
            return this;
        }

        public Builder rolloverDate(long rolloverDate) {
            this.rolloverDate = rolloverDate;
            return this;
        }

        public Builder isDelayed(int isDelayed) {
            this.isDelayed = isDelayed;
            return this;
        }

        public Builder securityIdentifier(long securityIdentifier) {
            this.securityIdentifier = securityIdentifier;
            return this;
        }

        public Builder productIdentifier(String productIdentifier) {
            this.productIdentifier = productIdentifier;
            return this;
        }

        public SecurityDefinitionResponse build() {
            return new SecurityDefinitionResponse(requestId, symbol, exchange, securityType, description, minPriceIncrement, priceDisplayFormat, currencyValuePerIncrement, isFinalMessage, floatToIntPriceMultiplier, intToFloatPriceDivisor, underlyingSymbol, updatesBidAskOnly, strikePrice, putOrCall, shortInterest, securityExpirationDate, buyRolloverInterest, sellRolloverInterest, earningsPerShare, sharesOutstanding, intToFloatQuantityDivisor, hasMarketDepthData, displayPriceMultiplier, exchangeSymbol, initialMarginRequirement, maintenanceMarginRequirement, currency, contractSize, openInterest, rolloverDate, isDelayed, securityIdentifier, productIdentifier);
        }
    }
}
