package io.liquidityengine.dtc.codec;

import io.liquidityengine.dtc.message.DtcMessage;
import io.liquidityengine.dtc.message.UnknownMessage;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * Encoder and decoder of DTC binary encoding 0 (fixed-size little-endian C structs, protocol
 * version 8).
 *
 * <p>Decoding a frame of a modelled type reads the members its {@code Size} covers:
 * <ul>
 *   <li>a frame longer than our struct (a newer protocol version appended members) decodes the
 *       members we know and ignores the tail;</li>
 *   <li>a frame shorter than our struct (an older version) decodes the members it holds entirely;
 *       each member it does not hold takes the value the header's getter returns for a missing
 *       member (mostly 0 or "", DBL_MAX for the {@code OrderUpdate} prices and quantities, 1 for
 *       some flags and multipliers; each layout lists it), so a frame of just the 4 header bytes is
 *       valid;</li>
 *   <li>a frame of a type without a record decodes to {@link UnknownMessage} with a copy of its bytes,
 *       so a caller can skip it.</li>
 * </ul>
 * Only a frame that cannot be delimited fails, with a {@link DtcProtocolException}: {@code Size}
 * below 4, above {@link #maxFrameSize()}, or more than the bytes given. No other exception comes out
 * of decoding whatever the bytes. Text members are NUL-terminated UTF-8 and decoded as ISO-8859-1
 * when they are not well-formed UTF-8, so no text is rejected.
 *
 * <p>Encoding writes our struct size as {@code Size}, zero padding, and every member of the record.
 *
 * <p>Not thread-safe (it reuses its field reader and writer): use one instance per thread or
 * connection. Instances are cheap.
 */
public final class DtcCodec {

    /** Bytes of the {@code uint16 Size, uint16 Type} header every frame starts with. */
    public static final int HEADER_SIZE = 4;

    /**
     * Default largest accepted {@code Size}. The largest struct of protocol version 8 is 720 bytes
     * ({@code OrderUpdate}); 16 KiB leaves room for members appended by later versions and stops a
     * peer that is not speaking binary DTC early (e.g. "HT" of an HTTP reply reads as Size 21576).
     */
    public static final int DEFAULT_MAX_FRAME_SIZE = 16 * 1024;

    /** {@code Size} is a uint16: no frame is longer than this. */
    public static final int MAX_FRAME_SIZE_LIMIT = 0xFFFF;

    private static final int BYTES_IN_SIZE_ERRORS = 64;

    private final int maxFrameSize;
    private final FieldReader reader = new FieldReader();
    private final FieldWriter writer = new FieldWriter();
    private byte[] scratch = new byte[1024];

    /** A codec accepting frames up to {@link #DEFAULT_MAX_FRAME_SIZE}. */
    public DtcCodec() {
        this(DEFAULT_MAX_FRAME_SIZE);
    }

    /** A codec accepting frames up to {@code maxFrameSize} bytes (4 to 65535). */
    public DtcCodec(int maxFrameSize) {
        this.maxFrameSize = checkMaxFrameSize(maxFrameSize);
    }

    static int checkMaxFrameSize(int maxFrameSize) {
        if (maxFrameSize < HEADER_SIZE || maxFrameSize > MAX_FRAME_SIZE_LIMIT) {
            throw new IllegalArgumentException("maxFrameSize must be 4..65535: " + maxFrameSize);
        }
        return maxFrameSize;
    }

    public int maxFrameSize() {
        return maxFrameSize;
    }

    /** Struct size of a modelled type in protocol version 8 (what we encode), or -1 if not modelled. */
    public static int structSize(int type) {
        Layout<?> l = Layouts.forType(type);
        return l == null ? -1 : l.size;
    }

    /** Whether {@code type} decodes to a record rather than an {@link UnknownMessage}. */
    public static boolean isModelled(int type) {
        return Layouts.forType(type) != null;
    }

    /** Bytes {@link #encode(DtcMessage)} writes for {@code m}. */
    public static int encodedSize(DtcMessage m) {
        Layout<DtcMessage> l = Layouts.forMessage(m);
        if (l != null) {
            return l.size;
        }
        if (m instanceof UnknownMessage u) {
            return u.size();
        }
        throw new IllegalArgumentException("no layout for " + m.getClass().getName() + " type " + m.type());
    }

    // ------------------------------------------------------------------ encode

    /** The frame for {@code m}, in a new array. */
    public byte[] encode(DtcMessage m) {
        byte[] out = new byte[encodedSize(m)];
        encode(m, out, 0);
        return out;
    }

    /**
     * Writes the frame for {@code m} at the buffer's position and advances it.
     *
     * @return bytes written
     * @throws BufferOverflowException if fewer bytes remain than the frame needs (nothing written)
     */
    public int encode(DtcMessage m, ByteBuffer dst) {
        int n = encodedSize(m);
        if (dst.remaining() < n) {
            throw new BufferOverflowException();
        }
        int pos = dst.position();
        if (dst.hasArray()) {
            encode(m, dst.array(), dst.arrayOffset() + pos);
        } else {
            byte[] tmp = scratch(n);
            encode(m, tmp, 0);
            dst.put(pos, tmp, 0, n);
        }
        dst.position(pos + n);
        return n;
    }

    /**
     * Writes the frame for {@code m} into {@code dst} at {@code off}.
     *
     * @return bytes written
     * @throws IndexOutOfBoundsException if the frame does not fit
     */
    public int encode(DtcMessage m, byte[] dst, int off) {
        Layout<DtcMessage> l = Layouts.forMessage(m);
        if (l == null) {
            if (m instanceof UnknownMessage u) {
                return encodeUnknown(u, dst, off);
            }
            throw new IllegalArgumentException("no layout for " + m.getClass().getName() + " type " + m.type());
        }
        Objects.checkFromIndexSize(off, l.size, dst.length);
        Arrays.fill(dst, off, off + l.size, (byte) 0);
        Bytes.putU16(dst, off, l.size);
        Bytes.putU16(dst, off + 2, l.type);
        writer.reset(dst, off);
        l.write(m, writer);
        return l.size;
    }

    private static int encodeUnknown(UnknownMessage u, byte[] dst, int off) {
        byte[] b = u.bytes();
        if (b.length < HEADER_SIZE || b.length > MAX_FRAME_SIZE_LIMIT
                || Bytes.u16(b, 0) != b.length || Bytes.u16(b, 2) != u.type()) {
            throw new IllegalArgumentException("UnknownMessage bytes are not one frame of type " + u.type()
                    + " (Size must equal the length, Type the type): " + u);
        }
        Objects.checkFromIndexSize(off, b.length, dst.length);
        System.arraycopy(b, 0, dst, off, b.length);
        return b.length;
    }

    // ------------------------------------------------------------------ decode

    /**
     * Decodes the frame starting at the buffer's position and advances the position past it (by its
     * {@code Size}); bytes after the frame stay for the next call. The buffer's byte order does not
     * matter. On failure the position is unchanged.
     *
     * @throws DtcProtocolException TRUNCATED if fewer than 4 bytes or fewer than {@code Size} bytes
     *         remain, FRAME_TOO_SHORT or FRAME_TOO_LONG for a bad {@code Size}; the offset is the
     *         buffer position
     */
    public DtcMessage decode(ByteBuffer frame) throws DtcProtocolException {
        int pos = frame.position();
        int rem = frame.remaining();
        byte[] a;
        int start;
        if (frame.hasArray()) {
            a = frame.array();
            start = frame.arrayOffset() + pos;
        } else {
            int n = Math.min(rem, MAX_FRAME_SIZE_LIMIT);
            a = scratch(n);
            frame.get(pos, a, 0, n);
            start = 0;
            rem = n;
        }
        int size = checkFrame(a, start, rem, pos);
        DtcMessage m = decodeFrame(a, start, size);
        frame.position(pos + size);
        return m;
    }

    /**
     * Decodes the frame starting at {@code a[off]}; {@code len} is the number of bytes available from
     * there (at least the frame's {@code Size}; bytes after the frame are not read).
     *
     * @throws DtcProtocolException as {@link #decode(ByteBuffer)}, the offset being {@code off}
     * @throws IndexOutOfBoundsException if {@code off}/{@code len} are outside {@code a} (a caller bug, not input)
     */
    public DtcMessage decode(byte[] a, int off, int len) throws DtcProtocolException {
        Objects.checkFromIndexSize(off, len, a.length);
        int size = checkFrame(a, off, len, off);
        return decodeFrame(a, off, size);
    }

    /** Validates the header of the frame at {@code a[start]} with {@code avail} bytes; returns its Size. */
    private int checkFrame(byte[] a, int start, int avail, long reportedOffset) throws DtcProtocolException {
        if (avail < HEADER_SIZE) {
            throw new DtcProtocolException(DtcProtocolException.Reason.TRUNCATED,
                    avail + " bytes, fewer than the 4-byte header", reportedOffset,
                    Arrays.copyOfRange(a, start, start + avail));
        }
        int size = Bytes.u16(a, start);
        if (size < HEADER_SIZE || size > maxFrameSize) {
            throw sizeError(size, maxFrameSize, reportedOffset, a, start, avail);
        }
        if (avail < size) {
            throw new DtcProtocolException(DtcProtocolException.Reason.TRUNCATED,
                    "Size " + size + " but only " + avail + " bytes", reportedOffset,
                    Arrays.copyOfRange(a, start, start + avail));
        }
        return size;
    }

    static DtcProtocolException sizeError(int size, int maxFrameSize, long offset, byte[] a, int start, int avail) {
        byte[] shown = Arrays.copyOfRange(a, start, start + Math.min(avail, BYTES_IN_SIZE_ERRORS));
        return size < HEADER_SIZE
                ? new DtcProtocolException(DtcProtocolException.Reason.FRAME_TOO_SHORT,
                        "Size " + size + " is below the 4-byte header", offset, shown)
                : new DtcProtocolException(DtcProtocolException.Reason.FRAME_TOO_LONG,
                        "Size " + size + " is above the maximum frame size " + maxFrameSize, offset, shown);
    }

    /** Decodes a frame already delimited and checked: {@code size >= 4} bytes at {@code a[start]}. */
    DtcMessage decodeFrame(byte[] a, int start, int size) {
        int type = Bytes.u16(a, start + 2);
        Layout<?> l = Layouts.forType(type);
        if (l == null) {
            return new UnknownMessage(type, Arrays.copyOfRange(a, start, start + size));
        }
        reader.reset(a, start, size);
        return l.read(reader);
    }

    private byte[] scratch(int n) {
        if (scratch.length < n) {
            scratch = new byte[Math.max(n, scratch.length * 2)];
        }
        return scratch;
    }
}
