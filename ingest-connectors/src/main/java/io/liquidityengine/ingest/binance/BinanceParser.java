package io.liquidityengine.ingest.binance;

import static io.liquidityengine.ingest.crypto.JsonFields.bool;
import static io.liquidityengine.ingest.crypto.JsonFields.decimal;
import static io.liquidityengine.ingest.crypto.JsonFields.integer;
import static io.liquidityengine.ingest.crypto.JsonFields.millisAsMicros;
import static io.liquidityengine.ingest.crypto.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.liquidityengine.ingest.crypto.FrameParser;
import io.liquidityengine.ingest.crypto.JsonFields;
import io.liquidityengine.ingest.crypto.JsonFields.FieldException;
import io.liquidityengine.ingest.crypto.VenueFrame;
import io.liquidityengine.ingest.crypto.VenueQuote;
import io.liquidityengine.ingest.crypto.VenueTrade;
import io.liquidityengine.ingest.parse.ProblemReason;
import io.liquidityengine.schemas.marketdata.AggressorSide;

/**
 * Binance spot websocket frames and REST trades, pure. Frames come wrapped ({@code /stream}:
 * {@code {"stream":..,"data":..}}) or raw ({@code /ws}). {@code aggTrade} and {@code trade} events are
 * trades: {@code m} true means the buyer was the maker, so the taker (aggressor) sold; time {@code T}
 * (ms). A {@code bookTicker} payload ({@code u, s, b, B, a, A}, no {@code e}) is the best bid and ask,
 * recognised by its stream name or its keys. {@code {"result":..,"id":..}} acknowledges a
 * subscription, {@code {"code":..,"msg":..}} is an error, {@code serverShutdown} asks for a reconnect;
 * everything else (klines, depth) is ignored.
 */
public final class BinanceParser implements FrameParser {

    @Override
    public VenueFrame parse(String text) {
        try {
            JsonNode root = JsonFields.object(text);
            if (root.has("code") && !root.has("data")) {
                return new VenueFrame.VenueError("code " + root.get("code") + ": " + root.path("msg").asText("") + idOf(root));
            }
            if (root.has("error")) {
                JsonNode e = root.get("error");
                return new VenueFrame.VenueError("code " + e.path("code") + ": " + e.path("msg").asText("") + idOf(root));
            }
            if (root.has("result") && root.has("id")) {
                return new VenueFrame.SubscriptionAck("id " + root.get("id") + ", result " + root.get("result"));
            }
            JsonNode data = root.has("data") ? root.get("data") : root;
            if (!data.isObject()) {
                throw new FieldException("field 'data' is not an object");
            }
            String stream = root.has("data") ? text(root, "stream") : "";
            String event = data.path("e").asText("");
            return switch (event) {
                case "aggTrade" -> new VenueFrame.Trade(aggTrade(data, text));
                case "trade" -> new VenueFrame.Trade(trade(data, text));
                case "serverShutdown" -> new VenueFrame.Reconnect("serverShutdown at " + data.path("E"));
                case "" -> stream.endsWith("@bookTicker") || (data.has("u") && data.has("b") && data.has("a"))
                        ? new VenueFrame.Quote(bookTicker(data)) : new VenueFrame.Ignored(stream.isEmpty() ? "unknown" : stream);
                default -> new VenueFrame.Ignored(event);
            };
        } catch (FieldException e) {
            return new VenueFrame.Bad(ProblemReason.UNPARSABLE_ROW, e.getMessage());
        }
    }

    private static String idOf(JsonNode root) {
        return root.has("id") ? " (request id " + root.get("id") + ")" : "";
    }

    private static VenueTrade aggTrade(JsonNode d, String raw) throws FieldException {
        long first = integer(d, "f");
        long last = integer(d, "l");
        if (last < first || last - first >= Integer.MAX_VALUE) {
            throw new FieldException("aggregate trade ids f=" + first + " l=" + last + " are not a range");
        }
        return new VenueTrade(text(d, "s"), integer(d, "a"), decimal(d, "p"), decimal(d, "q"), aggressor(bool(d, "m")),
                millisAsMicros(d, "T"), (int) (last - first + 1), raw);
    }

    private static VenueTrade trade(JsonNode d, String raw) throws FieldException {
        return new VenueTrade(text(d, "s"), integer(d, "t"), decimal(d, "p"), decimal(d, "q"), aggressor(bool(d, "m")),
                millisAsMicros(d, "T"), 1, raw);
    }

    private static VenueQuote bookTicker(JsonNode d) throws FieldException {
        integer(d, "u");
        return new VenueQuote(text(d, "s"), decimal(d, "b"), decimal(d, "a"));
    }

    /** One element of {@code GET /api/v3/aggTrades} ({@code a, p, q, f, l, T, m}) for {@code symbol}. */
    public static VenueTrade restAggTrade(String symbol, JsonNode d) throws FieldException {
        if (!d.isObject()) {
            throw new FieldException("not a JSON object: " + d);
        }
        long first = integer(d, "f");
        long last = integer(d, "l");
        if (last < first || last - first >= Integer.MAX_VALUE) {
            throw new FieldException("aggregate trade ids f=" + first + " l=" + last + " are not a range");
        }
        return new VenueTrade(symbol, integer(d, "a"), decimal(d, "p"), decimal(d, "q"), aggressor(bool(d, "m")),
                millisAsMicros(d, "T"), (int) (last - first + 1), d.toString());
    }

    /** One element of {@code GET /api/v3/historicalTrades} ({@code id, price, qty, time, isBuyerMaker}) for {@code symbol}. */
    public static VenueTrade restTrade(String symbol, JsonNode d) throws FieldException {
        if (!d.isObject()) {
            throw new FieldException("not a JSON object: " + d);
        }
        return new VenueTrade(symbol, integer(d, "id"), decimal(d, "price"), decimal(d, "qty"), aggressor(bool(d, "isBuyerMaker")),
                millisAsMicros(d, "time"), 1, d.toString());
    }

    /** Buyer is the maker: the seller took liquidity. */
    static AggressorSide aggressor(boolean buyerIsMaker) {
        return buyerIsMaker ? AggressorSide.SELL : AggressorSide.BUY;
    }
}
