package io.liquidityengine.ingest.crypto;

import java.math.BigDecimal;

/** Best bid and ask of one symbol as the venue last sent them (Binance {@code bookTicker}, Coinbase {@code ticker}). */
public record VenueQuote(String symbol, BigDecimal bid, BigDecimal ask) {
}
