package io.liquidityengine.ingest.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidityengine.ingest.parse.ParseProblem;
import io.liquidityengine.ingest.parse.ProblemReason;
import io.liquidityengine.ingest.publish.OutRecord;
import io.liquidityengine.schemas.Micros;
import io.liquidityengine.schemas.catalog.Topics;
import io.liquidityengine.schemas.marketdata.AggressorSide;
import io.liquidityengine.schemas.marketdata.Tick;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CryptoTicksTest {

    private final CryptoTicks ticks = new CryptoTicks(TestVenues.instruments(List.of("BTCUSDT")));

    private static VenueTrade trade(String price, String size) {
        return new VenueTrade("BTCUSDT", 665076760L, new BigDecimal(price), new BigDecimal(size), AggressorSide.SELL,
                1_617_566_591_314_000L, 1, "raw " + price);
    }

    @Test
    void shouldMakeATickWithTheExchangeTimeAndTheLastQuote() {
        List<ParseProblem> problems = new ArrayList<>();
        OutRecord<Tick> r = ticks.toRecord(trade("58001.03000000", "0.08620500"),
                new VenueQuote("BTCUSDT", new BigDecimal("58001.02"), new BigDecimal("58001.03")), "ws:binance", "ws://x", 3, problems);
        assertThat(problems).isEmpty();
        assertThat(r.topic()).isEqualTo(Topics.MD_TICKS);
        assertThat(r.key()).isEqualTo("BTCUSDT");
        assertThat(r.timestampMillis()).isEqualTo(1_617_566_591_314L);
        assertThat(r.value()).isEqualTo(Tick.newBuilder().setInstrument("BTCUSDT").setEventTime(Micros.instant(1_617_566_591_314_000L))
                .setPrice(58001.03).setSize(0.086205).setAggressor(AggressorSide.SELL).setBid(58001.02).setAsk(58001.03)
                .setTradeCount(1).setSource("ws:binance").setSourceSequence(665076760L).build());
    }

    @Test
    void shouldRejectAPriceOffTheGridASizeOffItsStepAndNonPositiveValues() {
        List<ParseProblem> problems = new ArrayList<>();
        assertThat(ticks.toRecord(trade("58001.035", "0.1"), null, "ws:binance", "ws://x", 4, problems)).isNull();
        assertThat(ticks.toRecord(trade("58001.03", "0.0000001"), null, "ws:binance", "ws://x", 5, problems)).isNull();
        assertThat(ticks.toRecord(trade("0", "0.1"), null, "ws:binance", "ws://x", 6, problems)).isNull();
        assertThat(problems).extracting(ParseProblem::reason).containsExactly(ProblemReason.OFF_TICK_GRID, ProblemReason.INVALID_VALUE,
                ProblemReason.INVALID_VALUE);
        assertThat(problems).extracting(ParseProblem::detail).containsExactly(
                "BTCUSDT trade 665076760: price 58001.035 is not on the BTCUSDT tick grid 0.01",
                "BTCUSDT trade 665076760: size 0.0000001 is not a multiple of the BTCUSDT quantity step 0.000001",
                "BTCUSDT trade 665076760: price 0, size 0.1, trades 1");
        assertThat(problems).extracting(ParseProblem::position).containsExactly(4L, 5L, 6L);
        assertThat(problems.get(0).rawText()).isEqualTo("raw 58001.035");
    }
}
