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
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Coinbase Exchange on loopback. Websocket on {@code /}: a {@code subscribe} message
 * ({@code product_ids} and {@code channels}, names or {@code {"name":..,"product_ids":[..]}}) within the
 * subscribe deadline, answered with {@code subscriptions}; on {@code matches} the last trade of each
 * product is sent first as {@code last_match}; errors as {@code {"type":"error","message":..,"reason":..}}.
 * REST: {@code GET /products/<id>/trades} newest first, {@code limit} up to 1000, {@code after=<id>}
 * (older than) and {@code before=<id>} (newer than), cursors in the {@code CB-BEFORE} and
 * {@code CB-AFTER} headers; a 429 answers {@code {"message":"Public rate limit exceeded"}}.
 */
public final class CoinbaseSimulator extends ExchangeSimulator {

    private static final Set<String> CHANNELS = Set.of("matches", "ticker", "heartbeat", "level2", "level2_batch", "full",
            "status", "ticker_batch");
    private static final Pattern TRADES = Pattern.compile("^/products/([^/]+)/trades$");

    private final Map<String, JsonNode> lastMatch = new HashMap<>();
    private final Set<String> products = new LinkedHashSet<>();

    private CoinbaseSimulator(RecordedFrames frames, SimulatorSettings settings, int port) {
        super(frames, settings, port);
        for (TapeFrame f : tape()) {
            if (f.json().hasNonNull("product_id")) {
                products.add(f.json().get("product_id").asText());
            }
        }
    }

    /** Starts on {@code port} (0 = any free port) on 127.0.0.1. */
    public static CoinbaseSimulator start(RecordedFrames frames, SimulatorSettings settings, int port) {
        return new CoinbaseSimulator(frames, settings, port);
    }

    @Override
    public String wsUrl() {
        return "ws://127.0.0.1:" + port() + "/";
    }

    @Override
    protected Classified classify(JsonNode frame) {
        String type = frame.path("type").asText();
        String product = frame.path("product_id").asText();
        switch (type) {
            case "subscriptions", "error" -> {
                return new Classified(null, null, null); // the simulator answers subscriptions itself
            }
            case "match", "last_match" -> {
                ObjectNode rest = object();
                rest.put("time", frame.path("time").asText());
                rest.put("trade_id", frame.path("trade_id").asLong());
                rest.put("price", frame.path("price").asText());
                rest.put("size", frame.path("size").asText());
                rest.put("side", frame.path("side").asText());
                return new Classified("matches:" + product, "matches:" + product,
                        new TradeRef(product, frame.path("trade_id").asLong(), rest));
            }
            case "ticker" -> {
                return new Classified("ticker:" + product, null, null);
            }
            default -> {
                return new Classified(type + ":" + product, null, null);
            }
        }
    }

    /** The heartbeat channel: one message per subscribed product every second, with the product's last trade id. */
    @Override
    protected Duration heartbeatInterval() {
        return Duration.ofSeconds(1);
    }

    @Override
    protected void heartbeat() {
        String now = java.time.Instant.now().toString();
        for (Connection c : connections()) {
            for (String stream : c.streams) {
                if (stream.startsWith("heartbeat:")) {
                    String product = stream.substring("heartbeat:".length());
                    JsonNode last = lastMatch.get(product);
                    c.send(object().put("type", "heartbeat").put("sequence", last == null ? 0 : last.path("sequence").asLong())
                            .put("last_trade_id", last == null ? 0 : last.path("trade_id").asLong()).put("product_id", product)
                            .put("time", now).toString());
                }
            }
        }
    }

    @Override
    protected boolean requiresSubscription() {
        return true;
    }

    @Override
    protected boolean onOpen(Connection c) {
        return c.path.equals("/") || c.path.isEmpty();
    }

    @Override
    protected void onTradeReleased(TapeFrame frame) {
        lastMatch.put(frame.json().path("product_id").asText(), frame.json());
    }

    @Override
    protected void onClientText(Connection c, String text) {
        JsonNode request;
        try {
            request = JSON.readTree(text);
        } catch (Exception e) {
            c.send(error("Failed to parse message", "malformed JSON"));
            return;
        }
        String type = request.path("type").asText();
        if (!type.equals("subscribe") && !type.equals("unsubscribe")) {
            c.send(error("Failed to subscribe", type + " is not a valid message type"));
            return;
        }
        List<String> defaultProducts = texts(request.path("product_ids"));
        Map<String, List<String>> wanted = new LinkedHashMap<>();
        for (JsonNode channel : request.path("channels")) {
            String name = channel.isTextual() ? channel.asText() : channel.path("name").asText();
            List<String> ids = channel.isTextual() ? defaultProducts : texts(channel.path("product_ids"));
            if (!CHANNELS.contains(name)) {
                c.send(error("Failed to subscribe", name + " is not a valid channel"));
                return;
            }
            for (String id : ids) {
                if (!products.contains(id)) {
                    c.send(error("Failed to subscribe", id + " is not a valid product"));
                    return;
                }
            }
            wanted.computeIfAbsent(name, k -> new ArrayList<>()).addAll(ids);
        }
        List<String> streams = new ArrayList<>();
        wanted.forEach((channel, ids) -> ids.forEach(id -> streams.add(channel + ":" + id)));
        List<String> fresh = streams.stream().filter(s -> !c.streams.contains(s)).toList();
        if (type.equals("subscribe")) {
            subscribed(c, streams);
        } else {
            c.streams.removeAll(streams);
        }
        c.send(subscriptions(c).toString());
        if (type.equals("subscribe")) {
            for (String s : fresh) {
                if (s.startsWith("matches:") && lastMatch.containsKey(s.substring("matches:".length()))) {
                    ObjectNode last = lastMatch.get(s.substring("matches:".length())).deepCopy();
                    last.put("type", "last_match");
                    c.send(last.toString());
                }
            }
        }
    }

    private static ObjectNode subscriptions(Connection c) {
        Map<String, ArrayNode> byChannel = new LinkedHashMap<>();
        for (String s : c.streams) {
            int colon = s.indexOf(':');
            byChannel.computeIfAbsent(s.substring(0, colon), k -> array()).add(s.substring(colon + 1));
        }
        ObjectNode out = object().put("type", "subscriptions");
        ArrayNode channels = out.putArray("channels");
        byChannel.forEach((name, ids) -> channels.add(object().put("name", name).set("product_ids", ids)));
        return out;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String error(String message, String reason) {
        return object().put("type", "error").put("message", message).put("reason", reason).toString();
    }

    @Override
    protected void onRest(HttpServerRequest request) {
        Matcher m = TRADES.matcher(request.path());
        if (!m.matches() || !products.contains(m.group(1))) {
            json(request.response(), 404, object().put("message", "NotFound"));
            return;
        }
        int limit;
        Long after;
        Long before;
        try {
            limit = request.getParam("limit") == null ? 100 : Integer.parseInt(request.getParam("limit"));
            after = request.getParam("after") == null ? null : Long.parseLong(request.getParam("after"));
            before = request.getParam("before") == null ? null : Long.parseLong(request.getParam("before"));
        } catch (NumberFormatException e) {
            json(request.response(), 400, object().put("message", "Invalid parameter"));
            return;
        }
        if (limit < 1 || limit > 1000) {
            json(request.response(), 400, object().put("message", "Invalid limit"));
            return;
        }
        NavigableMap<Long, ObjectNode> trades = history("matches:" + m.group(1));
        List<ObjectNode> page = new ArrayList<>();
        if (trades != null) {
            if (before != null) {
                // the page just newer than the cursor, newest first
                trades.tailMap(before, false).values().stream().limit(limit).forEach(page::add);
                java.util.Collections.reverse(page);
            } else {
                NavigableMap<Long, ObjectNode> older = after == null ? trades : trades.headMap(after, false);
                older.descendingMap().values().stream().limit(limit).forEach(page::add);
            }
        }
        ArrayNode out = array();
        page.forEach(out::add);
        if (!page.isEmpty()) {
            request.response().putHeader("CB-BEFORE", page.get(0).get("trade_id").asText());
            request.response().putHeader("CB-AFTER", page.get(page.size() - 1).get("trade_id").asText());
        }
        json(request.response(), 200, out);
    }

    @Override
    protected void tooManyRequests(HttpServerResponse response, Duration retryAfter) {
        json(response, 429, object().put("message", "Public rate limit exceeded"));
    }
}
