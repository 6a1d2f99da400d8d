package io.liquidityengine.ingest.coinbase;

import static io.liquidityengine.ingest.crypto.JsonFields.decimal;
import static io.liquidityengine.ingest.crypto.JsonFields.instantMicros;
import static io.liquidityengine.ingest.crypto.JsonFields.integer;
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
 * Coinbase Exchange websocket frames and REST trades, pure. {@code match} and {@code last_match} are
 * trades; their {@code side} is the maker's, so the aggressor is the other side ({@code sell} = a buyer
 * lifted the offer). {@code ticker} carries the best bid and ask (its own copy of the trade is not a
 * trade). {@code heartbeat} names the product's last trade id, so a missed trade shows before the next
 * one. {@code subscriptions} acknowledges, {@code error} is an error; other types (status, new ones) are
 * ignored, as the venue asks clients to do.
 */
public final class CoinbaseParser implements FrameParser {

    @Override
    public VenueFrame parse(String text) {
        try {
            JsonNode m = JsonFields.object(text);
            String type = text(m, "type");
            return switch (type) {
                case "match", "last_match" -> new VenueFrame.Trade(trade(m, text(m, "product_id"), m, text));
                case "ticker" -> new VenueFrame.Quote(new VenueQuote(text(m, "product_id"), decimal(m, "best_bid"), decimal(m, "best_ask")));
                case "subscriptions" -> new VenueFrame.SubscriptionAck(String.valueOf(m.get("channels")));
                case "error" -> new VenueFrame.VenueError(m.path("message").asText("") + ": " + m.path("reason").asText(""));
                case "heartbeat" -> new VenueFrame.LastTrade(text(m, "product_id"), integer(m, "last_trade_id"));
                default -> new VenueFrame.Ignored(type);
            };
        } catch (FieldException e) {
            return new VenueFrame.Bad(ProblemReason.UNPARSABLE_ROW, e.getMessage());
        }
    }

    /** One element of {@code GET /products/<id>/trades} ({@code time, trade_id, price, size, side}). */
    public static VenueTrade restTrade(String product, JsonNode t) throws FieldException {
        if (!t.isObject()) {
            throw new FieldException("not a JSON object: " + t);
        }
        return trade(t, product, t, t.toString());
    }

    private static VenueTrade trade(JsonNode m, String product, JsonNode fields, String raw) throws FieldException {
        String side = text(fields, "side");
        AggressorSide aggressor = switch (side) {
            case "sell" -> AggressorSide.BUY;
            case "buy" -> AggressorSide.SELL;
            default -> throw new FieldException("field 'side' is neither buy nor sell: " + side);
        };
        return new VenueTrade(product, integer(m, "trade_id"), decimal(m, "price"), decimal(m, "size"), aggressor,
                instantMicros(m, "time"), 1, raw);
    }
}
