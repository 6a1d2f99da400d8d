package io.liquidityengine.dtc.codec;

import java.util.HexFormat;

/**
 * Bytes that are not a DTC binary frame. Carries why ({@link Reason}), where (the stream offset of
 * the frame when it came from a {@link FrameReader}, else the index in the buffer given to
 * {@link DtcCodec}) and the offending bytes.
 */
public final class DtcProtocolException extends Exception {

    /** Why bytes could not be taken as a frame. */
    public enum Reason {
        /** {@code Size} below 4, the size of the {@code Size} and {@code Type} header itself. */
        FRAME_TOO_SHORT,
        /** {@code Size} above the configured maximum frame size. */
        FRAME_TOO_LONG,
        /** The bytes end inside a frame: fewer bytes than its {@code Size} (or than a header). */
        TRUNCATED
    }

    private static final int MAX_BYTES_IN_MESSAGE = 64;

    private final Reason reason;
    private final long offset;
    private final byte[] bytes;

    public DtcProtocolException(Reason reason, String detail, long offset, byte[] bytes) {
        super(reason + " at offset " + offset + ": " + detail + "; bytes " + hex(bytes));
        this.reason = reason;
        this.offset = offset;
        this.bytes = bytes.clone();
    }

    public Reason reason() {
        return reason;
    }

    /** Stream offset of the frame (from a {@link FrameReader}) or its index in the decoded buffer. */
    public long offset() {
        return offset;
    }

    /** The offending bytes, from the start of the frame (for size errors: the header and what followed it, at most 64 bytes). */
    public byte[] bytes() {
        return bytes.clone();
    }

    private static String hex(byte[] b) {
        int shown = Math.min(b.length, MAX_BYTES_IN_MESSAGE);
        return HexFormat.of().formatHex(b, 0, shown) + (shown < b.length ? "... (" + b.length + " bytes)" : "");
    }
}
