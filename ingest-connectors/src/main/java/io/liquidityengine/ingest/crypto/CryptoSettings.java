package io.liquidityengine.ingest.crypto;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * A crypto market-data source ({@code type=binance} or {@code coinbase}): where the venue is, which
 * of its symbols to take, and how the connection is kept.
 *
 * @param websocket        the market-data websocket endpoint
 * @param rest             base of the venue's public REST API (trade history)
 * @param symbols          the venue's symbols, in the order of the source's instruments
 * @param idleTimeout      a connection without any frame for this long is dropped and re-established
 * @param maxConnectionAge reconnect before the venue's own cut (24 hours on both)
 * @param restMaxWait      the longest wait before a REST retry (a larger Retry-After is capped to it)
 */
public record CryptoSettings(URI websocket, URI rest, List<String> symbols, Duration pingInterval, Duration idleTimeout,
                             Duration maxConnectionAge, Duration backoffInitial, Duration backoffMax, Duration restTimeout,
                             Duration restMaxWait) {

    public CryptoSettings {
        symbols = List.copyOf(symbols);
    }

    public WebSocketLink.Settings link(URI uri) {
        return new WebSocketLink.Settings(uri, pingInterval, idleTimeout, maxConnectionAge, backoffInitial, backoffMax, restTimeout);
    }
}
