package io.liquidityengine.dtc.message;

/**
 * DTC {@code s_EncodingResponse}: type 7 ({@link MessageType#ENCODING_RESPONSE}), 16 bytes in binary encoding.
 *
 * <p>{@link #defaults()} is the header's default-constructed struct; {@link #builder()} starts from it.
 *
 * @param protocolVersion {@code ProtocolVersion}, int32, default CURRENT_PROTOCOL_VERSION
 * @param encoding        {@code Encoding}, int32, see {@link Encoding}
 * @param protocolType    {@code ProtocolType}, char[4], at most 3 bytes of UTF-8, default "DTC"
 */
public record EncodingResponse(
        int protocolVersion,
        int encoding,
        String protocolType) implements DtcMessage {

    public static final int TYPE = MessageType.ENCODING_RESPONSE;

    private static final EncodingResponse DEFAULTS = new EncodingResponse(Dtc.CURRENT_PROTOCOL_VERSION, 0, "DTC");

    /** The struct as the header's constructor leaves it ({@code Clear()}). */
    public static EncodingResponse defaults() {
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

    /** Mutable builder for {@link EncodingResponse}; every setter returns {@code this}. */
    public static final class Builder {
        private int protocolVersion;
        private int encoding;
        private String protocolType;

        private Builder(EncodingResponse m) {
            protocolVersion = m.protocolVersion;
            encoding = m.encoding;
            protocolType = m.protocolType;
        }

        public Builder protocolVersion(int protocolVersion) {
            this.protocolVersion = protocolVersion;
            return this;
        }

        public Builder encoding(int encoding) {
            this.encoding = encoding;
            return this;
        }

        public Builder protocolType(String protocolType) {
            this.protocolType = protocolType;
            return this;
        }

        public EncodingResponse build() {
            return new EncodingResponse(protocolVersion, encoding, protocolType);
        }
    }
}
