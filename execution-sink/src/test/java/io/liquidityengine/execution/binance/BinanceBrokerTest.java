package io.liquidityengine.execution.binance;

import static io.liquidityengine.execution.binance.ContractLines.at;
import static io.liquidityengine.execution.binance.ContractLines.place;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquidityengine.exchangesim.SimulatorSettings;
import io.liquidityengine.execution.broker.BrokerSettings;
import io.liquidityengine.execution.broker.BrokerState;
import io.liquidityengine.execution.broker.Side;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Binance broker against the simulator beyond the contract: a 429 storm waited out (nothing sent twice,
 * each Retry-After honoured, no 418), reconciliation after a restart with a fill that happened while the
 * sink was down (booked once), an order sent after the last snapshot taken over instead of sent again.
 */
class BinanceBrokerTest {

    private static BinanceLoopback loopback;

    @BeforeAll
    static void startSimulator() {
        loopback = new BinanceLoopback(SimulatorSettings.defaults());
    }

    @AfterAll
    static void stopSimulator() {
        loopback.close();
    }

    /** A simulator of its own that bans (418) a client ignoring a Retry-After, so no other test's requests share its rate limit. */
    private static BinanceLoopback strict() {
        BinanceLoopback strict = new BinanceLoopback(SimulatorSettings.defaults());
        strict.sim.banIfRetryAfterIgnored();
        return strict;
    }

    @Test
    void shouldWaitOutA429StormAndSendTheOrderOnce() {
        try (BinanceLoopback loopback = strict(); BinanceHarness h = new BinanceHarness(loopback.market(), Optional.empty(), true)) {
            BinanceLoopback.Market market = h.market;
            long requestsBefore = loopback.sim.restRequests();
            long limitedBefore = loopback.sim.rateLimitedAnswers();
            loopback.sim.rateLimit(3);
            h.call(b -> b.place(place("B1", Side.BUY, "6000.00", "6004.00", "5990.00", 0)));

            assertThat(h.take()).containsExactly("B1 accepted B1");
            assertThat(h.pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1));
            assertThat(loopback.sim.rateLimitedAnswers() - limitedBefore).isEqualTo(3);
            assertThat(loopback.sim.bannedAnswers()).isZero();
            assertThat(loopback.sim.restRequests() - requestsBefore).isEqualTo(4);   // three answered 429, then the one that placed it
            assertThat(loopback.sim.ordersWithClientId(market.apiKey(), "B1")).isEqualTo(1);
            assertThat(loopback.sim.ordersAccepted(market.apiKey())).isEqualTo(1);
        }
    }

    @Test
    void shouldRejectTheBracketWhenTheRateLimitOutlastsItsTries() {
        try (BinanceLoopback loopback = strict(); BinanceHarness h = new BinanceHarness(loopback.market(), Optional.empty(), true)) {
            BinanceLoopback.Market market = h.market;
            loopback.sim.rateLimit(5);   // max-tries 5: every try is answered 429
            h.call(b -> b.place(place("B1", Side.BUY, "6000.00", "6004.00", "5990.00", 0)));

            assertThat(h.take()).containsExactly("B1 rejected B1: Binance -1003: Too many requests; please use the websocket for live updates.");
            assertThat(h.pauses).hasSize(4);
            assertThat(loopback.sim.bannedAnswers()).isZero();
            assertThat(loopback.sim.ordersAccepted(market.apiKey())).isZero();
        }
    }

    @Test
    void shouldExitAtMarketWhenTheTargetIsAlreadyCrossedAndBinanceRefusesTheOcoList() {
        BinanceLoopback.Market market = loopback.market();
        try (BinanceHarness h = new BinanceHarness(market, Optional.empty(), true)) {
            h.call(b -> b.place(place("B1", Side.BUY, null, "6004.00", "5990.00", 0)));
            // the MARKET entry fills at 6005.00, above the target: the list's LIMIT_MAKER SELL 6004.00 would take, Binance refuses it
            h.trade("6005.00", at(1));
            assertThat(h.take()).containsExactly("B1 accepted B1", "B1 filled ENTRY BUY 6005 x1 c0 @" + at(1));
            assertThat(loopback.sim.ordersWithClientId(market.apiKey(), "B1-S1")).isZero();   // no stop alone either: the leg exits now
            assertThat(loopback.sim.openOrders(market.apiKey())).isEqualTo(1);                 // the market exit, under the target's id

            h.trade("6006.00", at(2));
            assertThat(h.take()).containsExactly("B1 filled TARGET B1-L1 SELL 6006 x1 c0 @" + at(2), "B1 cancelled STOP B1-L1");
            assertThat(loopback.sim.openOrders(market.apiKey())).isZero();
            assertThat(loopback.sim.clientOrderIds(market.apiKey())).containsOnlyKeys("B1", "B1-T1");
            assertThat(h.broker.state.brackets).isEmpty();   // the bracket is over
        }
    }

    @Test
    void shouldBookAFillThatHappenedWhileDownOnceAfterARestart() {
        BinanceLoopback.Market market = loopback.market();
        Optional<BrokerState> saved;
        try (BinanceHarness first = new BinanceHarness(market, Optional.empty(), true)) {
            first.call(b -> b.place(place("B1", Side.BUY, "6000.00", "6004.00", "5990.00", 0)));
            assertThat(first.take()).containsExactly("B1 accepted B1");
            saved = first.broker.saveState();
        }
        market.trade(new java.math.BigDecimal("5999.75"), at(1));   // the entry fills while no broker listens

        try (BinanceHarness second = new BinanceHarness(market, saved, true)) {
            second.settle();
            assertThat(second.take()).containsExactly("B1 filled ENTRY BUY 6000 x1 c0 @" + at(1));
            assertThat(loopback.sim.openOrders(market.apiKey())).isEqualTo(2);   // the OCO list sent once the fill was booked
            second.call(BinanceBroker::reconcile);
            assertThat(second.take()).isEmpty();
            second.trade("6004.25", at(2));
            assertThat(second.take()).containsExactly("B1 filled TARGET B1-L1 SELL 6004 x1 c0 @" + at(2), "B1 cancelled STOP B1-L1");
            assertThat(loopback.sim.ordersWithClientId(market.apiKey(), "B1")).isEqualTo(1);
            assertThat(loopback.sim.ordersAccepted(market.apiKey())).isEqualTo(3);
        }
    }

    @Test
    void shouldTakeOverAnOrderSentAfterTheLastSnapshotInsteadOfSendingItAgain() {
        BinanceLoopback.Market market = loopback.market();
        Optional<BrokerState> saved;
        try (BinanceHarness first = new BinanceHarness(market, Optional.empty(), true)) {
            saved = first.broker.saveState();   // the last snapshot: nothing yet
            first.call(b -> b.place(place("B1", Side.BUY, "6000.00", "6004.00", "5990.00", 0)));
        }   // the sink dies before its next commit
        market.trade(new java.math.BigDecimal("5999.75"), at(1));

        try (BinanceHarness second = new BinanceHarness(market, saved, false)) {
            second.call(b -> b.place(place("B1", Side.BUY, "6000.00", "6004.00", "5990.00", 0)));   // processed again
            second.call(BinanceBroker::inputCaughtUp);
            assertThat(second.take()).containsExactly("B1 accepted B1", "B1 filled ENTRY BUY 6000 x1 c0 @" + at(1));
            assertThat(loopback.sim.ordersWithClientId(market.apiKey(), "B1")).isEqualTo(1);
            assertThat(loopback.sim.openOrders(market.apiKey())).isEqualTo(2);
        }
    }

    @Test
    void shouldReportAnOpenOrderItNeverSentAsForeign() {
        BinanceLoopback.Market market = loopback.market();
        try (BinanceHarness other = new BinanceHarness(market, Optional.empty(), true)) {
            other.call(b -> b.place(place("X1", Side.BUY, "5000.00", "5004.00", "4990.00", 0)));
        }
        try (BinanceHarness h = new BinanceHarness(market, Optional.empty(), true)) {
            assertThat(h.take()).containsExactly("discrepancy FOREIGN_ORDER X1 null " + market.symbol());
        }
    }

    @Test
    void shouldReconnectTheUserDataStreamAndBookWhatItMissedOnce() throws Exception {
        BinanceLoopback.Market market = loopback.market();
        try (BinanceHarness h = new BinanceHarness(market, Optional.empty(), true)) {
            h.call(b -> b.place(place("B1", Side.BUY, "6000.00", "6004.00", "5990.00", 0)));
            assertThat(h.take()).containsExactly("B1 accepted B1");
            assertThat(loopback.sim.dropConnections()).isEqualTo(1);
            market.trade(new java.math.BigDecimal("5999.75"), at(1));   // the entry fills while the stream is down (or just back)
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (h.broker.streamReconnects() < 1) {
                assertThat(System.nanoTime()).as("the stream is open again").isLessThan(deadline);
                Thread.onSpinWait();
            }
            h.settle();   // the reconciliation queued by the reconnect runs here
            assertThat(h.take()).containsExactly("B1 filled ENTRY BUY 6000 x1 c0 @" + at(1));
            h.trade("5990.00", at(2));   // at the stop: within its limit (stop-limit-ticks 0)
            assertThat(h.take()).containsExactly("B1 filled STOP B1-L1 SELL 5990 x1 c0 @" + at(2), "B1 cancelled TARGET B1-L1");
            assertThat(loopback.sim.ordersAccepted(market.apiKey())).isEqualTo(3);
        }
    }

    @Test
    void shouldWaitForTheNextMinuteOnceTheWeightLimitIsUsed() {
        BinanceLoopback.Market market = loopback.market();
        // a limit of 1: every answer says the minute's weight is used, so every request after the first waits
        try (BinanceHarness h = new BinanceHarness(market, Optional.empty(), true, Map.of("weight-limit-1m", "1"), false)) {
            h.call(b -> b.place(place("B1", Side.BUY, "6000.00", "6004.00", "5990.00", 0)));
            assertThat(h.take()).containsExactly("B1 accepted B1");
            long requests = h.broker.restRequests();
            assertThat(requests).isEqualTo(5);   // time, listen key, open orders (reconcile), open orders (caught up), the order
            assertThat(h.pauses).hasSize((int) requests - 1)
                    .allSatisfy(d -> assertThat(d).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1)));
        }
    }

    @Test
    void shouldSyncWithTheVenuesClockAndResyncOnATimestampOutsideTheRecvWindow() {
        BinanceLoopback.Market market = loopback.market();
        loopback.sim.clockOffset(Duration.ofSeconds(30));
        try (BinanceHarness h = new BinanceHarness(market, Optional.empty(), true)) {
            h.call(b -> b.place(place("B1", Side.BUY, "6000.00", "6004.00", "5990.00", 0)));   // timestamps from the learnt offset
            loopback.sim.clockOffset(Duration.ofSeconds(-30));   // the venue's clock jumps back a minute
            long before = h.broker.restRequests();
            h.call(b -> b.place(place("B2", Side.BUY, "5000.00", "5004.00", "4990.00", 0)));
            assertThat(h.take()).containsExactly("B1 accepted B1", "B2 accepted B2");
            assertThat(h.broker.restRequests() - before).as("-1021, the time, the order again").isEqualTo(3);
            assertThat(loopback.sim.ordersWithClientId(market.apiKey(), "B2")).isEqualTo(1);
        } finally {
            loopback.sim.clockOffset(Duration.ZERO);
        }
    }

    @Test
    void shouldRefuseSettingsWithoutCredentialsOrWithUnknownKeys() {
        assertThatThrownBy(() -> BinanceBrokerConfig.from(new BrokerSettings(Map.of("secret-env", "S"), "test")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("api-key-file or api-key-env is required (test)");
        assertThatThrownBy(() -> BinanceBrokerConfig.from(new BrokerSettings(Map.of("api-key-env", "K", "secret-env", "S", "recv-window", "1"), "test")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("unknown broker settings [recv-window] (test)");
        BinanceBrokerConfig config = BinanceBrokerConfig.from(new BrokerSettings(Map.of("api-key-env", "K", "secret-env", "S"), "test"));
        assertThat(config.symbol("BTC-USDT")).isEqualTo("BTCUSDT");
        assertThatThrownBy(() -> config.credentials(Map.of("K", "key")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the environment variable S (the Binance secret) is not set");
        assertThat(config.credentials(Map.of("K", "key", "S", "secret")).apiKey()).isEqualTo("key");
        assertThat(config.sinkMatchingClock()).isFalse();
        assertThat(BinanceBrokerConfig.from(new BrokerSettings(Map.of("api-key-env", "K", "secret-env", "S", "matching-clock", "sink"), "test"))
                .sinkMatchingClock()).isTrue();
        assertThatThrownBy(() -> BinanceBrokerConfig.from(new BrokerSettings(Map.of("api-key-env", "K", "secret-env", "S", "matching-clock", "trades"),
                "test"))).isInstanceOf(IllegalArgumentException.class).hasMessage("matching-clock must be venue or sink, was trades (test)");
    }
}
