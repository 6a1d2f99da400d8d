package io.liquidityengine.dtc.message;

/**
 * DTC {@code s_MarketDataReject}: type 103 ({@link MessageType#MARKET_DATA_REJECT}), 104 bytes in binary encoding.
 *
 * <p>{@link #defaults()} is the header's default-constructed struct; {@link #builder()} starts from it.
 *
 * @param symbolId   {@code SymbolID}, uint32 held as its int bits
 * @param rejectText {@code RejectText}, char[96], at most 95 bytes of UTF-8
 */
public record MarketDataReject(
        int symbolId,
        String rejectText) implements DtcMessage {

    public static final int TYPE = MessageType.MARKET_DATA_REJECT;

    private static final MarketDataReject DEFAULTS = new MarketDataReject(0, "");

    /** The struct as the header's constructor leaves it ({@code Clear()}). */
    public static MarketDataReject defaults() {
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

    /** Mutable builder for {@link MarketDataReject}; every setter returns {@code this}. */
    public static final class Builder {
        private int symbolId;
        private String rejectText;

        private Builder(MarketDataReject m) {
            symbolId = m.symbolId;
            rejectText = m.rejectText;
        }

        public Builder symbolId(int symbolId) {
            this.symbolId = symbolId;
            return this;
        }

        public Builder rejectText(String rejectText) {
            this.rejectText = rejectText;
            return this;
        }

        public MarketDataReject build() {
            return new MarketDataReject(symbolId, rejectText);
        }
    }
}
