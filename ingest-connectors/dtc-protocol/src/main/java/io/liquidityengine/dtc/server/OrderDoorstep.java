package io.liquidityengine.dtc.server;

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
 * A loopback TCP relay in front of a DTC server, for tests and benchmarks: it passes every byte on
 * unchanged and decodes what clients send. Per client order id it counts every
 * {@code SubmitNewSingleOrder} and both orders of every {@code SubmitNewOCOOrder} that reached the
 * server's door, accepted or not (a duplicate id is rejected by the server and answered to the sender
 * only, so the server's accepted orders alone could not show it), and notes when
 * ({@link System#nanoTime()}) the first one arrived, before forwarding it. One loopback hop more on the
 * order path than without it.
 */
public final class OrderDoorstep implements AutoCloseable {

    private final ServerSocket listener;
    private final int serverPort;
    private final Map<String, Long> firstSeenNanos = new ConcurrentHashMap<>();
    private final Map<String, Integer> submitted = new ConcurrentHashMap<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    public OrderDoorstep(int serverPort) {
        this.serverPort = serverPort;
        try {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "order-doorstep-" + serverPort);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Submissions per client order id so far, sorted by id. */
    public Map<String, Integer> submitted() {
        return new java.util.TreeMap<>(submitted);
    }

    /** When the first order naming {@code clientOrderId} reached the doorstep, or null. */
    public Long firstSeenNanos(String clientOrderId) {
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
                                seen(o.clientOrderId(), now);
                            } else if (m instanceof SubmitNewOCOOrder o) {
                                seen(o.clientOrderId_1(), now);
                                seen(o.clientOrderId_2(), now);
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

    private void seen(String clientOrderId, long nanos) {
        firstSeenNanos.putIfAbsent(clientOrderId, nanos);
        submitted.merge(clientOrderId, 1, Integer::sum);
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
