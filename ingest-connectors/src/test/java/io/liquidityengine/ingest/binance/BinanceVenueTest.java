package io.liquidityengine.ingest.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidityengine.exchangesim.BinanceSimulator;
import io.liquidityengine.exchangesim.RecordedFrames;
import io.liquidityengine.exchangesim.SimulatorSettings;
import io.liquidityengine.ingest.crypto.CryptoMarketDataSource;
import io.liquidityengine.ingest.crypto.CryptoSettings;
import io.liquidityengine.ingest.crypto.RestClient;
import io.liquidityengine.ingest.crypto.TestVenues;
import io.liquidityengine.ingest.crypto.VenueTrade;
import io.liquidityengine.ingest.publish.OutRecord;
import io.liquidityengine.ingest.publish.SourceBatch;
import io.liquidityengine.schemas.marketdata.AggressorSide;
import io.liquidityengine.schemas.marketdata.Tick;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The Binance trade history read page by page from the simulator, for aggregate and single trades. */
class BinanceVenueTest {

    private static RestClient rest() {
        return new RestClient(Duration.ofSeconds(10), Duration.ofSeconds(5), 10, s -> { });
    }

    @Test
    void shouldReadTheAggregateTradeHistoryForwardPageByPage() throws Exception {
        RecordedFrames frames = RecordedFrames.resource("/exchanges/binance_spot_2021-04-04");
        try (BinanceSimulator sim = BinanceSimulator.start(frames, SimulatorSettings.defaults(), 0)) {
            sim.releaseAll();
            CryptoSettings settings = TestVenues.settings(sim, List.of("BTCUSDT"));
            BinanceVenue venue = new BinanceVenue(settings, BinanceStream.AGG_TRADE, rest(), 100);
            List<VenueTrade> all = venue.tradesAfter("BTCUSDT", 665076770L, null);
            assertThat(all).extracting(VenueTrade::id).isEqualTo(range(665076771L, 665077387L));
            assertThat(sim.restRequests()).isEqualTo(7); // 617 trades: six full pages and one of 17
            VenueTrade first = all.get(0);
            assertThat(first.symbol()).isEqualTo("BTCUSDT");
            assertThat(first.tradeCount()).isEqualTo(1);

            // up to a live trade: stops once the page reaches the id before it
            List<VenueTrade> some = venue.tradesAfter("BTCUSDT", 665076770L, 665076800L);
            assertThat(some.get(some.size() - 1).id()).isGreaterThanOrEqualTo(665076799L);
            assertThat(sim.restRequests()).isEqualTo(8);
            assertThat(venue.tradesAfter("BTCUSDT", 665077387L, null)).isEmpty();
        }
    }

    @Test
    void shouldFillSkippedSingleTradesFromHistoricalTrades() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int t = 1; t <= 30; t++) {
            lines.add("{\"stream\":\"bnbbtc@trade\",\"data\":{\"e\":\"trade\",\"E\":" + (1672515782000L + t) + ",\"s\":\"BNBBTC\",\"t\":" + t
                    + ",\"p\":\"0.00" + (1000 + t) + "\",\"q\":\"" + t + ".5\",\"T\":" + (1672515782000L + t) + ",\"m\":" + (t % 3 == 0)
                    + ",\"M\":true}}");
        }
        RecordedFrames frames = RecordedFrames.of(lines, null);
        try (BinanceSimulator sim = BinanceSimulator.start(frames, SimulatorSettings.defaults(), 0)) {
            CryptoSettings settings = TestVenues.settings(sim, List.of("BNBBTC"));
            try (CryptoMarketDataSource source = new CryptoMarketDataSource("trades", new BinanceVenue(settings, BinanceStream.TRADE, rest(), 4),
                    settings, TestVenues.instruments(List.of("BNBBTC")), new SimpleMeterRegistry())) {
                source.open(0, List.of());
                List<Tick> ticks = new ArrayList<>();
                pump(source, ticks, () -> sim.subscriptions() == 1);
                sim.release(5);
                sim.skipTrades("BNBBTC", 10);
                sim.releaseAll();
                pump(source, ticks, () -> source.framesRead() == sim.framesSent());
                assertThat(ticks).extracting(Tick::getSourceSequence).isEqualTo(range(1, 30));
                assertThat(ticks.subList(5, 15)).allSatisfy(t -> assertThat(t.getSource()).isEqualTo("rest:binance"));
                assertThat(ticks.subList(15, 30)).allSatisfy(t -> assertThat(t.getSource()).isEqualTo("ws:binance"));
                Tick sixth = ticks.get(5);
                assertThat(BigDecimal.valueOf(sixth.getPrice())).isEqualByComparingTo("0.001006");
                assertThat(BigDecimal.valueOf(sixth.getSize())).isEqualByComparingTo("6.5");
                assertThat(sixth.getAggressor()).isEqualTo(AggressorSide.SELL); // t=6: buyer is maker
                assertThat(ticks.get(6).getAggressor()).isEqualTo(AggressorSide.BUY);
                assertThat(sim.restRequests()).isEqualTo(3); // ids 6..15 in pages of 4
            }
        }
    }

    private static void pump(CryptoMarketDataSource source, List<Tick> ticks, BooleanSupplier until) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        do {
            SourceBatch batch = source.poll(1000);
            assertThat(batch.problems()).isEmpty();
            for (OutRecord<?> r : batch.records()) {
                ticks.add((Tick) r.value());
            }
            assertThat(System.nanoTime()).as("condition within a minute").isLessThan(deadline);
        } while (!until.getAsBoolean());
    }

    private static List<Long> range(long from, long to) {
        List<Long> out = new ArrayList<>();
        for (long i = from; i <= to; i++) {
            out.add(i);
        }
        return out;
    }
}
