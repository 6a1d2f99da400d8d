package io.liquidityengine.dtc.message;

/**
 * The answer to a {@link MatchThroughRequest}, type 20001 ({@link MessageType#MATCH_THROUGH_RESPONSE}),
 * 128 bytes in binary encoding. The server sends it after every order update the matching produced, so a
 * client that has read it has read those.
 *
 * @param requestId              {@code RequestID}, int32 (offset 4)
 * @param matchedThroughMicros   {@code MatchedThroughDateTime}: the event time of the last trade matched for the
 *                               account and symbol so far, UNIX microseconds, int64 (offset 8; 0 = none yet)
 * @param tradesMatched          {@code TradesMatched}: trades this request ran against the account's orders, int32 (offset 16)
 * @param rejected               {@code Rejected}: 1 when the server did not act on the request, uint8 (offset 20)
 * @param rejectText             {@code RejectText}, char[96] (offset 21): why
 */
public record MatchThroughResponse(
        int requestId,
        long matchedThroughMicros,
        int tradesMatched,
        int rejected,
        String rejectText) implements DtcMessage {

    public static final int TYPE = MessageType.MATCH_THROUGH_RESPONSE;

    private static final MatchThroughResponse DEFAULTS = new MatchThroughResponse(0, 0L, 0, 0, "");

    public MatchThroughResponse {
        rejectText = rejectText == null ? "" : rejectText;
    }

    public static MatchThroughResponse defaults() {
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

    /** Mutable builder for {@link MatchThroughResponse}; every setter returns {@code this}. */
    public static final class Builder {
        private int requestId;
        private long matchedThroughMicros;
        private int tradesMatched;
        private int rejected;
        private String rejectText;

        private Builder(MatchThroughResponse m) {
            requestId = m.requestId;
            matchedThroughMicros = m.matchedThroughMicros;
            tradesMatched = m.tradesMatched;
            rejected = m.rejected;
            rejectText = m.rejectText;
        }

        public Builder requestId(int requestId) {
            this.requestId = requestId;
            return this;
        }

        public Builder matchedThroughMicros(long matchedThroughMicros) {
            this.matchedThroughMicros = matchedThroughMicros;
            return this;
        }

        public Builder tradesMatched(int tradesMatched) {
            this.tradesMatched = tradesMatched;
            return this;
        }

        public Builder rejected(int rejected) {
            this.rejected = rejected;
            return this;
        }

        public Builder rejectText(String rejectText) {
            this.rejectText = rejectText;
            return this;
        }

        public MatchThroughResponse build() {
            return new MatchThroughResponse(requestId, matchedThroughMicros, tradesMatched, rejected, rejectText);
        }
    }
}
