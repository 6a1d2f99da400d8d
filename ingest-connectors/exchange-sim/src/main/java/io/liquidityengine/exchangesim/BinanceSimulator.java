package io.liquidityengine.exchangesim;

import static io.liquidityengine.exchangesim.SimJson.JSON;
import static io.liquidityengine.exchangesim.SimJson.array;
import static io.liquidityengine.exchangesim.SimJson.json;
import static io.liquidityengine.exchangesim.SimJson.object;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liquidityengine.exchangesim.MarketTape.Classified;
import io.liquidityengine.exchangesim.MarketTape.TapeFrame;
import io.liquidityengine.exchangesim.MarketTape.TradeRef;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * Binance spot on loopback. Websocket: {@code /stream} (combined streams, each event wrapped as
 * {@code {"stream":..,"data":..}}; streams in the URL as {@code ?streams=a/b} or by a
 * {@code {"method":"SUBSCRIBE","params":[..],"id":n}} answered {@code {"result":null,"id":n}}) and
 * {@code /ws} (raw payloads). Errors as {@code {"code":n,"msg":".."}}. REST: {@code GET /api/v3/aggTrades}
 * and {@code GET /api/v3/historicalTrades} ({@code symbol}, {@code fromId}, {@code limit} up to 1000,
 * ascending ids), {@code /api/v3/time}, {@code /api/v3/ping}; a 429 carries {@code Retry-After} and code -1003.
 */
public final class BinanceSimulator extends ExchangeSimulator {

    private final Map<String, Long> userEvents = new java.util.HashMap<>();
    private final BinanceOrderEntry orderEntry = new BinanceOrderEntry(this::sendUserEvent);
    /** Orders match only printed trades ({@link #matchPrintedTradesOnly}), not the tape's. */
    private boolean printedTradesOnly;

    private BinanceSimulator(RecordedFrames frames, SimulatorSettings settings, int port) {
        super(frames, settings, port);
    }

    // --- order entry: commands ---

    /** An account that may trade: its API key ({@code X-MBX-APIKEY}) and the secret its requests are signed with. */
    public void addAccount(String apiKey, String secret) {
        call(() -> {
            orderEntry.addAccount(apiKey, secret);
            return null;
        });
    }

    /** Lists {@code symbol} for trading with its {@code PRICE_FILTER} tick size and {@code LOT_SIZE} step size. */
    public void listSymbol(String symbol, BigDecimal tickSize, BigDecimal stepSize) {
        call(() -> {
            orderEntry.list(symbol, tickSize, stepSize);
            return null;
        });
    }

    /** A trade prints on the market at {@code price} (not on the market-data streams): fills the orders it reaches. */
    public void printTrade(String symbol, BigDecimal price, long timeMillis) {
        call(() -> {
            orderEntry.book.onTrade(symbol, price, timeMillis);
            return null;
        });
    }

    /**
     * The demo's matching clock: from now on the tape's released trades are market data only (streams and REST
     * history) and orders match only trades printed by command, {@link #printTrade} or the simulator's own route
     * {@code POST /sim/trade} (not Binance's API; {@code symbol}, {@code price}, {@code time} in ms, {@code listenKey},
     * answered {@code {"userEventsSent":n}}, the user data events sent so far on that listen key, the trade's fills
     * included). {@code GET /sim/userEvents?listenKey=..} answers the count alone. The execution sink's Binance broker
     * with {@code matching-clock=sink} prints every trade the sink runs that way and waits for those events, so
     * orders fill in the sink's event-time order as the paper broker's do.
     */
    public void matchPrintedTradesOnly() {
        call(() -> {
            printedTradesOnly = true;
            return null;
        });
    }

    /** The venue's clock runs {@code offset} ahead of this machine's (negative: behind): for time-sync tests. */
    public void clockOffset(Duration offset) {
        call(() -> {
            orderEntry.clockOffset(offset.toMillis());
            return null;
        });
    }

    /** User data events sent so far on the connections of a listen key. */
    public long userEventsSent(String listenKey) {
        return call(() -> userEvents.getOrDefault(listenKey, 0L));
    }

    /** How many orders of {@code apiKey} the venue ever accepted with this client order id (a second one would be a duplicate). */
    public long ordersWithClientId(String apiKey, String clientOrderId) {
        return call(() -> orderEntry.book.orders.values().stream().filter(o -> o.apiKey.equals(apiKey) && o.clientOrderId.equals(clientOrderId))
                .count());
    }

    /** Every client order id the venue accepted an order of {@code apiKey} with, and how many times (more than 1 would be a duplicate). */
    public Map<String, Long> clientOrderIds(String apiKey) {
        return call(() -> {
            Map<String, Long> ids = new java.util.TreeMap<>();
            orderEntry.book.orders.values().stream().filter(o -> o.apiKey.equals(apiKey)).forEach(o -> ids.merge(o.clientOrderId, 1L, Long::sum));
            return ids;
        });
    }

    /** Orders of {@code apiKey} accepted so far (every new order, OCO leg and replacement). */
    public long ordersAccepted(String apiKey) {
        return call(() -> orderEntry.book.orders.values().stream().filter(o -> o.apiKey.equals(apiKey)).count());
    }

    /** Open orders of {@code apiKey}. */
    public long openOrders(String apiKey) {
        return call(() -> orderEntry.book.orders.values().stream().filter(o -> o.apiKey.equals(apiKey) && o.open()).count());
    }

    private void sendUserEvent(String apiKey, ObjectNode event) {
        String text = event.toString();
        for (Connection c : connections()) {
            if (c.listenKey != null && apiKey.equals(orderEntry.accountOf(c.listenKey))) {
                c.send(text);
                userEvents.merge(c.listenKey, 1L, Long::sum);
            }
        }
    }

    @Override
    protected void onTradeReleased(TapeFrame frame) {
        if (printedTradesOnly) {
            return;
        }
        JsonNode data = frame.json().get("data");
        orderEntry.book.onTrade(data.get("s").asText(), new BigDecimal(data.get("p").asText()), data.get("T").asLong());
    }

    @Override
    protected void onRest(HttpServerRequest request, String body) {
        if (BinanceOrderEntry.serves(request.path())) {
            orderEntry.serve(request, body);
        } else if (request.path().equals("/sim/trade") || request.path().equals("/sim/userEvents")) {
            simulatorRoute(request, body);
        } else {
            onRest(request);
        }
    }

    /** {@code POST /sim/trade} and {@code GET /sim/userEvents} (see {@link #matchPrintedTradesOnly}). */
    private void simulatorRoute(HttpServerRequest request, String body) {
        Map<String, String> params = SpotParams.params(request.query(), body);
        String listenKey = params.getOrDefault("listenKey", "");
        if (request.path().equals("/sim/trade")) {
            String symbol = params.get("symbol");
            String price = params.get("price");
            String time = params.get("time");
            if (symbol == null || price == null || time == null) {
                json(request.response(), 400, object().put("code", -1102).put("msg", "symbol, price and time are mandatory"));
                return;
            }
            orderEntry.book.onTrade(symbol, new BigDecimal(price), Long.parseLong(time));
        }
        json(request.response(), 200, object().put("userEventsSent", userEvents.getOrDefault(listenKey, 0L)));
    }

    @Override
    protected void retryAfterIgnored(HttpServerResponse response, Duration retryAfter) {
        long until = System.currentTimeMillis() + retryAfter.toMillis();
        response.putHeader("Retry-After", String.valueOf(Math.max(1, retryAfter.toSeconds())));
        json(response, 418, object().put("code", -1003).put("msg", "Way too many requests; IP(127.0.0.1) banned until " + until
                + ". Please use the websocket for live updates to avoid bans."));
    }

    /** Starts on {@code port} (0 = any free port) on 127.0.0.1. */
    public static BinanceSimulator start(RecordedFrames frames, SimulatorSettings settings, int port) {
        return new BinanceSimulator(frames, settings, port);
    }

    @Override
    public String wsUrl() {
        return "ws://127.0.0.1:" + port() + "/stream";
    }

    @Override
    protected Classified classify(JsonNode frame) {
        JsonNode data = frame.get("data");
        if (!frame.hasNonNull("stream") || data == null) {
            return new Classified(null, null, null);
        }
        String stream = frame.get("stream").asText();
        String event = data.path("e").asText();
        String symbol = data.path("s").asText();
        if (event.equals("aggTrade")) {
            ObjectNode rest = data.deepCopy();
            rest.remove(List.of("e", "E", "s"));
            return new Classified(stream, "aggTrade:" + symbol, new TradeRef(symbol, data.get("a").asLong(), rest));
        }
        if (event.equals("trade")) {
            ObjectNode rest = object();
            rest.put("id", data.get("t").asLong());
            rest.put("price", data.get("p").asText());
            rest.put("qty", data.get("q").asText());
            rest.put("quoteQty", new BigDecimal(data.get("p").asText()).multiply(new BigDecimal(data.get("q").asText()))
                    .stripTrailingZeros().toPlainString());
            rest.put("time", data.get("T").asLong());
            rest.put("isBuyerMaker", data.get("m").asBoolean());
            rest.put("isBestMatch", data.path("M").asBoolean(true));
            return new Classified(stream, "trade:" + symbol, new TradeRef(symbol, data.get("t").asLong(), rest));
        }
        return new Classified(stream, null, null);
    }

    @Override
    protected boolean onOpen(Connection c) {
        if (c.path.equals("/stream")) {
            String streams = query(c.query).get("streams");
            if (streams != null && !streams.isEmpty()) {
                subscribed(c, Arrays.asList(streams.split("/")));
            }
            return true;
        }
        if (c.path.startsWith("/ws/") && orderEntry.accountOf(c.path.substring("/ws/".length())) != null) {
            c.listenKey = c.path.substring("/ws/".length());   // a user data stream
            return true;
        }
        if (c.path.equals("/ws") || c.path.startsWith("/ws/")) {
            c.raw = true;
            if (c.path.length() > "/ws/".length()) {
                subscribed(c, Arrays.asList(c.path.substring("/ws/".length()).split("/")));
            }
            return true;
        }
        return false;
    }

    @Override
    protected String render(Connection c, TapeFrame frame) {
        return c.raw ? frame.json().get("data").toString() : frame.text();
    }

    @Override
    protected void onClientText(Connection c, String text) {
        JsonNode request;
        try {
            request = JSON.readTree(text);
        } catch (Exception e) {
            c.send(error(3, "Invalid JSON: " + e.getMessage().lines().findFirst().orElse(""), null));
            return;
        }
        JsonNode id = request.get("id");
        String method = request.path("method").asText();
        switch (method) {
            case "SUBSCRIBE", "UNSUBSCRIBE" -> {
                List<String> streams = new ArrayList<>();
                for (JsonNode p : request.path("params")) {
                    String s = p.asText();
                    int at = s.indexOf('@');
                    if (!p.isTextual() || at <= 0 || !s.substring(0, at).equals(s.substring(0, at).toLowerCase())) {
                        c.send(error(2, "Invalid request: invalid stream name '" + s + "'", id));
                        return;
                    }
                    streams.add(s);
                }
                if (method.equals("SUBSCRIBE")) {
                    subscribed(c, streams);
                } else {
                    c.streams.removeAll(streams);
                }
                ObjectNode ack = object();
                ack.putNull("result");
                ack.set("id", id);
                c.send(ack.toString());
            }
            case "LIST_SUBSCRIPTIONS" -> {
                ObjectNode answer = object();
                ArrayNode result = answer.putArray("result");
                c.streams.forEach(result::add);
                answer.set("id", id);
                c.send(answer.toString());
            }
            default -> c.send(error(2, "Invalid request: unknown method '" + method + "'", id));
        }
    }

    private static String error(int code, String message, JsonNode id) {
        ObjectNode e = object();
        e.put("code", code);
        e.put("msg", message);
        if (id != null) {
            e.set("id", id);
        }
        return e.toString();
    }

    @Override
    protected void onRest(HttpServerRequest request) {
        String path = request.path();
        switch (path) {
            case "/api/v3/ping" -> json(request.response(), 200, object());
            case "/api/v3/time" -> json(request.response(), 200, object().put("serverTime", System.currentTimeMillis()));
            case "/api/v3/aggTrades" -> trades(request, "aggTrade:");
            case "/api/v3/historicalTrades" -> trades(request, "trade:");
            default -> json(request.response(), 404, object().put("code", -1).put("msg", "no such endpoint " + path));
        }
    }

    private void trades(HttpServerRequest request, String kind) {
        String symbol = request.getParam("symbol");
        if (symbol == null || symbol.isEmpty()) {
            json(request.response(), 400, object().put("code", -1102).put("msg", "Mandatory parameter 'symbol' was not sent, was empty/null, or malformed."));
            return;
        }
        int limit;
        Long fromId;
        try {
            limit = request.getParam("limit") == null ? 500 : Integer.parseInt(request.getParam("limit"));
            fromId = request.getParam("fromId") == null ? null : Long.parseLong(request.getParam("fromId"));
        } catch (NumberFormatException e) {
            json(request.response(), 400, object().put("code", -1100).put("msg", "Illegal characters found in a parameter."));
            return;
        }
        if (limit < 1 || limit > 1000) {
            json(request.response(), 400, object().put("code", -1100).put("msg", "Illegal characters found in parameter 'limit'; legal range is '1-1000'."));
            return;
        }
        NavigableMap<Long, ObjectNode> trades = history(kind + symbol);
        ArrayNode out = array();
        if (trades != null) {
            NavigableMap<Long, ObjectNode> from = fromId == null ? trades : trades.tailMap(fromId, true);
            List<ObjectNode> page = new ArrayList<>(from.values());
            if (fromId == null && page.size() > limit) {
                page = page.subList(page.size() - limit, page.size());
            }
            page.stream().limit(limit).forEach(out::add);
        }
        request.response().putHeader("X-MBX-USED-WEIGHT-1M", String.valueOf(requestsServed()));
        json(request.response(), 200, out);
    }

    @Override
    protected void tooManyRequests(HttpServerResponse response, Duration retryAfter) {
        response.putHeader("Retry-After", String.valueOf(Math.max(1, retryAfter.toSeconds())));
        json(response, 429, object().put("code", -1003).put("msg", "Too many requests; please use the websocket for live updates."));
    }

    private static Map<String, String> query(String query) {
        Map<String, String> out = new java.util.HashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    out.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }
}
