package io.liquidityengine.topology.domain.bars;

import java.util.Objects;

/**
 * One trade print with the best bid and ask at that moment.
 *
 * @param instrument instrument symbol
 * @param timeMicros exchange time, UTC epoch microseconds
 * @param price      trade price, on the instrument tick grid (checked by the bar builder)
 * @param size       traded quantity, positive
 * @param aggressor  aggressor side as reported by the source
 * @param bid        best bid at the trade, NaN when unknown
 * @param ask        best ask at the trade, NaN when unknown
 * @param tradeCount exchange trades bundled into this print, at least 1
 */
public record TradeEvent(String instrument, long timeMicros, double price, double size, Aggressor aggressor,
                         double bid, double ask, int tradeCount) {

    public TradeEvent {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(aggressor, "aggressor");
        if (!Double.isFinite(price)) {
            throw new IllegalArgumentException("trade price must be finite, was " + price);
        }
        if (!Double.isFinite(size) || size <= 0) {
            throw new IllegalArgumentException("trade size must be positive and finite, was " + size);
        }
        if (Double.isInfinite(bid) || Double.isInfinite(ask)) {
            throw new IllegalArgumentException("bid/ask must be finite or NaN (unknown)");
        }
        if (tradeCount < 1) {
            throw new IllegalArgumentException("tradeCount must be >= 1, was " + tradeCount);
        }
    }

    /** A single trade without bid/ask. */
    public TradeEvent(String instrument, long timeMicros, double price, double size, Aggressor aggressor) {
        this(instrument, timeMicros, price, size, aggressor, Double.NaN, Double.NaN, 1);
    }

    /** A single trade with bid/ask (NaN for unknown). */
    public TradeEvent(String instrument, long timeMicros, double price, double size, Aggressor aggressor,
                      double bid, double ask) {
        this(instrument, timeMicros, price, size, aggressor, bid, ask, 1);
    }

    /**
     * The aggressor, inferred from the quote when the source did not report it: a trade at or above
     * the ask was bought, at or below the bid was sold; otherwise UNKNOWN.
     */
    public Aggressor effectiveAggressor() {
        if (aggressor != Aggressor.UNKNOWN) {
            return aggressor;
        }
        if (!Double.isNaN(ask) && price >= ask) {
            return Aggressor.BUY;
        }
        if (!Double.isNaN(bid) && price <= bid) {
            return Aggressor.SELL;
        }
        return Aggressor.UNKNOWN;
    }
}
