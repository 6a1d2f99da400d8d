package io.liquidityengine.ingest.coinbase;

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
import java.util.Comparator;
import java.util.List;

/**
 * Coinbase Exchange, transport side: one {@code subscribe} to the {@code matches}, {@code ticker} and
 * {@code heartbeat} channels of every product (sent at once: the feed closes a connection that has not subscribed within
 * 5 seconds), and the REST trade history, which pages from the newest trade backwards ({@code after} =
 * the {@code CB-AFTER} cursor of the page before, pages of 1000), read until it reaches the last
 * published trade.
 */
public final class CoinbaseVenue implements Venue, TradeHistory {

    public static final String DEFAULT_WEBSOCKET = "wss://ws-feed.exchange.coinbase.com";
    public static final String DEFAULT_REST = "https://api.exchange.coinbase.com";
    static final int PAGE = 1000;
    /** A gap longer than this many pages is not filled in one go: the older part is logged as missing. */
    static final int MAX_PAGES = 1000;

    private final CryptoSettings settings;
    private final RestClient rest;
    private final CoinbaseParser parser = new CoinbaseParser();
    private final int page;

    public CoinbaseVenue(CryptoSettings settings, RestClient rest) {
        this(settings, rest, PAGE);
    }

    /** With another page size, for tests of the paging. */
    CoinbaseVenue(CryptoSettings settings, RestClient rest, int page) {
        this.settings = settings;
        this.rest = rest;
        this.page = page;
    }

    @Override
    public String name() {
        return "coinbase";
    }

    @Override
    public URI websocket() {
        return settings.websocket();
    }

    @Override
    public List<String> subscribeMessages(List<String> symbols) {
        StringBuilder ids = new StringBuilder();
        symbols.forEach(s -> ids.append(ids.isEmpty() ? "" : ",").append('"').append(s).append('"'));
        return List.of("{\"type\":\"subscribe\",\"product_ids\":[" + ids + "],\"channels\":[\"matches\",\"ticker\",\"heartbeat\"]}");
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
    public List<VenueTrade> tradesAfter(String product, long afterId, Long beforeId) throws IOException {
        List<VenueTrade> out = new ArrayList<>();
        Long cursor = beforeId;
        for (int pages = 0; pages < MAX_PAGES; pages++) {
            URI uri = URI.create(settings.rest() + "/products/" + product + "/trades?limit=" + page + (cursor == null ? "" : "&after=" + cursor));
            RestClient.Answer answer = rest.get(uri);
            JsonNode trades;
            try {
                trades = JsonFields.JSON.readTree(answer.body());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IOException("/products/" + product + "/trades: not JSON: " + e.getOriginalMessage());
            }
            if (trades == null || !trades.isArray()) {
                throw new IOException("/products/" + product + "/trades: not a JSON array");
            }
            long oldest = Long.MAX_VALUE;
            for (JsonNode t : trades) {
                VenueTrade trade;
                try {
                    trade = CoinbaseParser.restTrade(product, t);
                } catch (FieldException e) {
                    throw new IOException("/products/" + product + "/trades: " + e.getMessage());
                }
                oldest = Math.min(oldest, trade.id());
                if (trade.id() > afterId) {
                    out.add(trade);
                }
            }
            if (trades.isEmpty() || oldest <= afterId + 1) {
                out.sort(Comparator.comparingLong(VenueTrade::id));
                return out;
            }
            cursor = answer.headers().firstValue("CB-AFTER").map(Long::parseLong).orElse(oldest);
        }
        // a gap this long is not filled in one go: the source logs the trades before these as missing
        out.sort(Comparator.comparingLong(VenueTrade::id));
        return out;
    }
}
