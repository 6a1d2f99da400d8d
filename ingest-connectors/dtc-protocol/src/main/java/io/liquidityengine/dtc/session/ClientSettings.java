package io.liquidityengine.dtc.session;

import io.liquidityengine.dtc.codec.DtcCodec;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLSocketFactory;

/**
 * How a {@link DtcClient} reaches and keeps its server.
 *
 * @param name              for logs and thread names (the source or broker id)
 * @param host              server host
 * @param port              server port
 * @param tls               TLS socket factory, or null for plain TCP
 * @param heartbeatInterval asked for at logon; the link is declared lost after two intervals without a heartbeat
 * @param connectTimeout    TCP connect and logon answer timeout
 * @param backoffInitial    first wait before a reconnect
 * @param backoffMax        longest wait between reconnects
 * @param clientName        {@code ClientName} of the logon request
 * @param tradeAccount      {@code TradeAccount} of the logon request (may be empty)
 * @param maxFrameSize      frames announcing a larger Size are a protocol error
 */
public record ClientSettings(String name, String host, int port, SSLSocketFactory tls, Duration heartbeatInterval,
                             Duration connectTimeout, Duration backoffInitial, Duration backoffMax, String clientName,
                             String tradeAccount, int maxFrameSize) {

    public ClientSettings {
        Objects.requireNonNull(host, "host");
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("DTC client " + name + ": port must be 1-65535, got " + port);
        }
        if (heartbeatInterval.toSeconds() < 1) {
            throw new IllegalArgumentException("DTC client " + name + ": the heartbeat interval is whole seconds, at least 1");
        }
    }

    /** Plain TCP, 10 s heartbeats, reconnects from 0.5 s up to 30 s. */
    public static ClientSettings of(String name, String host, int port) {
        return new ClientSettings(name, host, port, null, Duration.ofSeconds(10), Duration.ofSeconds(10),
                Duration.ofMillis(500), Duration.ofSeconds(30), "LiquidityEngine", "", DtcCodec.MAX_FRAME_SIZE_LIMIT);
    }

    public ClientSettings withTls(SSLSocketFactory factory) {
        return new ClientSettings(name, host, port, factory, heartbeatInterval, connectTimeout, backoffInitial, backoffMax,
                clientName, tradeAccount, maxFrameSize);
    }

    public ClientSettings withHeartbeat(Duration interval) {
        return new ClientSettings(name, host, port, tls, interval, connectTimeout, backoffInitial, backoffMax,
                clientName, tradeAccount, maxFrameSize);
    }

    public ClientSettings withBackoff(Duration initial, Duration max) {
        return new ClientSettings(name, host, port, tls, heartbeatInterval, connectTimeout, initial, max,
                clientName, tradeAccount, maxFrameSize);
    }

    public ClientSettings withTradeAccount(String account) {
        return new ClientSettings(name, host, port, tls, heartbeatInterval, connectTimeout, backoffInitial, backoffMax,
                clientName, account, maxFrameSize);
    }

    /** dtc://host:port or dtcs://host:port (TLS), for logs and dead-letter origins. */
    public String address() {
        return (tls == null ? "dtc://" : "dtcs://") + host + ":" + port;
    }
}
