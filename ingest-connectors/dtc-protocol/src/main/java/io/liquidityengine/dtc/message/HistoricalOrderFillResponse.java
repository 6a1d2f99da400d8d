package io.liquidityengine.dtc.message;

/**
 * DTC {@code s_HistoricalOrderFillResponse}: type 304 ({@link MessageType#HISTORICAL_ORDER_FILL_RESPONSE}), 384 bytes in binary encoding.
 *
 * <p>{@link #defaults()} is the header's default-constructed struct; {@link #builder()} starts from it.
 *
 * @param requestId               {@code RequestID}, int32
 * @param totalNumberMessages     {@code TotalNumberMessages}, int32
 * @param messageNumber           {@code MessageNumber}, int32
 * @param symbol                  {@code Symbol}, char[64], at most 63 bytes of UTF-8
 * @param exchange                {@code Exchange}, char[16], at most 15 bytes of UTF-8
 * @param serverOrderId           {@code ServerOrderID}, char[32], at most 31 bytes of UTF-8
 * @param buySell                 {@code BuySell}, int32, see {@link BuySell}
 * @param price                   {@code Price}, double
 * @param dateTime                {@code DateTime}, UNIX time in seconds (int64)
 * @param quantity                {@code Quantity}, double
 * @param uniqueExecutionId       {@code UniqueExecutionID}, char[64], at most 63 bytes of UTF-8
 * @param tradeAccount            {@code TradeAccount}, char[32], at most 31 bytes of UTF-8
 * @param openClose               {@code OpenClose}, int32, see {@link OpenClose}
 * @param noOrderFills            {@code NoOrderFills}, uint8
 * @param infoText                {@code InfoText}, char[96], at most 95 bytes of UTF-8
 * @param highPriceDuringPosition {@code HighPriceDuringPosition}, double
 * @param lowPriceDuringPosition  {@code LowPriceDuringPosition}, double
 * @param positionQuantity        {@code PositionQuantity}, double, default UNSET_DOUBLE (unset)
 */
public record HistoricalOrderFillResponse(
        int requestId,
        int totalNumberMessages,
        int messageNumber,
        String symbol,
        String exchange,
        String serverOrderId,
        int buySell,
        double price,
        long dateTime,
        double quantity,
        String uniqueExecutionId,
        String tradeAccount,
        int openClose,
        int noOrderFills,
        String infoText,
        double highPriceDuringPosition,
        double lowPriceDuringPosition,
        double positionQuantity) implements DtcMessage {

    public static final int TYPE = MessageType.HISTORICAL_ORDER_FILL_RESPONSE;

    private static final HistoricalOrderFillResponse DEFAULTS = new HistoricalOrderFillResponse(0, 0, 0, "", "", "", 0, 0.0, 0L, 0.0, "", "", 0, 0, "", 0.0, 0.0, Dtc.UNSET_DOUBLE);

    /** The struct as the header's constructor leaves it ({@code Clear()}). */
    public static HistoricalOrderFillResponse defaults() {
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

    /** Mutable builder for {@link HistoricalOrderFillResponse}; every setter returns {@code this}. */
    public static final class Builder {
        private int requestId;
        private int totalNumberMessages;
        private int messageNumber;
        private String symbol;
        private String exchange;
        private String serverOrderId;
        private int buySell;
        private double price;
        private long dateTime;
        private double quantity;
        private String uniqueExecutionId;
        private String tradeAccount;
        private int openClose;
        private int noOrderFills;
        private String infoText;
        private double highPriceDuringPosition;
        private double lowPriceDuringPosition;
        private double positionQuantity;

        private Builder(HistoricalOrderFillResponse m) {
            requestId = m.requestId;
            totalNumberMessages = m.totalNumberMessages;
            messageNumber = m.messageNumber;
            symbol = m.symbol;
            exchange = m.exchange;
            serverOrderId = m.serverOrderId;
            buySell = m.buySell;
            price = m.price;
            dateTime = m.dateTime;
            quantity = m.quantity;
            uniqueExecutionId = m.uniqueExecutionId;
            tradeAccount = m.tradeAccount;
            openClose = m.openClose;
            noOrderFills = m.noOrderFills;
            infoText = m.infoText;
            highPriceDuringPosition = m.highPriceDuringPosition;
            lowPriceDuringPosition = m.lowPriceDuringPosition;
            positionQuantity = m.positionQuantity;
        }

        public Builder requestId(int requestId) {
            this.requestId = requestId;
            return this;
        }

        public Builder totalNumberMessages(int totalNumberMessages) {
            this.totalNumberMessages = totalNumberMessages;
            return this;
        }

        public Builder messageNumber(int messageNumber) {
            this.messageNumber = messageNumber;
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

        public Builder serverOrderId(String serverOrderId) {
            this.serverOrderId = serverOrderId;
            return this;
        }

        public Builder buySell(int buySell) {
            this.buySell = buySell;
            return this;
        }

        public Builder price(double price) {
            this.price = price;
            return this;
        }

        public Builder dateTime(long dateTime) {
            this.dateTime = dateTime;
            return this;
        }

        public Builder quantity(double quantity) {
            this.quantity = quantity;
            return this;
        }

        public Builder uniqueExecutionId(String uniqueExecutionId) {
            this.uniqueExecutionId = uniqueExecutionId;
            return this;
        }

        public Builder tradeAccount(String tradeAccount) {
            this.tradeAccount = tradeAccount;
            return this;
        }

        public Builder openClose(int openClose) {
            this.openClose = openClose;
            return this;
        }

        public Builder noOrderFills(int noOrderFills) {
            this.noOrderFills = noOrderFills;
            return this;
        }

        public Builder infoText(String infoText) {
            this.infoText = infoText;
            return this;
        }

        public Builder highPriceDuringPosition(double highPriceDuringPosition) {
            this.highPriceDuringPosition = highPriceDuringPosition;
            return this;
        }

        public Builder lowPriceDuringPosition(double lowPriceDuringPosition) {
            this.lowPriceDuringPosition = lowPriceDuringPosition;
            return this;
        }

        public Builder positionQuantity(double positionQuantity) {
            this.positionQuantity = positionQuantity;
            return this;
        }

        public HistoricalOrderFillResponse build() {
            return new HistoricalOrderFillResponse(requestId, totalNumberMessages, messageNumber, symbol, exchange, serverOrderId, buySell, price, dateTime, quantity, uniqueExecutionId, tradeAccount, openClose, noOrderFills, infoText, highPriceDuringPosition, lowPriceDuringPosition, positionQuantity);
        }
    }
}
