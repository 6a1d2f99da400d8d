package io.liquidityengine.dtc.message;

/** {@code EncodingEnum}: negotiated with {@link EncodingRequest}/{@link EncodingResponse}. This module implements {@link #BINARY} only. Values are kept as {@code int} in the records; unknown values pass through. */
public final class Encoding {

    private Encoding() {
    }

    public static final int BINARY = 0;
    public static final int BINARY_WITH_VARIABLE_LENGTH_STRINGS = 1;
    public static final int JSON = 2;
    public static final int JSON_COMPACT = 3;
    public static final int PROTOCOL_BUFFERS = 4;

    /** The constant's name for {@code value}, or the number itself. */
    public static String name(int value) {
        return switch (value) {
            case BINARY -> "BINARY";
            case BINARY_WITH_VARIABLE_LENGTH_STRINGS -> "BINARY_WITH_VARIABLE_LENGTH_STRINGS";
            case JSON -> "JSON";
            case JSON_COMPACT -> "JSON_COMPACT";
            case PROTOCOL_BUFFERS -> "PROTOCOL_BUFFERS";
            default -> String.valueOf(value);
        };
    }
}
