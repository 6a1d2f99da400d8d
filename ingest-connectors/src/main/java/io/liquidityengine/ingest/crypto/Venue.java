package io.liquidityengine.ingest.crypto;

import java.net.URI;
import java.util.List;

/** What a crypto market-data source needs to know about one venue; the rest is {@link CryptoMarketDataSource}. */
public interface Venue {

    /** Short name, for {@code Tick.source} and logs: {@code binance}, {@code coinbase}. */
    String name();

    /** The websocket endpoint to connect to. */
    URI websocket();

    /** The text frames to send after connecting to subscribe to trades and quotes of {@code symbols}. */
    List<String> subscribeMessages(List<String> symbols);

    FrameParser parser();

    TradeHistory history();
}
