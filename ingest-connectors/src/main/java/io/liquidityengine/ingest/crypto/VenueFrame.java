package io.liquidityengine.ingest.crypto;

import io.liquidityengine.ingest.parse.ProblemReason;

/** What one websocket text frame of a venue says, as its pure parser reads it. */
public sealed interface VenueFrame {

    /** A trade. */
    record Trade(VenueTrade trade) implements VenueFrame {
    }

    /** A new best bid and ask. */
    record Quote(VenueQuote quote) implements VenueFrame {
    }

    /** The venue confirmed a subscription (Binance {@code {"result":null,"id":n}}, Coinbase {@code subscriptions}). */
    record SubscriptionAck(String detail) implements VenueFrame {
    }

    /** The venue reported an error (Binance {@code {"code":..,"msg":..}}, Coinbase {@code type=error}). */
    record VenueError(String detail) implements VenueFrame {
    }

    /** The venue says which trade of a symbol is its last (Coinbase's heartbeat channel): trades up to it may be missing. */
    record LastTrade(String symbol, long tradeId) implements VenueFrame {
    }

    /** The venue announced it will close the connection (Binance {@code serverShutdown}): reconnect now. */
    record Reconnect(String detail) implements VenueFrame {
    }

    /** Well-formed data this source does not use (klines, heartbeats, unknown types). */
    record Ignored(String kind) implements VenueFrame {
    }

    /** A frame that cannot be read: invalid JSON, a missing or malformed field. */
    record Bad(ProblemReason reason, String detail) implements VenueFrame {
    }
}
