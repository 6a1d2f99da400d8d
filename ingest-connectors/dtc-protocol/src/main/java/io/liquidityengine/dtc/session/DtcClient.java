package io.liquidityengine.dtc.session;

import io.liquidityengine.dtc.codec.DtcProtocolException;
import io.liquidityengine.dtc.message.DtcMessage;
import io.liquidityengine.dtc.message.Encoding;
import io.liquidityengine.dtc.message.EncodingRequest;
import io.liquidityengine.dtc.message.EncodingResponse;
import io.liquidityengine.dtc.message.Heartbeat;
import io.liquidityengine.dtc.message.Logoff;
import io.liquidityengine.dtc.message.LogonRequest;
import io.liquidityengine.dtc.message.LogonResponse;
import io.liquidityengine.dtc.message.LogonStatus;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one logged-on DTC session with a server: connects (TCP or TLS), negotiates binary encoding,
 * logs on with the credentials, sends heartbeats at the negotiated interval, declares the link lost
 * when no heartbeat came for two intervals, and reconnects with capped exponential backoff and
 * jitter until stopped or told not to (a logon refused with "no reconnect", or a Logoff with
 * DoNotReconnect). Everything else is the {@link SessionListener}'s, on the connection thread.
 */
public final class DtcClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DtcClient.class);

    private final ClientSettings settings;
    private final DtcCredentials credentials;
    private final SessionListener listener;
    private final Backoff backoff;
    private final ScheduledExecutorService heartbeats;
    private final Thread thread;
    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong lastHeartbeatNanos = new AtomicLong();
    private volatile DtcConnection connection;
    private volatile boolean loggedOn;
    private volatile boolean stopped;
    private volatile String finishedReason;
    private volatile String lostReason;

    public DtcClient(ClientSettings settings, DtcCredentials credentials, SessionListener listener) {
        this(settings, credentials, listener, new Random());
    }

    DtcClient(ClientSettings settings, DtcCredentials credentials, SessionListener listener, Random jitter) {
        this.settings = settings;
        this.credentials = credentials;
        this.listener = listener;
        this.backoff = new Backoff(settings.backoffInitial(), settings.backoffMax(), jitter);
        this.heartbeats = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "dtc-heartbeat-" + settings.name()));
        this.thread = daemon(this::run, "dtc-client-" + settings.name());
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Starts connecting in the background. */
    public DtcClient start() {
        long period = settings.heartbeatInterval().toMillis();
        heartbeats.scheduleAtFixedRate(this::heartbeat, period, period, TimeUnit.MILLISECONDS);
        thread.start();
        return this;
    }

    /** Sends a message on the current session; false when not logged on (the listener hears of the loss). */
    public boolean send(DtcMessage message) {
        DtcConnection c = connection;
        if (c == null || !loggedOn) {
            return false;
        }
        try {
            c.send(message);
            return true;
        } catch (IOException e) {
            drop("send failed: " + e.getMessage());
            return false;
        }
    }

    /** Closes the current connection (it reconnects as after any loss). */
    public void drop(String reason) {
        DtcConnection c = connection;
        if (c != null) {
            lostReason = reason;
            c.close();
        }
    }

    public boolean loggedOn() {
        return loggedOn;
    }

    /** Connections made so far (1 after the first). */
    public long connections() {
        return connections.get();
    }

    /** Why the client stopped for good (the server said not to reconnect), or null while it goes on. */
    public String finishedReason() {
        return finishedReason;
    }

    public boolean finished() {
        return finishedReason != null || stopped;
    }

    private void run() {
        while (!stopped) {
            long number = connections.incrementAndGet();
            String reason;
            try {
                reason = session(number);
            } catch (DtcProtocolException e) {
                listener.onProtocolError(number, e.offset(), e.getMessage(), e.bytes());
                reason = "protocol error: " + e.reason();
            } catch (IOException e) {
                reason = lostReason != null ? lostReason : e.getClass().getSimpleName() + ": " + e.getMessage();
            } catch (RuntimeException e) {
                LOG.error("DTC {} ({}): session failed", settings.name(), settings.address(), e);
                reason = "session failed: " + e;
            } finally {
                DtcConnection c = connection;
                connection = null;
                loggedOn = false;
                lostReason = null;
                if (c != null) {
                    c.close();
                }
            }
            listener.onDisconnected(number, reason);
            if (stopped || finishedReason != null) {
                break;
            }
            Duration wait = backoff.next();
            LOG.warn("DTC {} ({}): connection {} ended ({}); reconnecting in {} ms", settings.name(), settings.address(),
                    number, reason, wait.toMillis());
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
    }

    /** One connection from connect to loss; returns why it ended. */
    private String session(long number) throws IOException, DtcProtocolException {
        Socket socket = settings.tls() != null ? settings.tls().createSocket() : new Socket();
        if (socket instanceof SSLSocket tls) {
            // the server's certificate must name the host we connect to
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            tls.setSSLParameters(parameters);
        }
        int timeout = (int) settings.connectTimeout().toMillis();
        DtcConnection c;
        try {
            socket.connect(new InetSocketAddress(settings.host(), settings.port()), timeout);
            c = new DtcConnection(socket, settings.maxFrameSize());
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        connection = c;
        socket.setSoTimeout(timeout);
        c.send(EncodingRequest.builder().encoding(Encoding.BINARY).build());
        DtcMessage answer = readAnswer(c, "the encoding response");
        if (!(answer instanceof EncodingResponse encoding)) {
            return "expected an encoding response, got type " + answer.type();
        }
        if (encoding.encoding() != Encoding.BINARY) {
            finishedReason = "the server answered encoding " + encoding.encoding() + "; only binary encoding (0) is supported";
            LOG.error("DTC {} ({}): {}", settings.name(), settings.address(), finishedReason);
            return finishedReason;
        }
        int interval = (int) settings.heartbeatInterval().toSeconds();
        // the password goes into this request only; neither it nor the request is ever logged
        c.send(LogonRequest.builder().username(credentials.username()).password(credentials.password())
                .heartbeatIntervalInSeconds(interval).clientName(settings.clientName())
                .tradeAccount(settings.tradeAccount()).build());
        answer = readAnswer(c, "the logon response");
        if (!(answer instanceof LogonResponse logon)) {
            return "expected a logon response, got type " + answer.type();
        }
        if (logon.result() != LogonStatus.SUCCESS) {
            String why = "logon refused (result " + logon.result() + "): " + logon.resultText();
            if (logon.result() == LogonStatus.ERROR_NO_RECONNECT) {
                finishedReason = why;
            }
            LOG.error("DTC {} ({}) as {}: {}", settings.name(), settings.address(), credentials.username(), why);
            return why;
        }
        // from here the heartbeat watchdog decides when the link is lost; reads block until data or close
        socket.setSoTimeout(0);
        lastHeartbeatNanos.set(System.nanoTime());
        loggedOn = true;
        backoff.reset();
        LOG.info("DTC {} ({}): connection {} logged on to '{}' as {}, heartbeats every {} s", settings.name(),
                settings.address(), number, logon.serverName(), credentials.username(), interval);
        listener.onLoggedOn(number, logon);
        while (true) {
            DtcMessage m = c.read();
            if (m == null) {
                return lostReason != null ? lostReason : "the server closed the connection";
            }
            if (m instanceof Heartbeat) {
                lastHeartbeatNanos.set(System.nanoTime());
            } else if (m instanceof Logoff logoff) {
                if (logoff.doNotReconnect() != 0) {
                    finishedReason = "the server logged off: " + logoff.reason();
                }
                LOG.info("DTC {} ({}): the server logged off{}: {}", settings.name(), settings.address(),
                        logoff.doNotReconnect() != 0 ? " (do not reconnect)" : "", logoff.reason());
                return "the server logged off: " + logoff.reason();
            } else {
                listener.onMessage(number, m);
            }
        }
    }

    private static DtcMessage readAnswer(DtcConnection c, String what) throws IOException, DtcProtocolException {
        DtcMessage m;
        try {
            // a server may send heartbeats before it answers
            do {
                m = c.read();
            } while (m instanceof Heartbeat);
        } catch (SocketTimeoutException e) {
            throw new SocketTimeoutException("no answer with " + what);
        }
        if (m == null) {
            throw new IOException("the server closed the connection instead of sending " + what);
        }
        return m;
    }

    private void heartbeat() {
        DtcConnection c = connection;
        if (c == null || !loggedOn) {
            return;
        }
        long silent = System.nanoTime() - lastHeartbeatNanos.get();
        long limit = 2 * settings.heartbeatInterval().toNanos();
        if (silent > limit) {
            drop("link lost: no heartbeat from the server for " + TimeUnit.NANOSECONDS.toMillis(silent) + " ms");
            return;
        }
        try {
            c.send(Heartbeat.builder().currentDateTime(System.currentTimeMillis() / 1000).build());
        } catch (IOException e) {
            drop("heartbeat send failed: " + e.getMessage());
        }
    }

    /** Logs off (when logged on) and stops reconnecting. */
    @Override
    public void close() {
        stopped = true;
        DtcConnection c = connection;
        if (c != null && loggedOn) {
            try {
                c.send(Logoff.builder().reason("client closing").build());
            } catch (IOException ignored) {
                // the connection is going away anyway
            }
        }
        drop("client closed");
        heartbeats.shutdownNow();
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
