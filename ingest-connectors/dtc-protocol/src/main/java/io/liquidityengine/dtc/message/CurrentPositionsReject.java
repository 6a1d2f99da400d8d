package io.liquidityengine.dtc.message;

/**
 * DTC {@code s_CurrentPositionsReject}: type 307 ({@link MessageType#CURRENT_POSITIONS_REJECT}), 104 bytes in binary encoding.
 *
 * <p>{@link #defaults()} is the header's default-constructed struct; {@link #builder()} starts from it.
 *
 * @param requestId  {@code RequestID}, int32
 * @param rejectText {@code RejectText}, char[96], at most 95 bytes of UTF-8
 */
public record CurrentPositionsReject(
        int requestId,
        String rejectText) implements DtcMessage {

    public static final int TYPE = MessageType.CURRENT_POSITIONS_REJECT;

    private static final CurrentPositionsReject DEFAULTS = new CurrentPositionsReject(0, "");

    /** The struct as the header's constructor leaves it ({@code Clear()}). */
    public static CurrentPositionsReject defaults() {
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

    /** Mutable builder for {@link CurrentPositionsReject}; every setter returns {@code this}. */
    public static final class Builder {
        private int requestId;
        private String rejectText;

        private Builder(CurrentPositionsReject m) {
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

        public CurrentPositionsReject build() {
            return new CurrentPositionsReject(requestId, rejectText);
        }
    }
}
