package io.liquidityengine.ingest.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquidityengine.exchangesim.BinanceSimulator;
import io.liquidityengine.exchangesim.RecordedFrames;
import io.liquidityengine.exchangesim.SimulatorSettings;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The REST client against the simulator's answers: a 429 is waited out once per answer, a 4xx fails at once, tries are capped. */
class RestClientTest {

    @Test
    void shouldWaitOutA429AndFailAtOnceOnA4xx() throws Exception {
        try (BinanceSimulator sim = BinanceSimulator.start(RecordedFrames.resource("/exchanges/binance_spot_2021-10-12"),
                SimulatorSettings.defaults(), 0)) {
            sim.releaseAll();
            List<Integer> limited = new ArrayList<>();
            RestClient rest = new RestClient(Duration.ofSeconds(10), Duration.ofSeconds(5), 3, limited::add);
            sim.rateLimit(1);
            RestClient.Answer answer = rest.get(URI.create(sim.restUrl() + "/api/v3/aggTrades?symbol=NKNUSDT"));
            assertThat(answer.body()).isEqualTo("[{\"a\":15683430,\"p\":\"0.35280000\",\"q\":\"58.00000000\",\"f\":19862790,"
                    + "\"l\":19862790,\"T\":1633998523963,\"m\":false,\"M\":true}]");
            assertThat(limited).containsExactly(429);
            assertThat(sim.restRequests()).isEqualTo(2);

            assertThatThrownBy(() -> rest.get(URI.create(sim.restUrl() + "/api/v3/aggTrades"))).isInstanceOf(RestClient.Refused.class)
                    .hasMessage("/api/v3/aggTrades: HTTP 400: {\"code\":-1102,\"msg\":\"Mandatory parameter 'symbol' was not sent, "
                            + "was empty/null, or malformed.\"}");
            assertThat(sim.restRequests()).isEqualTo(3);

            // three 429s in a row use up the three tries: one request at a time, then the call fails
            sim.rateLimit(3);
            assertThatThrownBy(() -> rest.get(URI.create(sim.restUrl() + "/api/v3/aggTrades?symbol=NKNUSDT")))
                    .hasMessageStartingWith("/api/v3/aggTrades: no answer after 3 attempts; last: HTTP 429: ");
            assertThat(sim.restRequests()).isEqualTo(6);
            assertThat(limited).containsExactly(429, 429, 429, 429);
        }
    }
}
