package io.liquidityengine.dtc.message;

/**
 * DTC {@code s_SubmitNewOCOOrder}: type 201 ({@link MessageType#SUBMIT_NEW_OCO_ORDER}), 448 bytes in binary encoding.
 *
 * <p>{@link #defaults()} is the header's default-constructed struct; {@link #builder()} starts from it.
 *
 * @param symbol                         {@code Symbol}, char[64], at most 63 bytes of UTF-8
 * @param exchange                       {@code Exchange}, char[16], at most 15 bytes of UTF-8
 * @param clientOrderId_1                {@code ClientOrderID_1}, char[32], at most 31 bytes of UTF-8
 * @param orderType_1                    {@code OrderType_1}, int32, see {@link OrderType}
 * @param buySell_1                      {@code BuySell_1}, int32, see {@link BuySell}
 * @param price1_1                       {@code Price1_1}, double
 * @param price2_1                       {@code Price2_1}, double
 * @param quantity_1                     {@code Quantity_1}, double
 * @param clientOrderId_2                {@code ClientOrderID_2}, char[32], at most 31 bytes of UTF-8
 * @param orderType_2                    {@code OrderType_2}, int32, see {@link OrderType}
 * @param buySell_2                      {@code BuySell_2}, int32, see {@link BuySell}
 * @param price1_2                       {@code Price1_2}, double
 * @param price2_2                       {@code Price2_2}, double
 * @param quantity_2                     {@code Quantity_2}, double
 * @param timeInForce                    {@code TimeInForce}, int32, see {@link TimeInForce}
 * @param goodTillDateTime               {@code GoodTillDateTime}, UNIX time in seconds (int64)
 * @param tradeAccount                   {@code TradeAccount}, char[32], at most 31 bytes of UTF-8
 * @param isAutomatedOrder               {@code IsAutomatedOrder}, uint8
 * @param parentTriggerClientOrderId     {@code ParentTriggerClientOrderID}, char[32], at most 31 bytes of UTF-8
 * @param freeFormText                   {@code FreeFormText}, char[48], at most 47 bytes of UTF-8
 * @param openOrClose                    {@code OpenOrClose}, int32, see {@link OpenClose}
 * @param partialFillHandling            {@code PartialFillHandling}, int8, see {@link PartialFillHandling}
 * @param useOffsets                     {@code UseOffsets}, uint8
 * @param offsetFromParent1              {@code OffsetFromParent1}, double
 * @param offsetFromParent2              {@code OffsetFromParent2}, double
 * @param maintainSamePricesOnParentFill {@code MaintainSamePricesOnParentFill}, uint8
 * @param price1_1AsString               {@code Price1_1AsString}, char[16], at most 15 bytes of UTF-8
 * @param price2_1AsString               {@code Price2_1AsString}, char[16], at most 15 bytes of UTF-8
 * @param price1_2AsString               {@code Price1_2AsString}, char[16], at most 15 bytes of UTF-8
 * @param price2_2AsString               {@code Price2_2AsString}, char[16], at most 15 bytes of UTF-8
 */
public record SubmitNewOCOOrder(
        String symbol,
        String exchange,
        String clientOrderId_1,
        int orderType_1,
        int buySell_1,
        double price1_1,
        double price2_1,
        double quantity_1,
        String clientOrderId_2,
        int orderType_2,
        int buySell_2,
        double price1_2,
        double price2_2,
        double quantity_2,
        int timeInForce,
        long goodTillDateTime,
        String tradeAccount,
        int isAutomatedOrder,
        String parentTriggerClientOrderId,
        String freeFormText,
        int openOrClose,
        int partialFillHandling,
        int useOffsets,
        double offsetFromParent1,
        double offsetFromParent2,
        int maintainSamePricesOnParentFill,
        String price1_1AsString,
        String price2_1AsString,
        String price1_2AsString,
        String price2_2AsString) implements DtcMessage {

    public static final int TYPE = MessageType.SUBMIT_NEW_OCO_ORDER;

    private static final SubmitNewOCOOrder DEFAULTS = new SubmitNewOCOOrder("", "", "", 0, 0, 0.0, 0.0, 0.0, "", 0, 0, 0.0, 0.0, 0.0, 0, 0L, "", 0, "", "", 0, 0, 0, 0.0, 0.0, 0, "", "", "", "");

    /** The struct as the header's constructor leaves it ({@code Clear()}). */
    public static SubmitNewOCOOrder defaults() {
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

    /** Mutable builder for {@link SubmitNewOCOOrder}; every setter returns {@code this}. */
    public static final class Builder {
        private String symbol;
        private String exchange;
        private String clientOrderId_1;
        private int orderType_1;
        private int buySell_1;
        private double price1_1;
        private double price2_1;
        private double quantity_1;
        private String clientOrderId_2;
        private int orderType_2;
        private int buySell_2;
        private double price1_2;
        private double price2_2;
        private double quantity_2;
        private int timeInForce;
        private long goodTillDateTime;
        private String tradeAccount;
        private int isAutomatedOrder;
        private String parentTriggerClientOrderId;
        private String freeFormText;
        private int openOrClose;
        private int partialFillHandling;
        private int useOffsets;
        private double offsetFromParent1;
        private double offsetFromParent2;
        private int maintainSamePricesOnParentFill;
        private String price1_1AsString;
        private String price2_1AsString;
        private String price1_2AsString;
        private String price2_2AsString;

        private Builder(SubmitNewOCOOrder m) {
            symbol = m.symbol;
            exchange = m.exchange;
            clientOrderId_1 = m.clientOrderId_1;
            orderType_1 = m.orderType_1;
            buySell_1 = m.buySell_1;
            price1_1 = m.price1_1;
            price2_1 = m.price2_1;
            quantity_1 = m.quantity_1;
            clientOrderId_2 = m.clientOrderId_2;
            orderType_2 = m.orderType_2;
            buySell_2 = m.buySell_2;
            price1_2 = m.price1_2;
            price2_2 = m.price2_2;
            quantity_2 = m.quantity_2;
            timeInForce = m.timeInForce;
            goodTillDateTime = m.goodTillDateTime;
            tradeAccount = m.tradeAccount;
            isAutomatedOrder = m.isAutomatedOrder;
            parentTriggerClientOrderId = m.parentTriggerClientOrderId;
            freeFormText = m.freeFormText;
            openOrClose = m.openOrClose;
            partialFillHandling = m.partialFillHandling;
            useOffsets = m.useOffsets;
            offsetFromParent1 = m.offsetFromParent1;
            offsetFromParent2 = m.offsetFromParent2;
            maintainSamePricesOnParentFill = m.maintainSamePricesOnParentFill;
            price1_1AsString = m.price1_1AsString;
            price2_1AsString = m.price2_1AsString;
            price1_2AsString = m.price1_2AsString;
            price2_2AsString = m.price2_2AsString;
        }

        public Builder symbol(String symbol) {
            this.symbol = symbol;
            return this;
        }

        public Builder exchange(String exchange) {
            this.exchange = exchange;
            return this;
        }

        public Builder clientOrderId_1(String clientOrderId_1) {
            this.clientOrderId_1 = clientOrderId_1;
            return this;
        }

        public Builder orderType_1(int orderType_1) {
            this.orderType_1 = orderType_1;
            return this;
        }

        public Builder buySell_1(int buySell_1) {
            this.buySell_1 = buySell_1;
            return this;
        }

        public Builder price1_1(double price1_1) {
            this.price1_1 = price1_1;
            return this;
        }

        public Builder price2_1(double price2_1) {
            this.price2_1 = price2_1;
            return this;
        }

        public Builder quantity_1(double quantity_1) {
            this.quantity_1 = quantity_1;
            return this;
        }

        public Builder clientOrderId_2(String clientOrderId_2) {
            this.clientOrderId_2 = clientOrderId_2;
            return this;
        }

        public Builder orderType_2(int orderType_2) {
            this.orderType_2 = orderType_2;
            return this;
        }

        public Builder buySell_2(int buySell_2) {
            this.buySell_2 = buySell_2;
            return this;
        }

        public Builder price1_2(double price1_2) {
            this.price1_2 = price1_2;
            return this;
        }

        public Builder price2_2(double price2_2) {
            this.price2_2 = price2_2;
            return this;
        }

        public Builder quantity_2(double quantity_2) {
            this.quantity_2 = quantity_2;
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

        public Builder tradeAccount(String tradeAccount) {
            this.tradeAccount = tradeAccount;
            return this;
        }

        public Builder isAutomatedOrder(int isAutomatedOrder) {
            this.isAutomatedOrder = isAutomatedOrder;
            return this;
        }

        public Builder parentTriggerClientOrderId(String parentTriggerClientOrderId) {
            this.parentTriggerClientOrderId = parentTriggerClientOrderId;
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

        public Builder partialFillHandling(int partialFillHandling) {
            this.partialFillHandling = partialFillHandling;
            return this;
        }

        public Builder useOffsets(int useOffsets) {
            this.useOffsets = useOffsets;
            return this;
        }

        public Builder offsetFromParent1(double offsetFromParent1) {
            this.offsetFromParent1 = offsetFromParent1;
            return this;
        }

        public Builder offsetFromParent2(double offsetFromParent2) {
            this.offsetFromParent2 = offsetFromParent2;
            return this;
        }

        public Builder maintainSamePricesOnParentFill(int maintainSamePricesOnParentFill) {
            this.maintainSamePricesOnParentFill = maintainSamePricesOnParentFill;
            return this;
        }

        public Builder price1_1AsString(String price1_1AsString) {
            this.price1_1AsString = price1_1AsString;
            return this;
        }

        public Builder price2_1AsString(String price2_1AsString) {
            this.price2_1AsString = price2_1AsString;
            return this;
        }

        public Builder price1_2AsString(String price1_2AsString) {
            this.price1_2AsString = price1_2AsString;
            return this;
        }

        public Builder price2_2AsString(String price2_2AsString) {
            this.price2_2AsString = price2_2AsString;
            return this;
        }

        public SubmitNewOCOOrder build() {
            return new SubmitNewOCOOrder(symbol, exchange, clientOrderId_1, orderType_1, buySell_1, price1_1, price2_1, quantity_1, clientOrderId_2, orderType_2, buySell_2, price1_2, price2_2, quantity_2, timeInForce, goodTillDateTime, tradeAccount, isAutomatedOrder, parentTriggerClientOrderId, freeFormText, openOrClose, partialFillHandling, useOffsets, offsetFromParent1, offsetFromParent2, maintainSamePricesOnParentFill, price1_1AsString, price2_1AsString, price1_2AsString, price2_2AsString);
        }
    }
}
