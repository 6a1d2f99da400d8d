package io.liquidityengine.ingest.binance;

import com.fasterxml.jackson.databind.JsonNode;
import io.liquidityengine.ingest.crypto.CryptoSettings;
import io.liquidityengine.ingest.crypto.FrameParser;
import io.liquidityengine.ingest.crypto.JsonFields;
import io.liquidityengine.ingest.crypto.JsonFields.FieldException;
import io.liquidityengine.ingest.crypto.RestClient;
import io.liquidityengine.ingest.crypto.TradeHistory;
import io.liquidityengine.ingest.crypto.Venue;
import io.liquidityengine.ingest.crypto.VenueTrade;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Binance spot, transport side: the combined-stream endpoint ({@code /stream}, events wrapped with
 * their stream name), one {@code SUBSCRIBE} request for {@code <symbol>@aggTrade} (or {@code @trade})
 * and {@code <symbol>@bookTicker} of every symbol, and the REST trade history read forward from an id
 * ({@code fromId}, pages of 1000).
 */
public final class BinanceVenue implements Venue, TradeHistory {

    /** Binance's default endpoints (the market-data-only websocket host is {@code wss://data-stream.binance.vision}). */
    public static final String DEFAULT_WEBSOCKET = "wss://stream.binance.com:9443/stream";
    public static final String DEFAULT_REST = "https://api.binance.com";
    /** Symbols per connection: two streams each, and Binance allows 1024 streams on one connection. */
    public static final int MAX_SYMBOLS = 512;
    /** Trades per history request (the API's maximum). */
    static final int PAGE = 1000;

    private final CryptoSettings settings;
    private final BinanceStream stream;
    private final RestClient rest;
    private final BinanceParser parser = new BinanceParser();
    private final int page;

    public BinanceVenue(CryptoSettings settings, BinanceStream stream, RestClient rest) {
        this(settings, stream, rest, PAGE);
    }

    /** With another page size, for tests of the paging. */
    BinanceVenue(CryptoSettings settings, BinanceStream stream, RestClient rest, int page) {
        this.settings = settings;
        this.stream = stream;
        this.rest = rest;
        this.page = page;
    }

    @Override
    public String name() {
        return "binance";
    }

    @Override
    public URI websocket() {
        return settings.websocket();
    }

    @Override
    public List<String> subscribeMessages(List<String> symbols) {
        StringBuilder params = new StringBuilder();
        for (String s : symbols) {
            String lower = s.toLowerCase(Locale.ROOT);
            params.append(params.isEmpty() ? "" : ",").append('"').append(lower).append('@').append(stream.streamSuffix()).append("\",\"")
                    .append(lower).append("@bookTicker\"");
        }
        return List.of("{\"method\":\"SUBSCRIBE\",\"params\":[" + params + "],\"id\":1}");
    }

    @Override
    public FrameParser parser() {
        return parser;
    }

    @Override
    public TradeHistory history() {
        return this;
    }

    @Override
    public List<VenueTrade> tradesAfter(String symbol, long afterId, Long beforeId) throws IOException {
        List<VenueTrade> out = new ArrayList<>();
        long from = afterId + 1;
        while (true) {
            URI uri = URI.create(settings.rest() + stream.historyPath() + "?symbol=" + symbol + "&fromId=" + from + "&limit=" + page);
            JsonNode answer;
            try {
                answer = JsonFields.JSON.readTree(rest.get(uri).body());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IOException(stream.historyPath() + ": not JSON: " + e.getOriginalMessage());
            }
            if (answer == null || !answer.isArray()) {
                throw new IOException(stream.historyPath() + ": not a JSON array");
            }
            for (JsonNode t : answer) {
                try {
                    out.add(stream == BinanceStream.AGG_TRADE ? BinanceParser.restAggTrade(symbol, t) : BinanceParser.restTrade(symbol, t));
                } catch (FieldException e) {
                    throw new IOException(stream.historyPath() + ": " + e.getMessage());
                }
            }
            if (answer.size() < page || out.isEmpty()) {
                return out;
            }
            long last = out.get(out.size() - 1).id();
            if (beforeId != null && last >= beforeId - 1) {
                return out;
            }
            from = last + 1;
        }
    }
}
