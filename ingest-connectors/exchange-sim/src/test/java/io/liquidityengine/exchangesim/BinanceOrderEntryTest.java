package io.liquidityengine.exchangesim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Binance spot order entry on the simulator, seen by a plain JDK client that signs its requests. */
class BinanceOrderEntryTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** The documented example key pair (Binance's rest-api.md, "SIGNED Endpoint Examples"). */
    private static final String KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
    private static final String SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";

    private BinanceSimulator sim;
    private WsClient user;

    @BeforeEach
    void start() throws Exception {
        sim = BinanceSimulator.start(RecordedFrames.of(List.of(), List.of()), SimulatorSettings.defaults(), 0);
        sim.addAccount(KEY, SECRET);
        sim.listSymbol("BTCUSDT", new BigDecimal("0.01"), new BigDecimal("0.00001"));
        String listenKey = SimJson.JSON.readTree(send("POST", "/api/v3/userDataStream", "", false).body()).get("listenKey").asText();
        user = new WsClient("ws://127.0.0.1:" + sim.port() + "/ws/" + listenKey);
    }

    @AfterEach
    void stop() {
        user.close();
        sim.close();
    }

    private HttpResponse<String> send(String method, String path, String params, boolean signed) throws Exception {
        String body = params;
        if (signed) {
            body = params + (params.isEmpty() ? "" : "&") + "timestamp=" + System.currentTimeMillis();
            body += "&signature=" + BinanceAuth.hmacHex(SECRET, body);
        }
        boolean inBody = method.equals("POST") || method.equals("PUT");
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.restUrl() + path + (inBody || body.isEmpty() ? "" : "?" + body)))
                .header("X-MBX-APIKEY", KEY).header("Content-Type", "application/x-www-form-urlencoded")
                .method(method, inBody ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode nextEvent() throws Exception {
        return SimJson.JSON.readTree(user.next());
    }

    @Test
    void shouldSignLikeTheDocumentedExample() {
        assertThat(BinanceAuth.hmacHex(SECRET, "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000"
                + "&timestamp=1499827319559")).isEqualTo("c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71");
    }

    @Test
    void shouldRefuseBadSignaturesKeysAndTimesWithBinanceErrors() throws Exception {
        HttpResponse<String> bad = send("POST", "/api/v3/order", "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=1&timestamp="
                + System.currentTimeMillis() + "&signature=00", false);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).isEqualTo("{\"code\":-1022,\"msg\":\"Signature for this request is not valid.\"}");
        assertThat(bad.headers().firstValue("X-MBX-USED-WEIGHT-1M")).isPresent();
        sim.clockOffset(Duration.ofSeconds(-10));
        HttpResponse<String> late = send("POST", "/api/v3/order", "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=1", true);
        assertThat(late.body()).isEqualTo("{\"code\":-1021,\"msg\":\"Timestamp for this request is outside of the recvWindow.\"}");
        sim.clockOffset(Duration.ZERO);
        HttpResponse<String> noKey = HTTP.send(HttpRequest.newBuilder(URI.create(sim.restUrl() + "/api/v3/openOrders?timestamp=1&signature=0"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(noKey.statusCode()).isEqualTo(401);
        assertThat(noKey.body()).isEqualTo("{\"code\":-2014,\"msg\":\"API-key format invalid.\"}");
        HttpResponse<String> offGrid = send("POST", "/api/v3/order", "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=100.001", true);
        assertThat(offGrid.body()).isEqualTo("{\"code\":-1013,\"msg\":\"Filter failure: PRICE_FILTER\"}");
        assertThat(sim.ordersAccepted(KEY)).isZero();
    }

    @Test
    void shouldFillALimitThroughItThenAnOcoByItsStopAndReportOnTheUserDataStream() throws Exception {
        HttpResponse<String> placed = send("POST", "/api/v3/order",
                "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.5&price=100.00&newClientOrderId=E1", true);
        assertThat(placed.statusCode()).isEqualTo(200);
        assertThat(SimJson.JSON.readTree(placed.body()).get("status").asText()).isEqualTo("NEW");
        assertThat(send("POST", "/api/v3/order", "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.5&price=100.00&newClientOrderId=E1",
                true).body()).isEqualTo("{\"code\":-2010,\"msg\":\"Duplicate order sent.\"}");
        JsonNode accepted = nextEvent();
        assertThat(accepted.get("e").asText()).isEqualTo("executionReport");
        assertThat(accepted.get("x").asText() + " " + accepted.get("c").asText() + " " + accepted.get("p").asText()).isEqualTo("NEW E1 100.00000000");

        sim.printTrade("BTCUSDT", new BigDecimal("100.00"), 1_000);   // at the limit: not through
        sim.printTrade("BTCUSDT", new BigDecimal("99.99"), 2_000);
        JsonNode fill = nextEvent();
        assertThat(fill.get("x").asText() + " " + fill.get("X").asText() + " " + fill.get("l").asText() + "@" + fill.get("L").asText()
                + " T" + fill.get("T").asLong()).isEqualTo("TRADE FILLED 0.50000000@100.00000000 T2000");

        HttpResponse<String> oco = send("POST", "/api/v3/orderList/oco", "symbol=BTCUSDT&side=SELL&quantity=0.5&listClientOrderId=L1"
                + "&aboveType=LIMIT_MAKER&abovePrice=101.00&aboveClientOrderId=T1&belowType=STOP_LOSS_LIMIT&belowStopPrice=99.00"
                + "&belowPrice=99.00&belowTimeInForce=GTC&belowClientOrderId=S1", true);
        assertThat(oco.statusCode()).isEqualTo(200);
        assertThat(SimJson.JSON.readTree(oco.body()).get("listOrderStatus").asText()).isEqualTo("EXECUTING");
        assertThat(List.of(nextEvent().get("c").asText(), nextEvent().get("c").asText(), nextEvent().get("l").asText()))
                .containsExactly("T1", "S1", "EXEC_STARTED");
        sim.printTrade("BTCUSDT", new BigDecimal("99.00"), 3_000);
        JsonNode stop = nextEvent();
        JsonNode expired = nextEvent();
        JsonNode done = nextEvent();
        assertThat(stop.get("c").asText() + " " + stop.get("X").asText() + " " + stop.get("L").asText()).isEqualTo("S1 FILLED 99.00000000");
        assertThat(expired.get("c").asText() + " " + expired.get("X").asText()).isEqualTo("T1 EXPIRED");
        assertThat(done.get("e").asText() + " " + done.get("L").asText()).isEqualTo("listStatus ALL_DONE");

        JsonNode trades = SimJson.JSON.readTree(send("GET", "/api/v3/myTrades", "symbol=BTCUSDT&startTime=2000", true).body());
        assertThat(trades).hasSize(2);
        assertThat(trades.get(1).get("price").asText() + " " + trades.get(1).get("isBuyer").asBoolean()).isEqualTo("99.00000000 false");
        assertThat(send("GET", "/api/v3/openOrders", "", true).body()).isEqualTo("[]");
        assertThat(SimJson.JSON.readTree(send("GET", "/api/v3/order", "symbol=BTCUSDT&origClientOrderId=T1", true).body()).get("status").asText())
                .isEqualTo("EXPIRED");
    }

    @Test
    void shouldCancelReplaceAndCancel() throws Exception {
        send("POST", "/api/v3/order", "symbol=BTCUSDT&side=SELL&type=LIMIT&timeInForce=GTC&quantity=1&price=105.00&newClientOrderId=E2", true);
        HttpResponse<String> replaced = send("POST", "/api/v3/order/cancelReplace", "symbol=BTCUSDT&side=SELL&type=LIMIT&timeInForce=GTC"
                + "&quantity=1&price=104.00&cancelReplaceMode=STOP_ON_FAILURE&cancelOrigClientOrderId=E2&cancelNewClientOrderId=M1"
                + "&newClientOrderId=E2b", true);
        JsonNode r = SimJson.JSON.readTree(replaced.body());
        assertThat(r.get("cancelResult").asText() + " " + r.get("newOrderResult").asText() + " " + r.get("newOrderResponse").get("price").asText())
                .isEqualTo("SUCCESS SUCCESS 104.00000000");
        nextEvent();
        JsonNode cancel = nextEvent();
        assertThat(cancel.get("x").asText() + " c=" + cancel.get("c").asText() + " C=" + cancel.get("C").asText()).isEqualTo("CANCELED c=M1 C=E2");
        assertThat(nextEvent().get("c").asText()).isEqualTo("E2b");
        HttpResponse<String> failed = send("POST", "/api/v3/order/cancelReplace", "symbol=BTCUSDT&side=SELL&type=LIMIT&timeInForce=GTC"
                + "&quantity=1&price=104.00&cancelReplaceMode=STOP_ON_FAILURE&cancelOrigClientOrderId=NOPE&newClientOrderId=X", true);
        assertThat(failed.statusCode()).isEqualTo(400);
        assertThat(SimJson.JSON.readTree(failed.body()).get("code").asInt()).isEqualTo(-2022);
        assertThat(SimJson.JSON.readTree(send("DELETE", "/api/v3/order", "symbol=BTCUSDT&origClientOrderId=E2b&newClientOrderId=C1", true).body())
                .get("status").asText()).isEqualTo("CANCELED");
        assertThat(send("DELETE", "/api/v3/order", "symbol=BTCUSDT&origClientOrderId=E2b", true).body())
                .isEqualTo("{\"code\":-2011,\"msg\":\"Unknown order sent.\"}");
    }

    @Test
    void shouldBanWithA418WhenRetryAfterIsIgnored() throws Exception {
        sim.banIfRetryAfterIgnored();
        sim.rateLimit(1);
        HttpResponse<String> limited = send("GET", "/api/v3/openOrders", "", true);
        HttpResponse<String> banned = send("GET", "/api/v3/openOrders", "", true);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(banned.statusCode()).isEqualTo(418);
        assertThat(banned.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(SimJson.JSON.readTree(banned.body()).get("code").asInt()).isEqualTo(-1003);
        assertThat(sim.bannedAnswers()).isEqualTo(1);
    }
}
