package io.liquidityengine.exchangesim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo's matching clock: the tape is market data only, orders match the trades printed through {@code POST /sim/trade}. */
class MatchingClockTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String KEY = "demo-key";
    private static final String SECRET = "demo-secret";

    private static String aggTrade(long id, String price, long time) {
        return "{\"stream\":\"btcusdt@aggTrade\",\"data\":{\"e\":\"aggTrade\",\"E\":" + time + ",\"s\":\"BTCUSDT\",\"a\":" + id + ",\"p\":\"" + price
                + "\",\"q\":\"0.5\",\"f\":" + id + ",\"l\":" + id + ",\"T\":" + time + ",\"m\":true,\"M\":true}}";
    }

    private static HttpResponse<String> send(BinanceSimulator sim, String method, String path, String params, boolean signed) throws Exception {
        String body = params;
        if (signed) {
            body = params + "&timestamp=" + System.currentTimeMillis();
            body += "&signature=" + BinanceAuth.hmacHex(SECRET, body);
        }
        boolean inBody = method.equals("POST");
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.restUrl() + path + (inBody || body.isEmpty() ? "" : "?" + body)))
                .header("X-MBX-APIKEY", KEY).header("Content-Type", "application/x-www-form-urlencoded")
                .method(method, inBody ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldMatchOnlyPrintedTradesAndCountTheUserEventsSent() throws Exception {
        RecordedFrames tape = RecordedFrames.of(List.of(aggTrade(1, "100.00", 1_000), aggTrade(2, "98.00", 2_000)),
                List.of("1.0", "2.0"));
        try (BinanceSimulator sim = BinanceSimulator.start(tape, SimulatorSettings.defaults(), 0)) {
            sim.addAccount(KEY, SECRET);
            sim.listSymbol("BTCUSDT", new BigDecimal("0.01"), new BigDecimal("0.00001"));
            sim.matchPrintedTradesOnly();
            String listenKey = SimJson.JSON.readTree(send(sim, "POST", "/api/v3/userDataStream", "", false).body()).get("listenKey").asText();
            WsClient user = new WsClient("ws://127.0.0.1:" + sim.port() + "/ws/" + listenKey);
            try {
                send(sim, "POST", "/api/v3/order", "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.5&price=99.00"
                        + "&newClientOrderId=E1", true);
                assertThat(sim.releaseAll()).isEqualTo(2);   // 98.00 is through the limit, but the tape does not match
                assertThat(sim.openOrders(KEY)).isEqualTo(1);
                assertThat(send(sim, "GET", "/sim/userEvents", "listenKey=" + listenKey, false).body()).isEqualTo("{\"userEventsSent\":1}");

                HttpResponse<String> print = send(sim, "POST", "/sim/trade", "symbol=BTCUSDT&price=98.99&time=1500&listenKey=" + listenKey, false);
                assertThat(print.body()).isEqualTo("{\"userEventsSent\":2}");
                JsonNode accepted = SimJson.JSON.readTree(user.next());
                JsonNode fill = SimJson.JSON.readTree(user.next());
                assertThat(accepted.get("x").asText()).isEqualTo("NEW");
                assertThat(fill.get("x").asText() + " " + fill.get("X").asText() + " " + fill.get("L").asText() + " T" + fill.get("T").asLong())
                        .isEqualTo("TRADE FILLED 99.00000000 T1500");
                assertThat(send(sim, "POST", "/sim/trade", "symbol=BTCUSDT&price=98.99", false).statusCode()).isEqualTo(400);
            } finally {
                user.close();
            }
        }
    }
}
