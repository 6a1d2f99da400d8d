package io.liquidityengine.dtc.message;

/**
 * DTC {@code s_CancelReplaceOrder}: type 204 ({@link MessageType#CANCEL_REPLACE_ORDER}), 192 bytes in binary encoding.
 *
 * <p>{@link #defaults()} is the header's default-constructed struct; {@link #builder()} starts from it.
 *
 * @param serverOrderId              {@code ServerOrderID}, char[32], at most 31 bytes of UTF-8
 * @param clientOrderId              {@code ClientOrderID}, char[32], at most 31 bytes of UTF-8
 * @param price1                     {@code Price1}, double
 * @param price2                     {@code Price2}, double
 * @param quantity                   {@code Quantity}, double
 * @param price1IsSet                {@code Price1IsSet}, uint8, default 1
 * @param price2IsSet                {@code Price2IsSet}, uint8, default 1
 * @param unused                     {@code Unused}, int32
 * @param timeInForce                {@code TimeInForce}, int32, see {@link TimeInForce}
 * @param goodTillDateTime           {@code GoodTillDateTime}, UNIX time in seconds (int64)
 * @param updatePrice1OffsetToParent {@code UpdatePrice1OffsetToParent}, uint8
 * @param tradeAccount               {@code TradeAccount}, char[32], at most 31 bytes of UTF-8
 * @param price1AsString             {@code Price1AsString}, char[16], at most 15 bytes of UTF-8
 * @param price2AsString             {@code Price2AsString}, char[16], at most 15 bytes of UTF-8
 */
public record CancelReplaceOrder(
        String serverOrderId,
        String clientOrderId,
        double price1,
        double price2,
        double quantity,
        int price1IsSet,
        int price2IsSet,
        int unused,
        int timeInForce,
        long goodTillDateTime,
        int updatePrice1OffsetToParent,
        String tradeAccount,
        String price1AsString,
        String price2AsString) implements DtcMessage {

    public static final int TYPE = MessageType.CANCEL_REPLACE_ORDER;

    private static final CancelReplaceOrder DEFAULTS = new CancelReplaceOrder("", "", 0.0, 0.0, 0.0, 1, 1, 0, 0, 0L, 0, "", "", "");

    /** The struct as the header's constructor leaves it ({@code Clear()}). */
    public static CancelReplaceOrder defaults() {
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

    /** Mutable builder for {@link CancelReplaceOrder}; every setter returns {@code this}. */
    public static final class Builder {
        private String serverOrderId;
        private String clientOrderId;
        private double price1;
        private double price2;
        private double quantity;
        private int price1IsSet;
        private int price2IsSet;
        private int unused;
        private int timeInForce;
        private long goodTillDateTime;
        private int updatePrice1OffsetToParent;
        private String tradeAccount;
        private String price1AsString;
        private String price2AsString;

        private Builder(CancelReplaceOrder m) {
            serverOrderId = m.serverOrderId;
            clientOrderId = m.clientOrderId;
            price1 = m.price1;
            price2 = m.price2;
            quantity = m.quantity;
            price1IsSet = m.price1IsSet;
            price2IsSet = m.price2IsSet;
            unused = m.unused;
            timeInForce = m.timeInForce;
            goodTillDateTime = m.goodTillDateTime;
            updatePrice1OffsetToParent = m.updatePrice1OffsetToParent;
            tradeAccount = m.tradeAccount;
            price1AsString = m.price1AsString;
            price2AsString = m.price2AsString;
        }

        public Builder serverOrderId(String serverOrderId) {
            this.serverOrderId = serverOrderId;
            return this;
        }

        public Builder clientOrderId(String clientOrderId) {
            this.clientOrderId = clientOrderId;
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

        public Builder price1IsSet(int price1IsSet) {
            this.price1IsSet = price1IsSet;
            return this;
        }

        public Builder price2IsSet(int price2IsSet) {
            this.price2IsSet = price2IsSet;
            return this;
        }

        public Builder unused(int unused) {
            this.unused = unused;
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

        public Builder updatePrice1OffsetToParent(int updatePrice1OffsetToParent) {
            this.updatePrice1OffsetToParent = updatePrice1OffsetToParent;
            return this;
        }

        public Builder tradeAccount(String tradeAccount) {
            this.tradeAccount = tradeAccount;
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

        public CancelReplaceOrder build() {
            return new CancelReplaceOrder(serverOrderId, clientOrderId, price1, price2, quantity, price1IsSet, price2IsSet, unused, timeInForce, goodTillDateTime, updatePrice1OffsetToParent, tradeAccount, price1AsString, price2AsString);
        }
    }
}
