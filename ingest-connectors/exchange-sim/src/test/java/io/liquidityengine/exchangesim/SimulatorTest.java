package io.liquidityengine.exchangesim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The simulators' wire formats and commands, seen by a plain JDK client. */
class SimulatorTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static RecordedFrames binanceTape() {
        List<String> lines = new ArrayList<>();
        List<String> times = new ArrayList<>();
        for (int a = 1; a <= 6; a++) {
            lines.add("{\"stream\":\"btcusdt@aggTrade\",\"data\":{\"e\":\"aggTrade\",\"E\":" + (1000 + a) + ",\"s\":\"BTCUSDT\",\"a\":" + a
                    + ",\"p\":\"100.0" + a + "\",\"q\":\"0.5\",\"f\":" + (10 * a) + ",\"l\":" + (10 * a) + ",\"T\":" + (1000 + a) + ",\"m\":true,\"M\":true}}");
            times.add("1617566592." + (100000 + a * 1000));
            lines.add("{\"stream\":\"btcusdt@kline_1m\",\"data\":{\"e\":\"kline\",\"E\":1,\"s\":\"BTCUSDT\",\"k\":{}}}");
            times.add("1617566592." + (100500 + a * 1000));
        }
        return RecordedFrames.of(lines, times);
    }

    private static HttpResponse<String> get(String uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void binanceShouldAckSubscriptionsSendSubscribedStreamsAndServeTheHistory() throws Exception {
        try (BinanceSimulator sim = BinanceSimulator.start(binanceTape(), SimulatorSettings.defaults(), 0);
             WsClient client = new WsClient(sim.wsUrl())) {
            client.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@aggTrade\"],\"id\":7}");
            assertThat(client.next()).isEqualTo("{\"result\":null,\"id\":7}");
            client.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"BTCUSDT@aggTrade\"],\"id\":8}");
            assertThat(client.next()).isEqualTo("{\"code\":2,\"msg\":\"Invalid request: invalid stream name 'BTCUSDT@aggTrade'\",\"id\":8}");
            assertThat(sim.release(4)).isEqualTo(4);
            assertThat(client.next()).contains("\"a\":1,");
            assertThat(client.next()).contains("\"a\":2,"); // klines were not subscribed
            sim.skipTrades("BTCUSDT", 2);
            sim.releaseAll();
            assertThat(client.next()).contains("\"a\":5,");
            assertThat(client.next()).contains("\"a\":6,");
            assertThat(sim.skippedTrades()).isEqualTo(2);

            HttpResponse<String> page = get(sim.restUrl() + "/api/v3/aggTrades?symbol=BTCUSDT&fromId=3&limit=2");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).isEqualTo("[{\"a\":3,\"p\":\"100.03\",\"q\":\"0.5\",\"f\":30,\"l\":30,\"T\":1003,\"m\":true,\"M\":true},"
                    + "{\"a\":4,\"p\":\"100.04\",\"q\":\"0.5\",\"f\":40,\"l\":40,\"T\":1004,\"m\":true,\"M\":true}]");
            sim.rateLimit(1);
            HttpResponse<String> limited = get(sim.restUrl() + "/api/v3/aggTrades?symbol=BTCUSDT");
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(limited.body()).contains("\"code\":-1003");
            assertThat(get(sim.restUrl() + "/api/v3/aggTrades?symbol=BTCUSDT").body()).startsWith("[{\"a\":1,");
            assertThat(get(sim.restUrl() + "/api/v3/aggTrades").statusCode()).isEqualTo(400);
            assertThat(sim.rateLimitedAnswers()).isEqualTo(1);

            assertThat(sim.dropConnections()).isEqualTo(1);
            assertThat(client.closed.get(10, TimeUnit.SECONDS)).isEqualTo("1001 dropped by the simulator");
        }
    }

    @Test
    void binanceShouldTakeStreamsFromTheUrlAndSendRawPayloadsOnWs() throws Exception {
        try (BinanceSimulator sim = BinanceSimulator.start(binanceTape(), SimulatorSettings.defaults(), 0);
             WsClient combined = new WsClient(sim.wsUrl() + "?streams=btcusdt@aggTrade/btcusdt@kline_1m");
             WsClient raw = new WsClient("ws://127.0.0.1:" + sim.port() + "/ws/btcusdt@aggTrade")) {
            while (sim.subscriptions() < 2) {
                Thread.onSpinWait();
            }
            sim.release(2);
            assertThat(combined.next()).startsWith("{\"stream\":\"btcusdt@aggTrade\",\"data\":{\"e\":\"aggTrade\"");
            assertThat(combined.next()).startsWith("{\"stream\":\"btcusdt@kline_1m\"");
            assertThat(raw.next()).startsWith("{\"e\":\"aggTrade\",\"E\":1001,");
        }
    }

    @Test
    void playShouldReleaseTheTapeAtItsRecordedPace() throws Exception {
        try (BinanceSimulator sim = BinanceSimulator.start(binanceTape(), SimulatorSettings.defaults(), 0);
             WsClient client = new WsClient(sim.wsUrl() + "?streams=btcusdt@aggTrade")) {
            while (sim.subscriptions() < 1) {
                Thread.onSpinWait();
            }
            sim.play(10);
            for (int a = 1; a <= 6; a++) {
                assertThat(client.next()).contains("\"a\":" + a + ",");
            }
            assertThat(sim.released()).isEqualTo(sim.tapeSize());
        }
    }

    @Test
    void coinbaseShouldAckSendLastMatchOnSubscribeRefuseUnknownProductsAndPageTheHistory() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int id = 1; id <= 5; id++) {
            lines.add("{\"type\":\"match\",\"trade_id\":" + id + ",\"side\":\"sell\",\"size\":\"1\",\"price\":\"" + (10 + id)
                    + "\",\"product_id\":\"BTC-USD\",\"sequence\":" + (100 + id) + ",\"time\":\"2021-04-17T16:43:3" + id + ".000000Z\"}");
        }
        try (CoinbaseSimulator sim = CoinbaseSimulator.start(RecordedFrames.of(lines, null), SimulatorSettings.defaults(), 0)) {
            sim.release(3);
            try (WsClient client = new WsClient(sim.wsUrl())) {
                client.send("{\"type\":\"subscribe\",\"product_ids\":[\"ETH-USD\"],\"channels\":[\"matches\"]}");
                assertThat(client.next()).isEqualTo("{\"type\":\"error\",\"message\":\"Failed to subscribe\",\"reason\":\"ETH-USD is not a valid product\"}");
                client.send("{\"type\":\"subscribe\",\"product_ids\":[\"BTC-USD\"],\"channels\":[\"matches\",\"ticker\"]}");
                assertThat(client.next()).isEqualTo("{\"type\":\"subscriptions\",\"channels\":[{\"name\":\"matches\",\"product_ids\":[\"BTC-USD\"]},"
                        + "{\"name\":\"ticker\",\"product_ids\":[\"BTC-USD\"]}]}");
                assertThat(client.next()).startsWith("{\"type\":\"last_match\",\"trade_id\":3,");
                sim.releaseAll();
                assertThat(client.next()).startsWith("{\"type\":\"match\",\"trade_id\":4,");
            }
            HttpResponse<String> page = get(sim.restUrl() + "/products/BTC-USD/trades?limit=2&after=4");
            assertThat(page.body()).isEqualTo("[{\"time\":\"2021-04-17T16:43:33.000000Z\",\"trade_id\":3,\"price\":\"13\",\"size\":\"1\",\"side\":\"sell\"},"
                    + "{\"time\":\"2021-04-17T16:43:32.000000Z\",\"trade_id\":2,\"price\":\"12\",\"size\":\"1\",\"side\":\"sell\"}]");
            assertThat(page.headers().firstValue("CB-BEFORE")).hasValue("3");
            assertThat(page.headers().firstValue("CB-AFTER")).hasValue("2");
            assertThat(get(sim.restUrl() + "/products/BTC-USD/trades?limit=2&before=1").body()).contains("\"trade_id\":3").contains("\"trade_id\":2")
                    .doesNotContain("\"trade_id\":4");
            assertThat(get(sim.restUrl() + "/products/ETH-USD/trades").statusCode()).isEqualTo(404);
            sim.rateLimit(1);
            assertThat(get(sim.restUrl() + "/products/BTC-USD/trades").body()).isEqualTo("{\"message\":\"Public rate limit exceeded\"}");
        }
    }

    @Test
    void coinbaseShouldCloseAConnectionThatDoesNotSubscribeInTime() throws Exception {
        SimulatorSettings quick = new SimulatorSettings(Duration.ofSeconds(20), Duration.ofMinutes(1), Duration.ofHours(24),
                Duration.ofMillis(200), Duration.ofSeconds(1));
        try (CoinbaseSimulator sim = CoinbaseSimulator.start(RecordedFrames.of(List.of(), null), quick, 0);
             WsClient client = new WsClient(sim.wsUrl())) {
            assertThat(client.closed.get(10, TimeUnit.SECONDS)).isEqualTo("1008 no subscribe message within 200 ms");
        }
    }
}
