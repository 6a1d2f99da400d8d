package io.liquidityengine.ingest.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.liquidityengine.exchangesim.BinanceSimulator;
import io.liquidityengine.exchangesim.CoinbaseSimulator;
import io.liquidityengine.exchangesim.ExchangeSimulator;
import io.liquidityengine.exchangesim.SimulatorSettings;
import io.liquidityengine.exchangesim.RecordedFrames;
import io.liquidityengine.ingest.parse.ParseProblem;
import io.liquidityengine.ingest.parse.PositionKind;
import io.liquidityengine.ingest.parse.ProblemReason;
import io.liquidityengine.schemas.marketdata.Tick;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The crypto source against the simulator's faults, without Kafka: trades skipped on the websocket,
 * dropped connections, a 429 on the history and a restart from the last positions give every trade
 * once; bad frames become problems and the stream goes on; pings are answered; an idle connection,
 * a venue's connection-age cut and a refused subscription lead to a new connection.
 */
class CryptoSourceFaultsTest {

    private static final List<String> SYMBOLS = List.of("BTCUSDT", "DOTUSDT", "ETHUSDT");

    @Test
    void shouldPublishEveryTradeOnceThroughSkipsDropsA429AndARestart() throws Exception {
        RecordedFrames frames = RecordedFrames.resource("/exchanges/binance_spot_2021-04-04");
        List<Long> skipped = btcTradesIn(frames, 300, 500).subList(0, 25);
        List<Tick> all = new ArrayList<>();
        try (BinanceSimulator sim = BinanceSimulator.start(frames, SimulatorSettings.defaults(), 0)) {
            Pump first;
            try (CryptoMarketDataSource source = TestVenues.binance("faults", sim, SYMBOLS)) {
                source.open(0, List.of());
                first = new Pump(source).until(() -> sim.subscriptions() == 1, "subscription");
                sim.release(300);
                first.until(() -> source.framesRead() == sim.framesSent(), "the first 300 frames");

                sim.skipTrades("BTCUSDT", 25);
                sim.release(200);
                first.until(() -> source.framesRead() == sim.framesSent(), "200 frames with 25 BTCUSDT trades skipped");
                assertThat(sim.skippedTrades()).isEqualTo(25);

                assertThat(sim.dropConnections()).isEqualTo(1);
                sim.release(150);
                first.until(() -> sim.subscriptions() == 2 && source.framesRead() == sim.framesSent(), "the second subscription");

                sim.rateLimit(2);
                assertThat(sim.dropConnections()).isEqualTo(1);
                sim.release(100);
                first.until(() -> sim.subscriptions() == 3 && source.framesRead() == sim.framesSent(), "the third subscription");
                assertThat(sim.rateLimitedAnswers()).isEqualTo(2);
            }
            all.addAll(first.ticks);
            assertThat(first.problems).isEmpty();

            // the market goes on while the service is down; a new instance resumes from the positions
            sim.release(100);
            long sentBefore = sim.framesSent();
            try (CryptoMarketDataSource source = TestVenues.binance("faults", sim, SYMBOLS)) {
                source.open(first.nextPosition, first.positions);
                Pump second = new Pump(source).until(() -> sim.subscriptions() == 4 && source.framesRead() == sim.framesSent() - sentBefore,
                        "the subscription after the restart");
                sim.releaseAll();
                second.until(() -> source.framesRead() == sim.framesSent() - sentBefore, "the rest of the session");
                all.addAll(second.ticks);
                assertThat(second.problems).isEmpty();
                assertThat(second.nextPosition).isEqualTo(980);
            }
        }
        assertThat(all).hasSize(980);
        Map<String, List<Long>> ids = all.stream().collect(Collectors.groupingBy(t -> t.getInstrument().toString(), TreeMap::new,
                Collectors.mapping(Tick::getSourceSequence, Collectors.toList())));
        assertThat(ids.get("BTCUSDT")).isEqualTo(range(665076760L, 665077387L));
        assertThat(ids.get("DOTUSDT")).isEqualTo(range(54605678L, 54605764L));
        assertThat(ids.get("ETHUSDT")).isEqualTo(range(291477091L, 291477355L));
        // the skipped trades came from the REST history, without a quote
        assertThat(all.stream().filter(t -> skipped.contains(t.getSourceSequence()) && t.getInstrument().toString().equals("BTCUSDT")))
                .hasSize(25).allSatisfy(t -> {
                    assertThat(t.getSource()).isEqualTo("rest:binance");
                    assertThat(t.getBid()).isNull();
                });
        assertThat(all.subList(0, 10)).allSatisfy(t -> assertThat(t.getSource()).isEqualTo("ws:binance"));
    }

    @Test
    void shouldFillCoinbaseGapsAndDropTheLastMatchReplayedAfterAReconnect() throws Exception {
        RecordedFrames frames = RecordedFrames.resource("/exchanges/coinbase_2021-04-17");
        List<String> products = List.of("SKL-USD", "SKL-BTC", "BAND-GBP", "NMR-EUR", "BAND-BTC", "YFI-BTC", "DASH-BTC", "NU-GBP",
                "CRV-EUR", "SKL-GBP");
        try (CoinbaseSimulator sim = CoinbaseSimulator.start(frames, SimulatorSettings.defaults(), 0);
             CryptoMarketDataSource source = TestVenues.coinbase("coinbase-faults", sim, products)) {
            source.open(0, List.of());
            Pump pump = new Pump(source).until(() -> sim.subscriptions() == 1, "subscription");
            sim.release(30);
            pump.until(() -> source.framesRead() == sim.framesSent(), "30 frames");
            sim.skipTrades("SKL-USD", 3);
            sim.release(25);
            pump.until(() -> source.framesRead() == sim.framesSent(), "25 frames with 3 SKL-USD matches skipped");
            assertThat(sim.skippedTrades()).isEqualTo(3);
            assertThat(sim.dropConnections()).isEqualTo(1);
            sim.release(10);
            // the new subscription gets every product's last trade again as last_match: all published already
            pump.until(() -> sim.subscriptions() == 2 && source.framesRead() == sim.framesSent(), "the second subscription");
            sim.releaseAll();
            pump.until(() -> source.framesRead() == sim.framesSent(), "every frame");
            assertThat(pump.problems).isEmpty();
            assertThat(pump.ticks).hasSize(41);
            Map<String, List<Long>> ids = pump.ticks.stream().collect(Collectors.groupingBy(t -> t.getInstrument().toString(),
                    TreeMap::new, Collectors.mapping(Tick::getSourceSequence, Collectors.toList())));
            assertThat(ids.get("SKL-USD")).isEqualTo(range(1568267L, 1568282L));
            assertThat(ids.get("NMR-EUR")).isEqualTo(range(868598L, 868606L));
            assertThat(ids.get("SKL-BTC")).isEqualTo(range(280231L, 280236L));
            assertThat(pump.ticks.stream().filter(t -> t.getSource().equals("rest:coinbase"))).hasSizeGreaterThanOrEqualTo(3)
                    .allSatisfy(t -> assertThat(t.getBid()).isNull());
        }
    }

    @Test
    void shouldFetchTradesACoinbaseHeartbeatNamesBeforeTheNextTrade() throws Exception {
        RecordedFrames frames = RecordedFrames.resource("/exchanges/coinbase_2021-04-17");
        List<String> products = List.of("SKL-USD", "SKL-BTC", "BAND-GBP", "NMR-EUR", "BAND-BTC", "YFI-BTC", "DASH-BTC", "NU-GBP",
                "CRV-EUR", "SKL-GBP");
        try (CoinbaseSimulator sim = CoinbaseSimulator.start(frames, SimulatorSettings.defaults(), 0);
             CryptoMarketDataSource source = TestVenues.coinbase("heartbeat", sim, products)) {
            source.open(0, List.of());
            Pump pump = new Pump(source).until(() -> sim.subscriptions() == 1, "subscription");
            sim.release(30);
            pump.until(() -> source.framesRead() == sim.framesSent(), "30 frames");
            // the session's remaining SKL-USD matches never arrive, and no SKL-USD trade follows them
            long sklUsd = pump.ticks.stream().filter(t -> t.getInstrument().toString().equals("SKL-USD")).count();
            sim.skipTrades("SKL-USD", 16 - (int) sklUsd);
            sim.releaseAll();
            // only the heartbeat (every second) tells the source they exist
            pump.until(() -> pump.ticks.size() == 41, "the skipped trades from the history");
            assertThat(pump.ticks.stream().filter(t -> t.getInstrument().toString().equals("SKL-USD")).map(Tick::getSourceSequence))
                    .isEqualTo(range(1568267L, 1568282L));
            assertThat(pump.ticks.get(40).getSource()).isEqualTo("rest:coinbase");
            assertThat(pump.problems).isEmpty();
        }
    }

    @Test
    void shouldTurnBadFramesIntoProblemsAndGoOn() throws Exception {
        RecordedFrames frames = RecordedFrames.resource("/exchanges/coinbase_2021-04-17");
        List<String> products = List.of("SKL-USD", "SKL-BTC", "BAND-GBP", "NMR-EUR", "BAND-BTC", "YFI-BTC", "DASH-BTC", "NU-GBP",
                "CRV-EUR", "SKL-GBP");
        String notJson = "{\"type\":\"match\",\"trade_id\":1568283,";
        String missing = "{\"type\":\"match\",\"trade_id\":1568283,\"product_id\":\"SKL-USD\",\"side\":\"sell\",\"size\":\"1\"}";
        String offGrid = "{\"type\":\"ticker\",\"product_id\":\"SKL-USD\",\"best_bid\":\"0.79015\",\"best_ask\":\"0.7914\"}";
        try (CoinbaseSimulator sim = CoinbaseSimulator.start(frames, SimulatorSettings.defaults(), 0);
             CryptoMarketDataSource source = TestVenues.coinbase("bad", sim, products)) {
            source.open(0, List.of());
            Pump pump = new Pump(source).until(() -> sim.subscriptions() == 1, "subscription");
            sim.release(40);
            assertThat(sim.inject(notJson)).isEqualTo(1);
            assertThat(sim.inject(missing)).isEqualTo(1);
            assertThat(sim.inject(offGrid)).isEqualTo(1);
            sim.releaseAll();
            pump.until(() -> source.framesRead() == sim.framesSent(), "every frame");
            assertThat(pump.ticks).hasSize(41);
            assertThat(pump.problems).extracting(ParseProblem::reason).containsExactly(ProblemReason.UNPARSABLE_ROW,
                    ProblemReason.UNPARSABLE_ROW, ProblemReason.OFF_TICK_GRID);
            assertThat(pump.problems).extracting(ParseProblem::rawText).containsExactly(notJson, missing, offGrid);
            assertThat(pump.problems).allSatisfy(p -> assertThat(p.positionKind()).isEqualTo(PositionKind.RECORD_INDEX));
            assertThat(pump.problems.get(1).detail()).isEqualTo("connection 1 frame " + pump.problems.get(1).position()
                    + ": missing field 'price'");
            assertThat(pump.problems.get(2).detail()).isEqualTo("SKL-USD quote: bid 0.79015 / ask 0.7914 is not on the SKL-USD tick grid 0.0001");
        }
    }

    @Test
    void shouldAnswerPingsAndReconnectAfterTheVenuesAndItsOwnConnectionAgeLimitAndWhenIdle() throws Exception {
        RecordedFrames frames = RecordedFrames.resource("/exchanges/binance_spot_2021-04-04");
        SimulatorSettings pinging = SimulatorSettings.defaults().withPings(Duration.ofMillis(100), Duration.ofSeconds(5))
                .withMaxConnectionAge(Duration.ofMillis(700));
        try (BinanceSimulator sim = BinanceSimulator.start(frames, pinging, 0);
             CryptoMarketDataSource source = TestVenues.binance("ping", sim, SYMBOLS)) {
            source.open(0, List.of());
            Pump pump = new Pump(source).until(() -> sim.pongs() >= 3, "three pongs");
            // the simulator closes connections older than 700 ms: the source comes back and subscribes again
            pump.until(() -> sim.connectionsOpened() >= 2 && sim.subscriptions() >= 2, "a connection after the age limit");
        }
        SimulatorSettings silent = SimulatorSettings.defaults().withPings(Duration.ofHours(1), Duration.ofHours(1));
        try (BinanceSimulator sim = BinanceSimulator.start(frames, silent, 0)) {
            CryptoSettings idle = new CryptoSettings(java.net.URI.create(sim.wsUrl()), java.net.URI.create(sim.restUrl()), SYMBOLS,
                    Duration.ofHours(1), Duration.ofMillis(500), Duration.ofHours(23), Duration.ofMillis(50), Duration.ofMillis(200),
                    Duration.ofSeconds(5), Duration.ofSeconds(5));
            try (CryptoMarketDataSource source = TestVenues.binance("idle", idle)) {
                source.open(0, List.of());
                new Pump(source).until(() -> sim.connectionsOpened() >= 2 && sim.subscriptions() >= 2, "a new connection after 500 ms idle");
            }
        }
        try (BinanceSimulator sim = BinanceSimulator.start(frames, silent, 0)) {
            // the client's own limit, set below the venue's 24 hours: it closes and connects again
            CryptoSettings aged = new CryptoSettings(java.net.URI.create(sim.wsUrl()), java.net.URI.create(sim.restUrl()), SYMBOLS,
                    Duration.ofHours(1), Duration.ofHours(1), Duration.ofMillis(300), Duration.ofMillis(50), Duration.ofMillis(200),
                    Duration.ofSeconds(5), Duration.ofSeconds(5));
            try (CryptoMarketDataSource source = TestVenues.binance("aged", aged)) {
                source.open(0, List.of());
                new Pump(source).until(() -> sim.connectionsOpened() >= 2 && sim.subscriptions() >= 2,
                        "a new connection after the client's 300 ms age limit");
            }
        }
    }

    @Test
    void shouldReconnectWhenTheVenueRefusesTheSubscription() throws Exception {
        RecordedFrames frames = RecordedFrames.resource("/exchanges/coinbase_2021-04-17");
        try (CoinbaseSimulator sim = CoinbaseSimulator.start(frames, SimulatorSettings.defaults(), 0);
             CryptoMarketDataSource source = TestVenues.coinbase("refused", sim, List.of("NOPE-USD"))) {
            source.open(0, List.of());
            Pump pump = new Pump(source).until(() -> sim.connectionsOpened() >= 2, "a second connection");
            assertThat(sim.subscriptions()).isZero();
            assertThat(pump.ticks).isEmpty();
            assertThat(pump.problems).isEmpty();
        }
    }

    private static List<Long> range(long from, long to) {
        List<Long> out = new ArrayList<>();
        for (long i = from; i <= to; i++) {
            out.add(i);
        }
        return out;
    }

    /** Ids of the BTCUSDT trades among frames [from, to) of the recording. */
    private static List<Long> btcTradesIn(RecordedFrames frames, int from, int to) throws Exception {
        List<Long> out = new ArrayList<>();
        for (RecordedFrames.Frame f : frames.frames().subList(from, to)) {
            JsonNode data = JsonFields.JSON.readTree(f.text()).get("data");
            if (data.path("e").asText().equals("aggTrade") && data.path("s").asText().equals("BTCUSDT")) {
                out.add(data.get("a").asLong());
            }
        }
        return out;
    }
}
