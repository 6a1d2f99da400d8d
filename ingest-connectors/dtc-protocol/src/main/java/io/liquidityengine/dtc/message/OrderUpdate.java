package io.liquidityengine.dtc.message;

/**
 * DTC {@code s_OrderUpdate}: type 301 ({@link MessageType#ORDER_UPDATE}), 720 bytes in binary encoding.
 *
 * <p>{@link #defaults()} is the header's default-constructed struct; {@link #builder()} starts from it.
 *
 * @param requestId                   {@code RequestID}, int32
 * @param totalNumMessages            {@code TotalNumMessages}, int32
 * @param messageNumber               {@code MessageNumber}, int32
 * @param symbol                      {@code Symbol}, char[64], at most 63 bytes of UTF-8
 * @param exchange                    {@code Exchange}, char[16], at most 15 bytes of UTF-8
 * @param previousServerOrderId       {@code PreviousServerOrderID}, char[32], at most 31 bytes of UTF-8
 * @param serverOrderId               {@code ServerOrderID}, char[32], at most 31 bytes of UTF-8
 * @param clientOrderId               {@code ClientOrderID}, char[32], at most 31 bytes of UTF-8
 * @param exchangeOrderId             {@code ExchangeOrderID}, char[32], at most 31 bytes of UTF-8
 * @param orderStatus                 {@code OrderStatus}, int32, see {@link OrderStatus}
 * @param orderUpdateReason           {@code OrderUpdateReason}, int32, see {@link OrderUpdateReason}
 * @param orderType                   {@code OrderType}, int32, see {@link OrderType}
 * @param buySell                     {@code BuySell}, int32, see {@link BuySell}
 * @param price1                      {@code Price1}, double, default UNSET_DOUBLE (unset)
 * @param price2                      {@code Price2}, double, default UNSET_DOUBLE (unset)
 * @param timeInForce                 {@code TimeInForce}, int32, see {@link TimeInForce}
 * @param goodTillDateTime            {@code GoodTillDateTime}, UNIX time in seconds (int64)
 * @param orderQuantity               {@code OrderQuantity}, double, default UNSET_DOUBLE (unset)
 * @param filledQuantity              {@code FilledQuantity}, double, default UNSET_DOUBLE (unset)
 * @param remainingQuantity           {@code RemainingQuantity}, double, default UNSET_DOUBLE (unset)
 * @param averageFillPrice            {@code AverageFillPrice}, double, default UNSET_DOUBLE (unset)
 * @param lastFillPrice               {@code LastFillPrice}, double, default UNSET_DOUBLE (unset)
 * @param lastFillDateTime            {@code LastFillDateTime}, UNIX time in milliseconds (int64)
 * @param lastFillQuantity            {@code LastFillQuantity}, double, default UNSET_DOUBLE (unset)
 * @param lastFillExecutionId         {@code LastFillExecutionID}, char[64], at most 63 bytes of UTF-8
 * @param tradeAccount                {@code TradeAccount}, char[32], at most 31 bytes of UTF-8
 * @param infoText                    {@code InfoText}, char[96], at most 95 bytes of UTF-8
 * @param noOrders                    {@code NoOrders}, uint8
 * @param parentServerOrderId         {@code ParentServerOrderID}, char[32], at most 31 bytes of UTF-8
 * @param ocoLinkedOrderServerOrderId {@code OCOLinkedOrderServerOrderID}, char[32], at most 31 bytes of UTF-8
 * @param openOrClose                 {@code OpenOrClose}, int32, see {@link OpenClose}
 * @param previousClientOrderId       {@code PreviousClientOrderID}, char[32], at most 31 bytes of UTF-8
 * @param freeFormText                {@code FreeFormText}, char[48], at most 47 bytes of UTF-8
 * @param orderReceivedDateTime       {@code OrderReceivedDateTime}, UNIX time in milliseconds (int64)
 * @param latestTransactionDateTime   {@code LatestTransactionDateTime}, UNIX time in seconds with a fraction (double)
 * @param username                    {@code Username}, char[32], at most 31 bytes of UTF-8
 */
public record OrderUpdate(
        int requestId,
        int totalNumMessages,
        int messageNumber,
        String symbol,
        String exchange,
        String previousServerOrderId,
        String serverOrderId,
        String clientOrderId,
        String exchangeOrderId,
        int orderStatus,
        int orderUpdateReason,
        int orderType,
        int buySell,
        double price1,
        double price2,
        int timeInForce,
        long goodTillDateTime,
        double orderQuantity,
        double filledQuantity,
        double remainingQuantity,
        double averageFillPrice,
        double lastFillPrice,
        long lastFillDateTime,
        double lastFillQuantity,
        String lastFillExecutionId,
        String tradeAccount,
        String infoText,
        int noOrders,
        String parentServerOrderId,
        String ocoLinkedOrderServerOrderId,
        int openOrClose,
        String previousClientOrderId,
        String freeFormText,
        long orderReceivedDateTime,
        double latestTransactionDateTime,
        String username) implements DtcMessage {

    public static final int TYPE = MessageType.ORDER_UPDATE;

    private static final OrderUpdate DEFAULTS = new OrderUpdate(0, 0, 0, "", "", "", "", "", "", 0, 0, 0, 0, Dtc.UNSET_DOUBLE, Dtc.UNSET_DOUBLE, 0, 0L, Dtc.UNSET_DOUBLE, Dtc.UNSET_DOUBLE, Dtc.UNSET_DOUBLE, Dtc.UNSET_DOUBLE, Dtc.UNSET_DOUBLE, 0L, Dtc.UNSET_DOUBLE, "", "", "", 0, "", "", 0, "", "", 0L, 0.0, "");

    /** The struct as the header's constructor leaves it ({@code Clear()}). */
    public static OrderUpdate defaults() {
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

    /** Mutable builder for {@link OrderUpdate}; every setter returns {@code this}. */
    public static final class Builder {
        private int requestId;
        private int totalNumMessages;
        private int messageNumber;
        private String symbol;
        private String exchange;
        private String previousServerOrderId;
        private String serverOrderId;
        private String clientOrderId;
        private String exchangeOrderId;
        private int orderStatus;
        private int orderUpdateReason;
        private int orderType;
        private int buySell;
        private double price1;
        private double price2;
        private int timeInForce;
        private long goodTillDateTime;
        private double orderQuantity;
        private double filledQuantity;
        private double remainingQuantity;
        private double averageFillPrice;
        private double lastFillPrice;
        private long lastFillDateTime;
        private double lastFillQuantity;
        private String lastFillExecutionId;
        private String tradeAccount;
        private String infoText;
        private int noOrders;
        private String parentServerOrderId;
        private String ocoLinkedOrderServerOrderId;
        private int openOrClose;
        private String previousClientOrderId;
        private String freeFormText;
        private long orderReceivedDateTime;
        private double latestTransactionDateTime;
        private String username;

        private Builder(OrderUpdate m) {
            requestId = m.requestId;
            totalNumMessages = m.totalNumMessages;
            messageNumber = m.messageNumber;
            symbol = m.symbol;
            exchange = m.exchange;
            previousServerOrderId = m.previousServerOrderId;
            serverOrderId = m.serverOrderId;
            clientOrderId = m.clientOrderId;
            exchangeOrderId = m.exchangeOrderId;
            orderStatus = m.orderStatus;
            orderUpdateReason = m.orderUpdateReason;
            orderType = m.orderType;
            buySell = m.buySell;
            price1 = m.price1;
            price2 = m.price2;
            timeInForce = m.timeInForce;
            goodTillDateTime = m.goodTillDateTime;
            orderQuantity = m.orderQuantity;
            filledQuantity = m.filledQuantity;
            remainingQuantity = m.remainingQuantity;
            averageFillPrice = m.averageFillPrice;
            lastFillPrice = m.lastFillPrice;
            lastFillDateTime = m.lastFillDateTime;
            lastFillQuantity = m.lastFillQuantity;
            lastFillExecutionId = m.lastFillExecutionId;
            tradeAccount = m.tradeAccount;
            infoText = m.infoText;
            noOrders = m.noOrders;
            parentServerOrderId = m.parentServerOrderId;
            ocoLinkedOrderServerOrderId = m.ocoLinkedOrderServerOrderId;
            openOrClose = m.openOrClose;
            previousClientOrderId = m.previousClientOrderId;
            freeFormText = m.freeFormText;
            orderReceivedDateTime = m.orderReceivedDateTime;
            latestTransactionDateTime = m.latestTransactionDateTime;
            username = m.username;
        }

        public Builder requestId(int requestId) {
            this.requestId = requestId;
            return this;
        }

        public Builder totalNumMessages(int totalNumMessages) {
            this.totalNumMessages = totalNumMessages;
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

        public Builder previousServerOrderId(String previousServerOrderId) {
            this.previousServerOrderId = previousServerOrderId;
            return this;
        }

        public Builder serverOrderId(String serverOrderId) {
            this.serverOrderId = serverOrderId;
            return this;
        }

        public Builder clientOrderId(String clientOrderId) {
            this.clientOrderId = clientOrderId;
            return this;
        }

        public Builder exchangeOrderId(String exchangeOrderId) {
            this.exchangeOrderId = exchangeOrderId;
            return this;
        }

        public Builder orderStatus(int orderStatus) {
            this.orderStatus = orderStatus;
            return this;
        }

        public Builder orderUpdateReason(int orderUpdateReason) {
            this.orderUpdateReason = orderUpdateReason;
            return this;
        }

        public Builder orderType(int orderType) {
            this.orderType = orderType;
            return this;
        }

        public Builder buySell(int buySell) {
            this.buySell = buySell;
            return this;
        }

        public Builder price1(double price1) {
            this.price1 = price1;
            return this;
        }

        public Builder price2(double price2) {
            this.price2 = price2;
            return this;
        }

        public Builder timeInForce(int timeInForce) {
            this.timeInForce = timeInForce;
            return this;
        }

        public Builder goodTillDateTime(long goodTillDateTime) {
            this.goodTillDateTime = goodTillDateTime;
            return this;
        }

        public Builder orderQuantity(double orderQuantity) {
            this.orderQuantity = orderQuantity;
            return this;
        }

        public Builder filledQuantity(double filledQuantity) {
            this.filledQuantity = filledQuantity;
            return this;
        }

        public Builder remainingQuantity(double remainingQuantity) {
            this.remainingQuantity = remainingQuantity;
            return this;
        }

        public Builder averageFillPrice(double averageFillPrice) {
            this.averageFillPrice = averageFillPrice;
            return this;
        }

        public Builder lastFillPrice(double lastFillPrice) {
            this.lastFillPrice = lastFillPrice;
            return this;
        }

        public Builder lastFillDateTime(long lastFillDateTime) {
            this.lastFillDateTime = lastFillDateTime;
            return this;
        }

        public Builder lastFillQuantity(double lastFillQuantity) {
            this.lastFillQuantity = lastFillQuantity;
            return this;
        }

        public Builder lastFillExecutionId(String lastFillExecutionId) {
            this.lastFillExecutionId = lastFillExecutionId;
            return this;
        }

        public Builder tradeAccount(String tradeAccount) {
            this.tradeAccount = tradeAccount;
            return this;
        }

        public Builder infoText(String infoText) {
            this.infoText = infoText;
            return this;
        }

        public Builder noOrders(int noOrders) {
            this.noOrders = noOrders;
            return this;
        }

        public Builder parentServerOrderId(String parentServerOrderId) {
            this.parentServerOrderId = parentServerOrderId;
            return this;
        }

        public Builder ocoLinkedOrderServerOrderId(String ocoLinkedOrderServerOrderId) {
            this.ocoLinkedOrderServerOrderId = ocoLinkedOrderServerOrderId;
            return this;
        }

        public Builder openOrClose(int openOrClose) {
            this.openOrClose = openOrClose;
            return this;
        }

        public Builder previousClientOrderId(String previousClientOrderId) {
            this.previousClientOrderId = previousClientOrderId;
            return this;
        }

        public Builder freeFormText(String freeFormText) {
            this.freeFormText = freeFormText;
            return this;
        }

        public Builder orderReceivedDateTime(long orderReceivedDateTime) {
            this.orderReceivedDateTime = orderReceivedDateTime;
            return this;
        }

        public Builder latestTransactionDateTime(double latestTransactionDateTime) {
            this.latestTransactionDateTime = latestTransactionDateTime;
            return this;
        }

        public Builder username(String username) {
            this.username = username;
            return this;
        }

        public OrderUpdate build() {
            return new OrderUpdate(requestId, totalNumMessages, messageNumber, symbol, exchange, previousServerOrderId, serverOrderId, clientOrderId, exchangeOrderId, orderStatus, orderUpdateReason, orderType, buySell, price1, price2, timeInForce, goodTillDateTime, orderQuantity, filledQuantity, remainingQuantity, averageFillPrice, lastFillPrice, lastFillDateTime, lastFillQuantity, lastFillExecutionId, tradeAccount, infoText, noOrders, parentServerOrderId, ocoLinkedOrderServerOrderId, openOrClose, previousClientOrderId, freeFormText, orderReceivedDateTime, latestTransactionDateTime, username);
        }
    }
}
