package io.liquidityengine.dtc.message;

/**
 * DTC {@code s_Logoff}: type 5 ({@link MessageType#LOGOFF}), 102 bytes in binary encoding.
 *
 * <p>{@link #defaults()} is the header's default-constructed struct; {@link #builder()} starts from it.
 *
 * @param reason         {@code Reason}, char[96], at most 95 bytes of UTF-8
 * @param doNotReconnect {@code DoNotReconnect}, uint8
 */
public record Logoff(
        String reason,
        int doNotReconnect) implements DtcMessage {

    public static final int TYPE = MessageType.LOGOFF;

    private static final Logoff DEFAULTS = new Logoff("", 0);

    /** The struct as the header's constructor leaves it ({@code Clear()}). */
    public static Logoff defaults() {
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

    /** Mutable builder for {@link Logoff}; every setter returns {@code this}. */
    public static final class Builder {
        private String reason;
        private int doNotReconnect;

        private Builder(Logoff m) {
            reason = m.reason;
            doNotReconnect = m.doNotReconnect;
        }

        public Builder reason(String reason) {
            this.reason = reason;
            return this;
        }

        public Builder doNotReconnect(int doNotReconnect) {
            this.doNotReconnect = doNotReconnect;
            return this;
        }

        public Logoff build() {
            return new Logoff(reason, doNotReconnect);
        }
    }
}
