package io.liquidityengine.exchangesim;

import static io.liquidityengine.exchangesim.SimJson.array;
import static io.liquidityengine.exchangesim.SimJson.object;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liquidityengine.exchangesim.BinanceAuth.Refusal;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Binance spot order entry on the simulator (REST; see the module README for the routes): signed requests
 * checked by {@link BinanceAuth}, orders validated as Binance does (mandatory parameters, the
 * {@code PRICE_FILTER} and {@code LOT_SIZE} of the listed symbols, client order ids, duplicates among open
 * orders), kept and matched by {@link SpotBook}. Errors are Binance's JSON ({@code {"code":-1022,"msg":..}});
 * every answer carries {@code X-MBX-USED-WEIGHT-1M}, the request weight used in the current minute.
 */
final class BinanceOrderEntry {

    /** A symbol's filters. */
    record Listing(BigDecimal tickSize, BigDecimal stepSize) {
    }

    /** A refused request: Binance's error. */
    static final class Refused extends RuntimeException {
        final Refusal refusal;

        Refused(Refusal refusal) {
            super(refusal.msg(), null, false, false);
            this.refusal = refusal;
        }
    }

    final SpotBook book;
    private final Map<String, String> secrets = new HashMap<>();
    private final Map<String, String> listenKeys = new HashMap<>();
    private final Map<String, Listing> listings = new HashMap<>();
    private long clockOffsetMillis;
    private long weightMinute;
    private int usedWeight;
    private long cancelIds;
    private long listenKeyCount;

    BinanceOrderEntry(SpotBook.Events events) {
        this.book = new SpotBook(events);
    }

    void addAccount(String apiKey, String secret) {
        secrets.put(apiKey, secret);
    }

    void list(String symbol, BigDecimal tickSize, BigDecimal stepSize) {
        listings.put(symbol, new Listing(tickSize, stepSize));
    }

    void clockOffset(long millis) {
        clockOffsetMillis = millis;
    }

    long serverMillis() {
        return System.currentTimeMillis() + clockOffsetMillis;
    }

    /** The API key of a listen key, or null. */
    String accountOf(String listenKey) {
        return listenKeys.get(listenKey);
    }

    /** Whether this class serves {@code path}. */
    static boolean serves(String path) {
        return path.equals("/api/v3/time") || path.startsWith("/api/v3/order") || path.equals("/api/v3/openOrders")
                || path.equals("/api/v3/allOrders") || path.equals("/api/v3/myTrades") || path.equals("/api/v3/userDataStream");
    }

    void serve(HttpServerRequest request, String body) {
        String route = request.method().name() + " " + request.path();
        Map<String, String> params = SpotParams.params(request.query(), body);
        HttpServerResponse response = request.response();
        try {
            JsonNode answer = switch (route) {
                case "GET /api/v3/time" -> weigh(1, object().put("serverTime", serverMillis()));
                case "POST /api/v3/userDataStream", "PUT /api/v3/userDataStream", "DELETE /api/v3/userDataStream" ->
                        weigh(2, userDataStream(request.method().name(), request.getHeader("X-MBX-APIKEY"), params));
                default -> signed(route, request, body, params);
            };
            answer(response, 200, answer);
        } catch (Refused e) {
            answer(response, e.refusal.status(), object().put("code", e.refusal.code()).put("msg", e.refusal.msg()));
        } catch (CancelReplaceFailed e) {
            answer(response, 400, e.body);
        }
    }

    private JsonNode signed(String route, HttpServerRequest request, String body, Map<String, String> params) {
        String apiKey = request.getHeader("X-MBX-APIKEY");
        Refusal refusal = BinanceAuth.signed(apiKey, secrets, request.query(), body, params, serverMillis());
        if (refusal != null) {
            weigh(1, null);
            throw new Refused(refusal);
        }
        return switch (route) {
            case "POST /api/v3/order" -> weigh(1, newOrder(apiKey, params));
            case "DELETE /api/v3/order" -> weigh(1, cancelOrder(apiKey, params));
            case "GET /api/v3/order" -> weigh(4, SpotJson.order(find(apiKey, params, "orderId", "origClientOrderId", false)));
            case "POST /api/v3/order/cancelReplace" -> weigh(1, cancelReplace(apiKey, params));
            case "POST /api/v3/orderList/oco" -> weigh(1, newOco(apiKey, params));
            case "DELETE /api/v3/orderList" -> weigh(1, cancelList(apiKey, params));
            case "GET /api/v3/openOrders" -> weigh(params.containsKey("symbol") ? 6 : 80, openOrders(apiKey, params.get("symbol")));
            case "GET /api/v3/allOrders" -> weigh(20, allOrders(apiKey, params));
            case "GET /api/v3/myTrades" -> weigh(20, myTrades(apiKey, params));
            default -> throw new Refused(new Refusal(404, -1, "no such endpoint " + route));
        };
    }

    private JsonNode userDataStream(String method, String apiKey, Map<String, String> params) {
        Refusal key = BinanceAuth.apiKey(apiKey, secrets);
        if (key != null) {
            throw new Refused(key);
        }
        if (method.equals("POST")) {
            String listenKey = String.format("sim%057d", ++listenKeyCount);
            listenKeys.put(listenKey, apiKey);
            return object().put("listenKey", listenKey);
        }
        String listenKey = SpotParams.require(params, "listenKey");
        if (!apiKey.equals(listenKeys.get(listenKey))) {
            throw new Refused(new Refusal(400, -1125, "This listenKey does not exist."));
        }
        if (method.equals("DELETE")) {
            listenKeys.remove(listenKey);
        }
        return object();
    }

    // --- orders ---

    private JsonNode newOrder(String apiKey, Map<String, String> params) {
        SpotOrder o = order(apiKey, params, "", params.get("newClientOrderId"), -1);
        book.add(o);
        return SpotJson.placed(o, o.time);
    }

    private JsonNode newOco(String apiKey, Map<String, String> params) {
        String symbol = symbol(params);
        long listId = book.nextListId();
        String listClientId = SpotParams.clientId(params.getOrDefault("listClientOrderId", "sim-list-" + listId), "listClientOrderId");
        SpotOrder above = order(apiKey, params, "above", params.get("aboveClientOrderId"), listId);
        SpotOrder below = order(apiKey, params, "below", params.get("belowClientOrderId"), listId);
        if (above.clientOrderId.equals(below.clientOrderId)) {
            throw new Refused(new Refusal(400, -2010, "Duplicate order sent."));
        }
        List<SpotOrder> legs = List.of(above, below);
        book.addList(new SpotBook.OrderList(listId, listClientId, apiKey, symbol, legs), above.time);
        ObjectNode answer = SpotJson.listStatus(listId, listClientId, symbol, "EXEC_STARTED", "EXECUTING", above.time, legs, false);
        ArrayNode reports = answer.putArray("orderReports");
        legs.forEach(l -> reports.add(SpotJson.placed(l, l.time)));
        return answer;
    }

    /** A new order from the parameters ({@code prefix} "above"/"below" for an OCO's legs); validated, not yet in the book. */
    private SpotOrder order(String apiKey, Map<String, String> params, String prefix, String clientOrderId, long listId) {
        return order(apiKey, params, prefix, clientOrderId, listId, null);
    }

    /** ... replacing {@code replaced} (a cancel-replace: its client order id is free for the new order). */
    private SpotOrder order(String apiKey, Map<String, String> params, String prefix, String clientOrderId, long listId, SpotOrder replaced) {
        String symbol = symbol(params);
        Listing listing = listings.get(symbol);
        String side = SpotParams.require(params, "side");
        if (!side.equals("BUY") && !side.equals("SELL")) {
            throw new Refused(new Refusal(400, -1117, "Invalid side."));
        }
        String type = SpotParams.require(params, prefix.isEmpty() ? "type" : prefix + "Type");
        BigDecimal quantity = SpotParams.decimal(params, "quantity", true);
        BigDecimal price = SpotParams.decimal(params, SpotParams.name(prefix, "price"), type.equals("LIMIT") || type.equals("LIMIT_MAKER") || type.equals("STOP_LOSS_LIMIT"));
        BigDecimal stop = SpotParams.decimal(params, SpotParams.name(prefix, "stopPrice"), type.equals("STOP_LOSS_LIMIT"));
        String tif = params.get(SpotParams.name(prefix, "timeInForce"));
        switch (type) {
            case "LIMIT", "STOP_LOSS_LIMIT" -> {
                if (tif == null) {
                    throw new Refused(BinanceAuth.mandatory(SpotParams.name(prefix, "timeInForce")));
                }
            }
            case "MARKET", "LIMIT_MAKER" -> tif = "GTC";
            default -> throw new Refused(new Refusal(400, -1116, "Invalid orderType."));
        }
        if (!SpotParams.onStep(price, listing.tickSize()) || !SpotParams.onStep(stop, listing.tickSize())) {
            throw new Refused(new Refusal(400, -1013, "Filter failure: PRICE_FILTER"));
        }
        if (quantity.signum() <= 0 || !SpotParams.onStep(quantity, listing.stepSize())) {
            throw new Refused(new Refusal(400, -1013, "Filter failure: LOT_SIZE"));
        }
        long id = book.nextOrderId();
        String cid = SpotParams.clientId(clientOrderId == null ? "sim-" + id : clientOrderId, SpotParams.name(prefix, "ClientOrderId", "newClientOrderId"));
        SpotOrder holder = book.openByClientId(apiKey, symbol, cid);
        if (holder != null && holder != replaced) {
            throw new Refused(new Refusal(400, -2010, "Duplicate order sent."));
        }
        BigDecimal last = book.lastPrice(symbol);
        if (type.equals("LIMIT_MAKER") && last != null && (side.equals("BUY") ? last.compareTo(price) < 0 : last.compareTo(price) > 0)) {
            throw new Refused(new Refusal(400, -2010, "Order would immediately match and take."));
        }
        long time = book.time(symbol, serverMillis());
        return new SpotOrder(apiKey, symbol, id, listId, cid, side, type, tif, quantity, price == null ? BigDecimal.ZERO : price,
                stop == null ? BigDecimal.ZERO : stop, time, book.tradesSeen(symbol));
    }

    private JsonNode cancelOrder(String apiKey, Map<String, String> params) {
        SpotOrder o = find(apiKey, params, "orderId", "origClientOrderId", true);
        String cancelId = cancelId(params);
        long time = book.time(o.symbol, serverMillis());
        book.cancel(o, cancelId, time);
        return SpotJson.cancelled(o, cancelId, time);
    }

    private JsonNode cancelList(String apiKey, Map<String, String> params) {
        String symbol = symbol(params);
        SpotBook.OrderList list = null;
        for (SpotBook.OrderList l : book.lists.values()) {
            if (l.apiKey().equals(apiKey) && l.symbol().equals(symbol) && l.open()
                    && (String.valueOf(l.id()).equals(params.get("orderListId")) || l.clientId().equals(params.get("listClientOrderId")))) {
                list = l;
            }
        }
        if (list == null) {
            if (!params.containsKey("orderListId") && !params.containsKey("listClientOrderId")) {
                throw new Refused(BinanceAuth.mandatory("orderListId"));
            }
            throw new Refused(new Refusal(400, -2011, "Unknown order sent."));
        }
        String cancelId = cancelId(params);
        long time = book.time(symbol, serverMillis());
        book.cancel(list.orders().stream().filter(SpotOrder::open).findFirst().orElseThrow(), cancelId, time);
        ObjectNode answer = SpotJson.listStatus(list.id(), list.clientId(), symbol, "ALL_DONE", "ALL_DONE", time, list.orders(), false);
        ArrayNode reports = answer.putArray("orderReports");
        list.orders().forEach(o -> reports.add(SpotJson.cancelled(o, cancelId, time)));
        return answer;
    }

    /** A cancel-replace that failed: HTTP 400 with Binance's {@code -2021}/{@code -2022} body. */
    private static final class CancelReplaceFailed extends RuntimeException {
        final ObjectNode body;

        CancelReplaceFailed(ObjectNode body) {
            super(body.toString(), null, false, false);
            this.body = body;
        }
    }

    private JsonNode cancelReplace(String apiKey, Map<String, String> params) {
        String mode = SpotParams.require(params, "cancelReplaceMode");
        if (!mode.equals("STOP_ON_FAILURE") && !mode.equals("ALLOW_FAILURE")) {
            throw new Refused(new Refusal(400, -1100, "Illegal characters found in parameter 'cancelReplaceMode'."));
        }
        SpotOrder old;
        try {
            old = find(apiKey, params, "cancelOrderId", "cancelOrigClientOrderId", true);
        } catch (Refused e) {
            ObjectNode body = object().put("code", -2022).put("msg", "Order cancel-replace failed.");
            body.putObject("data").put("cancelResult", "FAILURE").put("newOrderResult", "NOT_ATTEMPTED")
                    .set("cancelResponse", object().put("code", e.refusal.code()).put("msg", e.refusal.msg()));
            ((ObjectNode) body.get("data")).putNull("newOrderResponse");
            throw new CancelReplaceFailed(body);
        }
        SpotOrder replacement;
        String cancelId = params.getOrDefault("cancelNewClientOrderId", "sim-cancel-" + (++cancelIds));
        long time = book.time(old.symbol, serverMillis());
        try {
            replacement = order(apiKey, params, "", params.get("newClientOrderId"), -1, old);
        } catch (Refused e) {
            // the cancel goes first at Binance: it stands, the new order failed (both modes)
            book.cancel(old, cancelId, time);
            ObjectNode body = object().put("code", -2021).put("msg", "Order cancel-replace partially failed.");
            ObjectNode data = body.putObject("data").put("cancelResult", "SUCCESS").put("newOrderResult", "FAILURE");
            data.set("cancelResponse", SpotJson.cancelled(old, cancelId, time));
            data.set("newOrderResponse", object().put("code", e.refusal.code()).put("msg", e.refusal.msg()));
            throw new CancelReplaceFailed(body);
        }
        book.cancel(old, cancelId, time);
        book.add(replacement);
        ObjectNode answer = object().put("cancelResult", "SUCCESS").put("newOrderResult", "SUCCESS");
        answer.set("cancelResponse", SpotJson.cancelled(old, cancelId, time));
        answer.set("newOrderResponse", SpotJson.placed(replacement, time));
        return answer;
    }

    private SpotOrder find(String apiKey, Map<String, String> params, String idName, String clientIdName, boolean openOnly) {
        String symbol = symbol(params);
        String id = params.get(idName);
        String clientId = params.get(clientIdName);
        if (id == null && clientId == null) {
            throw new Refused(new Refusal(400, -1102, "Param '" + idName + "' or '" + clientIdName + "' must be sent, but both were empty/null!"));
        }
        SpotOrder o;
        if (id != null) {
            o = book.orders.get(Long.parseLong(id));
            o = o != null && o.apiKey.equals(apiKey) && o.symbol.equals(symbol) ? o : null;
        } else {
            o = openOnly ? book.openByClientId(apiKey, symbol, clientId) : book.latestByClientId(apiKey, symbol, clientId);
        }
        if (o == null) {
            throw new Refused(openOnly ? new Refusal(400, -2011, "Unknown order sent.") : new Refusal(400, -2013, "Order does not exist."));
        }
        if (openOnly && !o.open()) {
            throw new Refused(new Refusal(400, -2011, "Unknown order sent."));
        }
        return o;
    }

    private JsonNode openOrders(String apiKey, String symbol) {
        ArrayNode out = array();
        book.orders.values().stream().filter(o -> o.open() && o.apiKey.equals(apiKey) && (symbol == null || o.symbol.equals(symbol)))
                .forEach(o -> out.add(SpotJson.order(o)));
        return out;
    }

    private JsonNode allOrders(String apiKey, Map<String, String> params) {
        String symbol = symbol(params);
        long start = Long.parseLong(params.getOrDefault("startTime", "0"));
        ArrayNode out = array();
        book.orders.values().stream().filter(o -> o.apiKey.equals(apiKey) && o.symbol.equals(symbol) && o.time >= start)
                .limit(Integer.parseInt(params.getOrDefault("limit", "500"))).forEach(o -> out.add(SpotJson.order(o)));
        return out;
    }

    private JsonNode myTrades(String apiKey, Map<String, String> params) {
        String symbol = symbol(params);
        long start = Long.parseLong(params.getOrDefault("startTime", "0"));
        long fromId = Long.parseLong(params.getOrDefault("fromId", "0"));
        String orderId = params.get("orderId");
        ArrayNode out = array();
        book.trades.stream().filter(t -> t.apiKey().equals(apiKey) && t.symbol().equals(symbol) && t.time() >= start && t.id() >= fromId
                        && (orderId == null || String.valueOf(t.order().orderId).equals(orderId)))
                .limit(Integer.parseInt(params.getOrDefault("limit", "500")))
                .forEach(t -> out.addObject().put("symbol", t.symbol()).put("id", t.id()).put("orderId", t.order().orderId)
                        .put("orderListId", t.order().orderListId).put("price", SpotJson.dec(t.price())).put("qty", SpotJson.dec(t.qty()))
                        .put("quoteQty", SpotJson.dec(t.price().multiply(t.qty()))).put("commission", SpotJson.dec(BigDecimal.ZERO))
                        .put("commissionAsset", "BNB").put("time", t.time()).put("isBuyer", t.order().buy()).put("isMaker", t.maker())
                        .put("isBestMatch", true));
        return out;
    }

    // --- parameters and answers ---

    private String symbol(Map<String, String> params) {
        String symbol = SpotParams.require(params, "symbol");
        if (!listings.containsKey(symbol)) {
            throw new Refused(new Refusal(400, -1121, "Invalid symbol."));
        }
        return symbol;
    }

    private String cancelId(Map<String, String> params) {
        return params.containsKey("newClientOrderId") ? SpotParams.clientId(params.get("newClientOrderId"), "newClientOrderId")
                : "sim-cancel-" + (++cancelIds);
    }

    private JsonNode weigh(int weight, JsonNode answer) {
        long minute = System.currentTimeMillis() / 60_000;
        if (minute != weightMinute) {
            weightMinute = minute;
            usedWeight = 0;
        }
        usedWeight += weight;
        return answer;
    }

    private void answer(HttpServerResponse response, int status, JsonNode body) {
        response.putHeader("X-MBX-USED-WEIGHT-1M", String.valueOf(usedWeight));
        SimJson.json(response, status, body);
    }

}
