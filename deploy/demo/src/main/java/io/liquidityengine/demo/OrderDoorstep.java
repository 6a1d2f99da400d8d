package io.liquidityengine.demo;

import io.liquidityengine.dtc.codec.DtcCodec;
import io.liquidityengine.dtc.codec.DtcProtocolException;
import io.liquidityengine.dtc.codec.FrameReader;
import io.liquidityengine.dtc.message.DtcMessage;
import io.liquidityengine.dtc.message.SubmitNewOCOOrder;
import io.liquidityengine.dtc.message.SubmitNewSingleOrder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP relay in front of the DTC server for the latency benchmark: it passes every byte on
 * unchanged and notes, per client order id, when ({@link System#nanoTime()}) the first
 * {@code SubmitNewSingleOrder} or {@code SubmitNewOCOOrder} naming it arrived from the client, before
 * forwarding it. One loopback hop more on the order path than without it.
 */
final class OrderDoorstep implements AutoCloseable {

    private final ServerSocket listener;
    private final int serverPort;
    private final Map<String, Long> firstSeenNanos = new ConcurrentHashMap<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    OrderDoorstep(int serverPort) {
        this.serverPort = serverPort;
        try {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "order-doorstep");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** When the first order naming {@code clientOrderId} reached the doorstep, or null. */
    Long firstSeenNanos(String clientOrderId) {
        return firstSeenNanos.get(clientOrderId);
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), serverPort);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(server);
                pump(client, server, true);
                pump(server, client, false);
            } catch (IOException e) {
                if (!closed) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private void pump(Socket from, Socket to, boolean decode) {
        Thread t = new Thread(() -> {
            FrameReader frames = new FrameReader(DtcCodec.MAX_FRAME_SIZE_LIMIT);
            DtcCodec codec = new DtcCodec(DtcCodec.MAX_FRAME_SIZE_LIMIT);
            byte[] buf = new byte[64 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    if (decode) {
                        long now = System.nanoTime();
                        frames.feed(buf, 0, n);
                        DtcMessage m;
                        while ((m = frames.nextMessage(codec)) != null) {
                            if (m instanceof SubmitNewSingleOrder o) {
                                firstSeenNanos.putIfAbsent(o.clientOrderId(), now);
                            } else if (m instanceof SubmitNewOCOOrder o) {
                                firstSeenNanos.putIfAbsent(o.clientOrderId_1(), now);
                                firstSeenNanos.putIfAbsent(o.clientOrderId_2(), now);
                            }
                        }
                    }
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (IOException | DtcProtocolException e) {
                // a side closed: close the other one too (below)
            } finally {
                close(from);
                close(to);
            }
        }, "order-doorstep-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void close(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            // closing anyway
        }
        sockets.forEach(OrderDoorstep::close);
    }
}
