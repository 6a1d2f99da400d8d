package io.liquidityengine.dtc.message;

/**
 * DTC {@code s_PositionUpdate}: type 306 ({@link MessageType#POSITION_UPDATE}), 240 bytes in binary encoding.
 *
 * <p>{@link #defaults()} is the header's default-constructed struct; {@link #builder()} starts from it.
 *
 * @param requestId                   {@code RequestID}, int32
 * @param totalNumberMessages         {@code TotalNumberMessages}, int32
 * @param messageNumber               {@code MessageNumber}, int32
 * @param symbol                      {@code Symbol}, char[64], at most 63 bytes of UTF-8
 * @param exchange                    {@code Exchange}, char[16], at most 15 bytes of UTF-8
 * @param quantity                    {@code Quantity}, double
 * @param averagePrice                {@code AveragePrice}, double
 * @param positionIdentifier          {@code PositionIdentifier}, char[32], at most 31 bytes of UTF-8
 * @param tradeAccount                {@code TradeAccount}, char[32], at most 31 bytes of UTF-8
 * @param noPositions                 {@code NoPositions}, uint8
 * @param unsolicited                 {@code Unsolicited}, uint8
 * @param marginRequirement           {@code MarginRequirement}, double
 * @param entryDateTime               {@code EntryDateTime}, UNIX time in seconds (uint32)
 * @param openProfitLoss              {@code OpenProfitLoss}, double
 * @param highPriceDuringPosition     {@code HighPriceDuringPosition}, double
 * @param lowPriceDuringPosition      {@code LowPriceDuringPosition}, double
 * @param quantityLimit               {@code QuantityLimit}, double
 * @param maxPotentialPostionQuantity {@code MaxPotentialPostionQuantity}, double
 */
public record PositionUpdate(
        int requestId,
        int totalNumberMessages,
        int messageNumber,
        String symbol,
        String exchange,
        double quantity,
        double averagePrice,
        String positionIdentifier,
        String tradeAccount,
        int noPositions,
        int unsolicited,
        double marginRequirement,
        long entryDateTime,
        double openProfitLoss,
        double highPriceDuringPosition,
        double lowPriceDuringPosition,
        double quantityLimit,
        double maxPotentialPostionQuantity) implements DtcMessage {

    public static final int TYPE = MessageType.POSITION_UPDATE;

    private static final PositionUpdate DEFAULTS = new PositionUpdate(0, 0, 0, "", "", 0.0, 0.0, "", "", 0, 0, 0.0, 0L, 0.0, 0.0, 0.0, 0.0, 0.0);

    /** The struct as the header's constructor leaves it ({@code Clear()}). */
    public static PositionUpdate defaults() {
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

    /** Mutable builder for {@link PositionUpdate}; every setter returns {@code this}. */
    public static final class Builder {
        private int requestId;
        private int totalNumberMessages;
        private int messageNumber;
        private String symbol;
        private String exchange;
        private double quantity;
        private double averagePrice;
        private String positionIdentifier;
        private String tradeAccount;
        private int noPositions;
        private int unsolicited;
        private double marginRequirement;
        private long entryDateTime;
        private double openProfitLoss;
        private double highPriceDuringPosition;
        private double lowPriceDuringPosition;
        private double quantityLimit;
        private double maxPotentialPostionQuantity;

        private Builder(PositionUpdate m) {
            requestId = m.requestId;
            totalNumberMessages = m.totalNumberMessages;
            messageNumber = m.messageNumber;
            symbol = m.symbol;
            exchange = m.exchange;
            quantity = m.quantity;
            averagePrice = m.averagePrice;
            positionIdentifier = m.positionIdentifier;
            tradeAccount = m.tradeAccount;
            noPositions = m.noPositions;
            unsolicited = m.unsolicited;
            marginRequirement = m.marginRequirement;
            entryDateTime = m.entryDateTime;
            openProfitLoss = m.openProfitLoss;
            highPriceDuringPosition = m.highPriceDuringPosition;
            lowPriceDuringPosition = m.lowPriceDuringPosition;
            quantityLimit = m.quantityLimit;
            maxPotentialPostionQuantity = m.maxPotentialPostionQuantity;
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

        public Builder quantity(double quantity) {
            this.quantity = quantity;
            return this;
        }

        public Builder averagePrice(double averagePrice) {
            this.averagePrice = averagePrice;
            return this;
        }

        public Builder positionIdentifier(String positionIdentifier) {
            this.positionIdentifier = positionIdentifier;
            return this;
        }

        public Builder tradeAccount(String tradeAccount) {
            this.tradeAccount = tradeAccount;
            return this;
        }

        public Builder noPositions(int noPositions) {
            this.noPositions = noPositions;
            return this;
        }

        public Builder unsolicited(int unsolicited) {
            this.unsolicited = unsolicited;
            return this;
        }

        public Builder marginRequirement(double marginRequirement) {
            this.marginRequirement = marginRequirement;
            return this;
        }

        public Builder entryDateTime(long entryDateTime) {
            this.entryDateTime = entryDateTime;
            return this;
        }

        public Builder openProfitLoss(double openProfitLoss) {
            this.openProfitLoss = openProfitLoss;
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

        public Builder quantityLimit(double quantityLimit) {
            this.quantityLimit = quantityLimit;
            return this;
        }

        public Builder maxPotentialPostionQuantity(double maxPotentialPostionQuantity) {
            this.maxPotentialPostionQuantity = maxPotentialPostionQuantity;
            return this;
        }

        public PositionUpdate build() {
            return new PositionUpdate(requestId, totalNumberMessages, messageNumber, symbol, exchange, quantity, averagePrice, positionIdentifier, tradeAccount, noPositions, unsolicited, marginRequirement, entryDateTime, openProfitLoss, highPriceDuringPosition, lowPriceDuringPosition, quantityLimit, maxPotentialPostionQuantity);
        }
    }
}
