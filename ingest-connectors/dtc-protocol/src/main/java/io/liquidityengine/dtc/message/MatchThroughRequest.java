package io.liquidityengine.dtc.message;

/**
 * The project's own clock message, type 20000 ({@link MessageType#MATCH_THROUGH_REQUEST}, outside DTC's
 * standard range), 128 bytes in binary encoding: "match trade account A's working orders in symbol S
 * against the trades printed up to and including event time t". Only the project's server in
 * {@code matching=external} mode acts on it (a replay whose fills must follow the client's clock, not
 * the tape's); it answers with a {@link MatchThroughResponse} of the same request id after every order
 * update the matching produced. Any other server does not know the type.
 *
 * @param requestId             {@code RequestID}, int32 (offset 4)
 * @param symbol                {@code Symbol}, char[64] (offset 8)
 * @param exchange              {@code Exchange}, char[16] (offset 72)
 * @param tradeAccount          {@code TradeAccount}, char[32] (offset 88)
 * @param throughDateTimeMicros {@code ThroughDateTime}, UNIX time in microseconds, int64 (offset 120)
 */
public record MatchThroughRequest(
        int requestId,
        String symbol,
        String exchange,
        String tradeAccount,
        long throughDateTimeMicros) implements DtcMessage {

    public static final int TYPE = MessageType.MATCH_THROUGH_REQUEST;

    private static final MatchThroughRequest DEFAULTS = new MatchThroughRequest(0, "", "", "", 0L);

    public MatchThroughRequest {
        symbol = symbol == null ? "" : symbol;
        exchange = exchange == null ? "" : exchange;
        tradeAccount = tradeAccount == null ? "" : tradeAccount;
    }

    public static MatchThroughRequest defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder(DEFAULTS);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    @Override
    public int type() {
        return TYPE;
    }

    /** Mutable builder for {@link MatchThroughRequest}; every setter returns {@code this}. */
    public static final class Builder {
        private int requestId;
        private String symbol;
        private String exchange;
        private String tradeAccount;
        private long throughDateTimeMicros;

        private Builder(MatchThroughRequest m) {
            requestId = m.requestId;
            symbol = m.symbol;
            exchange = m.exchange;
            tradeAccount = m.tradeAccount;
            throughDateTimeMicros = m.throughDateTimeMicros;
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

        public Builder tradeAccount(String tradeAccount) {
            this.tradeAccount = tradeAccount;
            return this;
        }

        public Builder throughDateTimeMicros(long throughDateTimeMicros) {
            this.throughDateTimeMicros = throughDateTimeMicros;
            return this;
        }

        public MatchThroughRequest build() {
            return new MatchThroughRequest(requestId, symbol, exchange, tradeAccount, throughDateTimeMicros);
        }
    }
}
