package io.liquidityengine.ingest.coinbase;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidityengine.exchangesim.CoinbaseSimulator;
import io.liquidityengine.exchangesim.RecordedFrames;
import io.liquidityengine.exchangesim.SimulatorSettings;
import io.liquidityengine.ingest.crypto.CryptoSettings;
import io.liquidityengine.ingest.crypto.RestClient;
import io.liquidityengine.ingest.crypto.TestVenues;
import io.liquidityengine.ingest.crypto.VenueTrade;
import io.liquidityengine.schemas.marketdata.AggressorSide;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Coinbase trade history read backwards page by page (CB-AFTER cursors) from the simulator. */
class CoinbaseVenueTest {

    @Test
    void shouldPageBackFromTheNewestTradeToTheLastPublishedOne() throws Exception {
        RecordedFrames frames = RecordedFrames.resource("/exchanges/coinbase_2021-04-17");
        try (CoinbaseSimulator sim = CoinbaseSimulator.start(frames, SimulatorSettings.defaults(), 0)) {
            sim.releaseAll();
            CryptoSettings settings = TestVenues.settings(sim, List.of("SKL-USD"));
            CoinbaseVenue venue = new CoinbaseVenue(settings, new RestClient(Duration.ofSeconds(10), Duration.ofSeconds(5), 10, s -> { }), 4);
            List<VenueTrade> trades = venue.tradesAfter("SKL-USD", 1568268L, null);
            assertThat(trades).extracting(VenueTrade::id).containsExactly(1568269L, 1568270L, 1568271L, 1568272L, 1568273L, 1568274L,
                    1568275L, 1568276L, 1568277L, 1568278L, 1568279L, 1568280L, 1568281L, 1568282L);
            assertThat(sim.restRequests()).isEqualTo(4); // 14 trades after the position, newest first in pages of 4
            VenueTrade last = trades.get(trades.size() - 1);
            assertThat(last.price()).isEqualByComparingTo(new BigDecimal("0.7914"));
            assertThat(last.size()).isEqualByComparingTo(new BigDecimal("310.5"));
            assertThat(last.aggressor()).isEqualTo(AggressorSide.BUY);

            // before a live trade: the page below it
            assertThat(venue.tradesAfter("SKL-USD", 1568268L, 1568272L)).extracting(VenueTrade::id)
                    .containsExactly(1568269L, 1568270L, 1568271L);
            assertThat(venue.tradesAfter("SKL-USD", 1568282L, null)).isEmpty();
        }
    }
}
