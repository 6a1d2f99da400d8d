package io.liquidityengine.ingest.crypto;

import io.liquidityengine.schemas.marketdata.AggressorSide;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One trade as a crypto venue printed it, decoded but not yet checked against the instrument.
 *
 * @param symbol     the venue's symbol (BTCUSDT on Binance, BTC-USD on Coinbase)
 * @param id         the venue's trade id, consecutive per symbol (Binance: the aggregate id {@code a} or trade id {@code t};
 *                   Coinbase: {@code trade_id})
 * @param price      as the venue wrote it
 * @param size       base quantity as the venue wrote it
 * @param aggressor  the taker's side
 * @param timeMicros exchange trade time, UTC microseconds
 * @param tradeCount exchange trades in this record (an aggregate trade bundles {@code l - f + 1})
 * @param raw        the text it came in (a websocket frame, or one element of a REST answer), for dead letters
 */
public record VenueTrade(String symbol, long id, BigDecimal price, BigDecimal size, AggressorSide aggressor, long timeMicros,
                         int tradeCount, String raw) {

    public VenueTrade {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(aggressor, "aggressor");
        Objects.requireNonNull(raw, "raw");
    }
}
