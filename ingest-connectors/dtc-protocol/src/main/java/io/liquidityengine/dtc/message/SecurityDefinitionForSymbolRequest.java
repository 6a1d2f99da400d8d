package io.liquidityengine.dtc.message;

/**
 * DTC {@code s_SecurityDefinitionForSymbolRequest}: type 506 ({@link MessageType#SECURITY_DEFINITION_FOR_SYMBOL_REQUEST}), 88 bytes in binary encoding.
 *
 * <p>{@link #defaults()} is the header's default-constructed struct; {@link #builder()} starts from it.
 *
 * @param requestId {@code RequestID}, int32
 * @param symbol    {@code Symbol}, char[64], at most 63 bytes of UTF-8
 * @param exchange  {@code Exchange}, char[16], at most 15 bytes of UTF-8
 */
public record SecurityDefinitionForSymbolRequest(
        int requestId,
        String symbol,
        String exchange) implements DtcMessage {

    public static final int TYPE = MessageType.SECURITY_DEFINITION_FOR_SYMBOL_REQUEST;

    private static final SecurityDefinitionForSymbolRequest DEFAULTS = new SecurityDefinitionForSymbolRequest(0, "", "");

    /** The struct as the header's constructor leaves it ({@code Clear()}). */
    public static SecurityDefinitionForSymbolRequest defaults() {
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

    /** Mutable builder for {@link SecurityDefinitionForSymbolRequest}; every setter returns {@code this}. */
    public static final class Builder {
        private int requestId;
        private String symbol;
        private String exchange;

        private Builder(SecurityDefinitionForSymbolRequest m) {
            requestId = m.requestId;
            symbol = m.symbol;
            exchange = m.exchange;
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

        public SecurityDefinitionForSymbolRequest build() {
            return new SecurityDefinitionForSymbolRequest(requestId, symbol, exchange);
        }
    }
}
