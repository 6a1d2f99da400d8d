package io.liquidityengine.execution.it;

import io.liquidityengine.dtc.codec.DtcCodec;
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
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP relay in front of a {@code DtcServer} that decodes what clients send and counts, per
 * client order id, every {@code SubmitNewSingleOrder} and both orders of every {@code SubmitNewOCOOrder}
 * that reached the server's door: accepted or rejected (a duplicate client order id is rejected by the
 * server and answered to the sender only, so the server's accepted orders alone could not show it).
 */
final class DtcDoorstep implements AutoCloseable {

    private final ServerSocket listener;
    private final int serverPort;
    private final Map<String, Integer> submitted = new ConcurrentHashMap<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    DtcDoorstep(int serverPort) {
        this.serverPort = serverPort;
        try {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "dtc-doorstep-" + serverPort);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Submissions per client order id so far, sorted by id. */
    Map<String, Integer> submitted() {
        return new TreeMap<>(submitted);
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
                        frames.feed(buf, 0, n);
                        DtcMessage m;
                        while ((m = frames.nextMessage(codec)) != null) {
                            count(m);
                        }
                    }
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (IOException | io.liquidityengine.dtc.codec.DtcProtocolException e) {
                // a side closed: close the other one too (below)
            } finally {
                close(from);
                close(to);
            }
        }, "dtc-doorstep-pump");
        t.setDaemon(true);
        t.start();
    }

    private void count(DtcMessage m) {
        if (m instanceof SubmitNewSingleOrder o) {
            submitted.merge(o.clientOrderId(), 1, Integer::sum);
        } else if (m instanceof SubmitNewOCOOrder o) {
            submitted.merge(o.clientOrderId_1(), 1, Integer::sum);
            submitted.merge(o.clientOrderId_2(), 1, Integer::sum);
        }
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
        sockets.forEach(DtcDoorstep::close);
    }
}
