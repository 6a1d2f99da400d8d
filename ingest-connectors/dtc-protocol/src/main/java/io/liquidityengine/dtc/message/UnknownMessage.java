package io.liquidityengine.dtc.message;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A frame whose type this module has no record for: the complete frame as received, header
 * included ({@code bytes.length} equals its {@code Size}). Encoding it writes the bytes unchanged.
 *
 * <p>The array is copied on construction and on {@link #bytes()}; equality compares contents.
 *
 * @param type  the frame's {@code Type}
 * @param bytes the whole frame, {@code Size} and {@code Type} included
 */
public record UnknownMessage(int type, byte[] bytes) implements DtcMessage {

    public UnknownMessage {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Frame length in bytes (its {@code Size}). */
    public int size() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnknownMessage u && u.type == type && Arrays.equals(u.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return 31 * type + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        int shown = Math.min(bytes.length, 64);
        return "UnknownMessage[type=" + type + " (" + MessageType.name(type) + "), size=" + bytes.length
                + ", bytes=" + HexFormat.of().formatHex(bytes, 0, shown) + (shown < bytes.length ? "..." : "") + "]";
    }
}
