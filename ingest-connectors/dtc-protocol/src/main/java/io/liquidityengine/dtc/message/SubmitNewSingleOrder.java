package io.liquidityengine.dtc.message;

/**
 * DTC {@code s_SubmitNewSingleOrder}: type 208 ({@link MessageType#SUBMIT_NEW_SINGLE_ORDER}), 296 bytes in binary encoding.
 *
 * <p>{@link #defaults()} is the header's default-constructed struct; {@link #builder()} starts from it.
 *
 * @param symbol           {@code Symbol}, char[64], at most 63 bytes of UTF-8
 * @param exchange         {@code Exchange}, char[16], at most 15 bytes of UTF-8
 * @param tradeAccount     {@code TradeAccount}, char[32], at most 31 bytes of UTF-8
 * @param clientOrderId    {@code ClientOrderID}, char[32], at most 31 bytes of UTF-8
 * @param orderType        {@code OrderType}, int32, see {@link OrderType}
 * @param buySell          {@code BuySell}, int32, see {@link BuySell}
 * @param price1           {@code Price1}, double
 * @param price2           {@code Price2}, double
 * @param quantity         {@code Quantity}, double
 * @param timeInForce      {@code TimeInForce}, int32, see {@link TimeInForce}
 * @param goodTillDateTime {@code GoodTillDateTime}, UNIX time in seconds (int64)
 * @param isAutomatedOrder {@code IsAutomatedOrder}, uint8
 * @param isParentOrder    {@code IsParentOrder}, uint8
 * @param freeFormText     {@code FreeFormText}, char[48], at most 47 bytes of UTF-8
 * @param openOrClose      {@code OpenOrClose}, int32, see {@link OpenClose}
 * @param maxShowQuantity  {@code MaxShowQuantity}, double
 * @param price1AsString   {@code Price1AsString}, char[16], at most 15 bytes of UTF-8
 * @param price2AsString   {@code Price2AsString}, char[16], at most 15 bytes of UTF-8
 */
public record SubmitNewSingleOrder(
        String symbol,
        String exchange,
        String tradeAccount,
        String clientOrderId,
        int orderType,
        int buySell,
        double price1,
        double price2,
        double quantity,
        int timeInForce,
        long goodTillDateTime,
        int isAutomatedOrder,
        int isParentOrder,
        String freeFormText,
        int openOrClose,
        double maxShowQuantity,
        String price1AsString,
        String price2AsString) implements DtcMessage {

    public static final int TYPE = MessageType.SUBMIT_NEW_SINGLE_ORDER;

    private static final SubmitNewSingleOrder DEFAULTS = new SubmitNewSingleOrder("", "", "", "", 0, 0, 0.0, 0.0, 0.0, 0, 0L, 0, 0, "", 0, 0.0, "", "");

    /** The struct as the header's constructor leaves it ({@code Clear()}). */
    public static SubmitNewSingleOrder defaults() {
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

    /** Mutable builder for {@link SubmitNewSingleOrder}; every setter returns {@code this}. */
    public static final class Builder {
        private String symbol;
        private String exchange;
        private String tradeAccount;
        private String clientOrderId;
        private int orderType;
        private int buySell;
        private double price1;
        private double price2;
        private double quantity;
        private int timeInForce;
        private long goodTillDateTime;
        private int isAutomatedOrder;
        private int isParentOrder;
        private String freeFormText;
        private int openOrClose;
        private double maxShowQuantity;
        private String price1AsString;
        private String price2AsString;

        private Builder(SubmitNewSingleOrder m) {
            symbol = m.symbol;
            exchange = m.exchange;
            tradeAccount = m.tradeAccount;
            clientOrderId = m.clientOrderId;
            orderType = m.orderType;
            buySell = m.buySell;
            price1 = m.price1;
            price2 = m.price2;
            quantity = m.quantity;
            timeInForce = m.timeInForce;
            goodTillDateTime = m.goodTillDateTime;
            isAutomatedOrder = m.isAutomatedOrder;
            isParentOrder = m.isParentOrder;
            freeFormText = m.freeFormText;
            openOrClose = m.openOrClose;
            maxShowQuantity = m.maxShowQuantity;
            price1AsString = m.price1AsString;
            price2AsString = m.price2AsString;
        }

        public Builder symbol(String symbol) {
            this.symbol = symbol;
            return this;
        }

        public Builder exchange(String exchange) {
            this.exchange = exchange;
            return this;
        }

        public Builder tradeAccount(String tradeAccount) {
            this.tradeAccount = tradeAccount;
            return this;
        }

        public Builder clientOrderId(String clientOrderId) {
            this.clientOrderId = clientOrderId;
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

        public Builder quantity(double quantity) {
            this.quantity = quantity;
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

        public Builder isAutomatedOrder(int isAutomatedOrder) {
            this.isAutomatedOrder = isAutomatedOrder;
            return this;
        }

        public Builder isParentOrder(int isParentOrder) {
            this.isParentOrder = isParentOrder;
            return this;
        }

        public Builder freeFormText(String freeFormText) {
            this.freeFormText = freeFormText;
            return this;
        }

        public Builder openOrClose(int openOrClose) {
            this.openOrClose = openOrClose;
            return this;
        }

        public Builder maxShowQuantity(double maxShowQuantity) {
            this.maxShowQuantity = maxShowQuantity;
            return this;
        }

        public Builder price1AsString(String price1AsString) {
            this.price1AsString = price1AsString;
            return this;
        }

        public Builder price2AsString(String price2AsString) {
            this.price2AsString = price2AsString;
            return this;
        }

        public SubmitNewSingleOrder build() {
            return new SubmitNewSingleOrder(symbol, exchange, tradeAccount, clientOrderId, orderType, buySell, price1, price2, quantity, timeInForce, goodTillDateTime, isAutomatedOrder, isParentOrder, freeFormText, openOrClose, maxShowQuantity, price1AsString, price2AsString);
        }
    }
}
