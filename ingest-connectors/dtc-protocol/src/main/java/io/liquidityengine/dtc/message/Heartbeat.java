package io.liquidityengine.dtc.message;

/**
 * DTC {@code s_Heartbeat}: type 3 ({@link MessageType#HEARTBEAT}), 16 bytes in binary encoding.
 *
 * <p>{@link #defaults()} is the header's default-constructed struct; {@link #builder()} starts from it.
 *
 * @param numDroppedMessages {@code NumDroppedMessages}, uint32
 * @param currentDateTime    {@code CurrentDateTime}, UNIX time in seconds (int64)
 */
public record Heartbeat(
        long numDroppedMessages,
        long currentDateTime) implements DtcMessage {

    public static final int TYPE = MessageType.HEARTBEAT;

    private static final Heartbeat DEFAULTS = new Heartbeat(0L, 0L);

    /** The struct as the header's constructor leaves it ({@code Clear()}). */
    public static Heartbeat defaults() {
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

    /** Mutable builder for {@link Heartbeat}; every setter returns {@code this}. */
    public static final class Builder {
        private long numDroppedMessages;
        private long currentDateTime;

        private Builder(Heartbeat m) {
            numDroppedMessages = m.numDroppedMessages;
            currentDateTime = m.currentDateTime;
        }

        public Builder numDroppedMessages(long numDroppedMessages) {
            this.numDroppedMessages = numDroppedMessages;
            return this;
        }

        public Builder currentDateTime(long currentDateTime) {
            this.currentDateTime = currentDateTime;
            return this;
        }

        public Heartbeat build() {
            return new Heartbeat(numDroppedMessages, currentDateTime);
        }
    }
}
