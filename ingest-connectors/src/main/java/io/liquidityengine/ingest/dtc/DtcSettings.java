package io.liquidityengine.ingest.dtc;

import io.liquidityengine.dtc.session.ClientSettings;
import io.liquidityengine.dtc.session.DtcCredentials;
import java.time.Duration;
import javax.net.ssl.SSLSocketFactory;

/**
 * A {@code type=dtc} source: where the DTC server is, which symbol to subscribe for the instrument,
 * and the session settings.
 *
 * @param symbol       the DTC symbol of the instrument (for example ESZ4, or ESZ24-CME on Sierra Chart)
 * @param exchange     the DTC exchange (may be empty when the symbol carries it)
 * @param stopOnLogoff finish the source when the server logs off with DoNotReconnect (a finished replay);
 *                     false keeps a live source reconnecting
 */
public record DtcSettings(String host, int port, boolean tls, String symbol, String exchange, DtcCredentials credentials,
                          Duration heartbeatInterval, Duration backoffInitial, Duration backoffMax, boolean stopOnLogoff) {

    public ClientSettings client(String sourceId) {
        ClientSettings settings = ClientSettings.of("ingest-" + sourceId, host, port).withHeartbeat(heartbeatInterval)
                .withBackoff(backoffInitial, backoffMax);
        return tls ? settings.withTls((SSLSocketFactory) SSLSocketFactory.getDefault()) : settings;
    }
}
