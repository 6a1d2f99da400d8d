package io.liquidityengine.dtc.message;

/**
 * DTC {@code s_MarketDataRequest}: type 101 ({@link MessageType#MARKET_DATA_REQUEST}), 96 bytes in binary encoding.
 *
 * <p>{@link #defaults()} is the header's default-constructed struct; {@link #builder()} starts from it.
 *
 * @param requestAction                            {@code RequestAction}, int32, see {@link RequestAction}, default SUBSCRIBE
 * @param symbolId                                 {@code SymbolID}, uint32 held as its int bits
 * @param symbol                                   {@code Symbol}, char[64], at most 63 bytes of UTF-8
 * @param exchange                                 {@code Exchange}, char[16], at most 15 bytes of UTF-8
 * @param intervalForSnapshotUpdatesInMilliseconds {@code IntervalForSnapshotUpdatesInMilliseconds}, uint32
 */
public record MarketDataRequest(
        int requestAction,
        int symbolId,
        String symbol,
        String exchange,
        long intervalForSnapshotUpdatesInMilliseconds) implements DtcMessage {

    public static final int TYPE = MessageType.MARKET_DATA_REQUEST;

    private static final MarketDataRequest DEFAULTS = new MarketDataRequest(RequestAction.SUBSCRIBE, 0, "", "", 0L);

    /** The struct as the header's constructor leaves it ({@code Clear()}). */
    public static MarketDataRequest defaults() {
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

    /** Mutable builder for {@link MarketDataRequest}; every setter returns {@code this}. */
    public static final class Builder {
        private int requestAction;
        private int symbolId;
        private String symbol;
        private String exchange;
        private long intervalForSnapshotUpdatesInMilliseconds;

        private Builder(MarketDataRequest m) {
            requestAction = m.requestAction;
            symbolId = m.symbolId;
            symbol = m.symbol;
            exchange = m.exchange;
            intervalForSnapshotUpdatesInMilliseconds = m.intervalForSnapshotUpdatesInMilliseconds;
        }

        public Builder requestAction(int requestAction) {
            this.requestAction = requestAction;
            return this;
        }

        public Builder symbolId(int symbolId) {
            this.symbolId = symbolId;
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

        public Builder intervalForSnapshotUpdatesInMilliseconds(long intervalForSnapshotUpdatesInMilliseconds) {
            this.intervalForSnapshotUpdatesInMilliseconds = intervalForSnapshotUpdatesInMilliseconds;
            return this;
        }

        public MarketDataRequest build() {
            return new MarketDataRequest(requestAction, symbolId, symbol, exchange, intervalForSnapshotUpdatesInMilliseconds);
        }
    }
}
