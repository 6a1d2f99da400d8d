package io.liquidityengine.dtc.session;

import io.liquidityengine.dtc.codec.DtcCodec;
import io.liquidityengine.dtc.codec.DtcProtocolException;
import io.liquidityengine.dtc.message.DtcMessage;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Arrays;

/**
 * One DTC binary-encoding connection over a socket, client or server side: sends messages (any
 * thread) and reads them (one thread). A frame with an impossible {@code Size} or cut off by the end
 * of the stream is a {@link DtcProtocolException} carrying the stream offset of the frame and its
 * bytes; after one the stream cannot be re-synchronised and the connection must be closed.
 */
public final class DtcConnection implements Closeable {

    private final Closeable socket;
    private final String peer;
    private final InputStream in;
    private final OutputStream out;
    private final DtcCodec readCodec;
    private final DtcCodec writeCodec;
    private final Object writeLock = new Object();
    private byte[] frame = new byte[1024];
    private long offset;
    private volatile boolean closed;

    public DtcConnection(Socket socket, int maxFrameSize) throws IOException {
        this(socket.getInputStream(), socket.getOutputStream(), socket,
                socket.getRemoteSocketAddress() == null ? "?" : socket.getRemoteSocketAddress().toString(), maxFrameSize);
        socket.setTcpNoDelay(true);
    }

    /** Over any pair of streams (the fuzz test reads from bytes in memory); {@code closer} is closed by {@link #close()}. */
    DtcConnection(InputStream in, OutputStream out, Closeable closer, String peer, int maxFrameSize) {
        this.socket = closer;
        this.peer = peer;
        this.in = new BufferedInputStream(in, 64 * 1024);
        this.out = new BufferedOutputStream(out, 64 * 1024);
        this.readCodec = new DtcCodec(maxFrameSize);
        this.writeCodec = new DtcCodec(maxFrameSize);
    }

    /** Encodes and sends one message; thread-safe. */
    public void send(DtcMessage message) throws IOException {
        synchronized (writeLock) {
            out.write(writeCodec.encode(message));
            out.flush();
        }
    }

    /** Sends several messages with one flush (a burst of market data). */
    public void sendAll(Iterable<? extends DtcMessage> messages) throws IOException {
        synchronized (writeLock) {
            for (DtcMessage m : messages) {
                out.write(writeCodec.encode(m));
            }
            out.flush();
        }
    }

    /** Sends bytes as they are (test servers sending malformed frames). */
    public void sendRaw(byte[] bytes) throws IOException {
        synchronized (writeLock) {
            out.write(bytes);
            out.flush();
        }
    }

    /**
     * The next message; null when the peer closed the connection between two frames.
     *
     * @throws DtcProtocolException a bad {@code Size}, or the stream ended inside a frame
     * @throws IOException          the socket failed (reset, timeout, closed locally)
     */
    public DtcMessage read() throws IOException, DtcProtocolException {
        long start = offset;
        int first = in.read();
        if (first < 0) {
            return null;
        }
        frame[0] = (byte) first;
        int got = 1 + readUpTo(frame, 1, DtcCodec.HEADER_SIZE - 1);
        offset += got;
        int size = (frame[0] & 0xFF) | (frame[1] & 0xFF) << 8;
        if (got < DtcCodec.HEADER_SIZE || size < DtcCodec.HEADER_SIZE || size > readCodec.maxFrameSize()) {
            // the codec names the problem; what follows a bad header is not read (the stream cannot be trusted)
            throw error(readCodec, frame, got, start);
        }
        if (frame.length < size) {
            frame = Arrays.copyOf(frame, Math.max(size, frame.length * 2));
        }
        int body = readUpTo(frame, DtcCodec.HEADER_SIZE, size - DtcCodec.HEADER_SIZE);
        offset += body;
        try {
            return readCodec.decode(frame, 0, DtcCodec.HEADER_SIZE + body);
        } catch (DtcProtocolException e) {
            throw rebased(e, start);
        }
    }

    /** Bytes read from this connection so far. */
    public long offset() {
        return offset;
    }

    public String peer() {
        return peer;
    }

    private int readUpTo(byte[] dst, int off, int len) throws IOException {
        int n = 0;
        while (n < len) {
            int r = in.read(dst, off + n, len - n);
            if (r < 0) {
                break;
            }
            n += r;
        }
        return n;
    }

    private static DtcProtocolException error(DtcCodec codec, byte[] bytes, int length, long offset) {
        try {
            codec.decode(bytes, 0, length);
            return new DtcProtocolException(DtcProtocolException.Reason.TRUNCATED, "incomplete frame", offset,
                    Arrays.copyOf(bytes, length));
        } catch (DtcProtocolException e) {
            return rebased(e, offset);
        }
    }

    private static DtcProtocolException rebased(DtcProtocolException e, long offset) {
        String message = e.getMessage();
        int colon = message.indexOf(": ");
        int bytesAt = message.lastIndexOf("; bytes ");
        String detail = colon < 0 ? message : message.substring(colon + 2, bytesAt < colon ? message.length() : bytesAt);
        return new DtcProtocolException(e.reason(), detail, offset, e.bytes());
    }

    /** Closes the socket; a thread blocked in {@link #read()} gets an IOException. */
    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is best effort
        }
    }

    public boolean isClosed() {
        return closed;
    }
}
