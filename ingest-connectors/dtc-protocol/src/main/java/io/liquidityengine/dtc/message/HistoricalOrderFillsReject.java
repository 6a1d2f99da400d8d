package io.liquidityengine.dtc.message;

/**
 * DTC {@code s_HistoricalOrderFillsReject}: type 308 ({@link MessageType#HISTORICAL_ORDER_FILLS_REJECT}), 104 bytes in binary encoding.
 *
 * <p>{@link #defaults()} is the header's default-constructed struct; {@link #builder()} starts from it.
 *
 * @param requestId  {@code RequestID}, int32
 * @param rejectText {@code RejectText}, char[96], at most 95 bytes of UTF-8
 */
public record HistoricalOrderFillsReject(
        int requestId,
        String rejectText) implements DtcMessage {

    public static final int TYPE = MessageType.HISTORICAL_ORDER_FILLS_REJECT;

    private static final HistoricalOrderFillsReject DEFAULTS = new HistoricalOrderFillsReject(0, "");

    /** The struct as the header's constructor leaves it ({@code Clear()}). */
    public static HistoricalOrderFillsReject defaults() {
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

    /** Mutable builder for {@link HistoricalOrderFillsReject}; every setter returns {@code this}. */
    public static final class Builder {
        private int requestId;
        private String rejectText;

        private Builder(HistoricalOrderFillsReject m) {
            requestId = m.requestId;
            rejectText = m.rejectText;
        }

        public Builder requestId(int requestId) {
            this.requestId = requestId;
            return this;
        }

        public Builder rejectText(String rejectText) {
            this.rejectText = rejectText;
            return this;
        }

        public HistoricalOrderFillsReject build() {
            return new HistoricalOrderFillsReject(requestId, rejectText);
        }
    }
}
