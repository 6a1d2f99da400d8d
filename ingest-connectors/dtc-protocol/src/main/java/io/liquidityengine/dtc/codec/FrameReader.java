package io.liquidityengine.dtc.codec;

import io.liquidityengine.dtc.message.DtcMessage;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * Splits a DTC binary byte stream into frames by their {@code Size}, incrementally: feed chunks of
 * any size as they arrive (e.g. each socket read), then call {@link #next()} until it returns false.
 *
 * <pre>{@code
 * reader.feed(chunk);
 * while (reader.next()) {
 *     DtcMessage m = codec.decode(reader.frameArray(), reader.frameStart(), reader.frameLength());
 *     // reader.frameType() is there to skip a frame without decoding it
 * }
 * }</pre>
 *
 * <p>The reader copies fed bytes into one internal buffer that it reuses (it grows only when a chunk
 * does not fit); a frame is a view into that buffer, valid until the next {@link #feed} or
 * {@link #next()} call. No allocation per frame.
 *
 * <p>A frame whose {@code Size} is below 4 or above the maximum frame size is a protocol error:
 * {@link #next()} throws a {@link DtcProtocolException} with the frame's stream offset and bytes.
 * The stream cannot be resynchronized after that (binary DTC has no frame marker to search for),
 * so the reader stays failed: every later {@link #next()} throws the same exception and fed bytes
 * are discarded. Drop the connection. {@link #endOfStream()} reports a stream that ended inside a
 * frame. Not thread-safe.
 */
public final class FrameReader {

    private static final int INITIAL_CAPACITY = 64 * 1024;

    private final int maxFrameSize;
    private byte[] buf;
    private int start;        // first byte not yet returned as a frame
    private int end;          // end of the buffered bytes
    private long startOffset; // stream offset of buf[start]

    private int frameStart = -1;
    private int frameLength;
    private long frameOffset = -1;

    private DtcProtocolException failure;

    /** A reader accepting frames up to {@link DtcCodec#DEFAULT_MAX_FRAME_SIZE}. */
    public FrameReader() {
        this(DtcCodec.DEFAULT_MAX_FRAME_SIZE);
    }

    /** A reader accepting frames up to {@code maxFrameSize} bytes (4 to 65535). */
    public FrameReader(int maxFrameSize) {
        this.maxFrameSize = DtcCodec.checkMaxFrameSize(maxFrameSize);
        this.buf = new byte[Math.max(INITIAL_CAPACITY, 2 * maxFrameSize)];
    }

    public int maxFrameSize() {
        return maxFrameSize;
    }

    /** Appends {@code len} bytes of {@code src} from {@code off} to the stream. */
    public void feed(byte[] src, int off, int len) {
        Objects.checkFromIndexSize(off, len, src.length);
        if (failure != null) {
            return;
        }
        ensureRoom(len);
        System.arraycopy(src, off, buf, end, len);
        end += len;
    }

    /** Appends all of {@code src} to the stream. */
    public void feed(byte[] src) {
        feed(src, 0, src.length);
    }

    /** Appends the remaining bytes of {@code src} to the stream; {@code src} is left at its limit. */
    public void feed(ByteBuffer src) {
        int n = src.remaining();
        if (failure != null) {
            src.position(src.limit());
            return;
        }
        ensureRoom(n);
        src.get(buf, end, n);
        end += n;
    }

    private void ensureRoom(int n) {
        frameStart = -1; // the current frame's bytes may move
        if (start == end) {
            start = 0;
            end = 0;
        }
        if (buf.length - end >= n) {
            return;
        }
        int live = end - start;
        if (live + n > buf.length) {
            byte[] bigger = new byte[Math.max(buf.length * 2, live + n)];
            System.arraycopy(buf, start, bigger, 0, live);
            buf = bigger;
        } else {
            System.arraycopy(buf, start, buf, 0, live);
        }
        start = 0;
        end = live;
    }

    /**
     * Advances to the next complete frame.
     *
     * @return true if a frame is available ({@link #frameStart()} etc.), false if more bytes are needed
     * @throws DtcProtocolException FRAME_TOO_SHORT or FRAME_TOO_LONG for a bad {@code Size} (the
     *         reader is failed from then on)
     */
    public boolean next() throws DtcProtocolException {
        if (failure != null) {
            throw failure;
        }
        int avail = end - start;
        if (avail < DtcCodec.HEADER_SIZE) {
            frameStart = -1;
            return false;
        }
        int size = Bytes.u16(buf, start);
        if (size < DtcCodec.HEADER_SIZE || size > maxFrameSize) {
            frameStart = -1;
            failure = DtcCodec.sizeError(size, maxFrameSize, startOffset, buf, start, avail);
            throw failure;
        }
        if (avail < size) {
            frameStart = -1;
            return false;
        }
        frameStart = start;
        frameLength = size;
        frameOffset = startOffset;
        start += size;
        startOffset += size;
        return true;
    }

    /**
     * Advances to the next complete frame and decodes it.
     *
     * @return the message, or null if more bytes are needed
     * @throws DtcProtocolException as {@link #next()}
     */
    public DtcMessage nextMessage(DtcCodec codec) throws DtcProtocolException {
        return next() ? codec.decodeFrame(buf, frameStart, frameLength) : null;
    }

    /**
     * The caller has no more bytes (the connection closed).
     *
     * @throws DtcProtocolException TRUNCATED if the stream ended inside a frame (bytes: the partial
     *         frame), or the failure {@link #next()} reported
     */
    public void endOfStream() throws DtcProtocolException {
        if (failure != null) {
            throw failure;
        }
        if (end > start) {
            failure = new DtcProtocolException(DtcProtocolException.Reason.TRUNCATED,
                    "stream ended " + (end - start) + " bytes into a frame"
                            + (end - start >= 2 ? " of Size " + Bytes.u16(buf, start) : ""),
                    startOffset, Arrays.copyOfRange(buf, start, end));
            throw failure;
        }
    }

    /** The buffer holding the current frame; read-only for the caller, valid until the next feed/next. */
    public byte[] frameArray() {
        checkFrame();
        return buf;
    }

    /** Index of the current frame in {@link #frameArray()}. */
    public int frameStart() {
        checkFrame();
        return frameStart;
    }

    /** Length of the current frame: its {@code Size}. */
    public int frameLength() {
        checkFrame();
        return frameLength;
    }

    /** {@code Type} of the current frame. */
    public int frameType() {
        checkFrame();
        return Bytes.u16(buf, frameStart + 2);
    }

    /** Stream offset of the current frame: bytes fed before its first byte. */
    public long frameOffset() {
        checkFrame();
        return frameOffset;
    }

    /** A read-only view of the current frame (allocates; prefer {@link #frameArray()}). */
    public ByteBuffer frame() {
        checkFrame();
        return ByteBuffer.wrap(buf, frameStart, frameLength).slice().asReadOnlyBuffer();
    }

    /** Stream offset of the first byte not yet returned as part of a frame. */
    public long position() {
        return startOffset;
    }

    /** Bytes fed but not yet returned as part of a frame. */
    public int buffered() {
        return end - start;
    }

    /** Whether a framing error has been reported; the reader is then unusable. */
    public boolean failed() {
        return failure != null;
    }

    private void checkFrame() {
        if (frameStart < 0) {
            throw new IllegalStateException("no current frame: call next() and check it returned true");
        }
    }
}
